import type { K8sObject } from '../model/k8sObject';
import type { WorkspaceModel } from '../model/workspaceModel';
import { inferCalls } from './eastWest/inferCalls';
import { EdgeCollector } from './edgeCollector';
import { EXTERNAL_ID, type Graph, type GraphNode, type NodeCategory } from './graph';
import { GraphContext } from './graphContext';
import { exposedServiceEdges } from './northSouth/exposedServices';
import { GATEWAY_ROUTE_KINDS, gatewayApiEdges } from './northSouth/gatewayApi';
import { ingressEdges } from './northSouth/ingresses';
import { gatewayBoundVirtualServices, ISTIO_GATEWAY_KIND, istioEdges } from './northSouth/istio';
import { openshiftRouteEdges } from './northSouth/openshiftRoutes';
import { selectsEdges } from './selectsEdges';
import { withPolicyVerdicts } from './policyVerdicts';
import { parseIngressController } from '../policy/endpoints';
import { PolicyEngine } from '../policy/policyEngine';
import { UnevaluatedPolicies } from '../policy/unevaluatedPolicies';

/** Id kinds drawn as entry points: what outside traffic passes through before a Service. */
const ENTRY_KINDS = ['Ingress', 'Route', 'Gateway', ISTIO_GATEWAY_KIND, ...GATEWAY_ROUTE_KINDS] as const;

/**
 * The service graph: `external`, entry points, Services and workloads as nodes; north-south
 * (`exposes`, `routes`), `selects` and east-west `calls` edges, each with its evidence.
 */
export function buildGraph(model: WorkspaceModel, previous?: Graph): Graph {
  const context = new GraphContext(model, previous?.context);
  const collector = new EdgeCollector();
  const northSouth = [
    ...exposedServiceEdges(context),
    ...ingressEdges(context),
    ...openshiftRouteEdges(context),
    ...gatewayApiEdges(context),
    ...istioEdges(context),
  ];
  for (const edge of northSouth) collector.add(edge);
  for (const edge of selectsEdges(context)) collector.add(edge);
  // Calls are merged per caller already (and reused between analyses): no second merge.
  const calls = inferCalls(context);
  const policy = new PolicyEngine(model, previous?.policy);
  const unevaluatedPolicies = new UnevaluatedPolicies(model);
  const ingressController = parseIngressController(model.options.ingressController);
  const { edges, cache: verdicts } = withPolicyVerdicts(
    [...collector.result(), ...calls.edges],
    context,
    policy,
    unevaluatedPolicies,
    {
      kind: 'ingress-controller',
      controller: ingressController,
    },
    previous?.verdicts,
  );

  const nodes: GraphNode[] = [];
  if (edges.some((edge) => edge.from === EXTERNAL_ID)) {
    nodes.push({
      id: EXTERNAL_ID,
      kind: 'External',
      name: 'external',
      namespace: null,
      category: 'external',
    });
  }
  const addNode = (object: K8sObject, category: NodeCategory) =>
    nodes.push({
      id: object.id,
      kind: object.kind,
      name: object.name,
      namespace: object.namespace,
      category,
      object,
    });
  for (const kind of ENTRY_KINDS) for (const object of model.ofKind(kind)) addNode(object, 'entry');
  for (const { object } of gatewayBoundVirtualServices(context)) addNode(object, 'entry');
  for (const service of model.services) addNode(service, 'service');
  for (const { object } of model.workloads) addNode(object, 'workload');

  return {
    nodes,
    edges,
    nodesById: new Map(nodes.map((node) => [node.id, node])),
    unresolvedCalls: calls.unresolved,
    context,
    policy,
    unevaluatedPolicies,
    ingressController,
    verdicts,
  };
}
