import type { WorkspaceModel } from '../model/workspaceModel';
import { inferCalls } from './eastWest/inferCalls';
import { EdgeCollector } from './edgeCollector';
import { EXTERNAL_ID, type Graph } from './graph';
import { graphNodes } from './graphNodes';
import { GraphContext } from './graphContext';
import { exposedServiceEdges } from './northSouth/exposedServices';
import { gatewayApiEdges } from './northSouth/gatewayApi';
import { ingressEdges } from './northSouth/ingresses';
import { istioEdges } from './northSouth/istio';
import { openshiftRouteEdges } from './northSouth/openshiftRoutes';
import { selectsEdges } from './selectsEdges';
import { withPolicyVerdicts } from './policyVerdicts';
import { parseIngressController } from '../policy/endpoints';
import { PolicyEngine } from '../policy/policyEngine';
import { UnevaluatedPolicies } from '../policy/unevaluatedPolicies';

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
  // A Service selects a workload once: `selects` edges need no merging.
  const selects = selectsEdges(context);
  // Calls are merged per caller already (and reused between analyses): no second merge.
  const calls = inferCalls(context, previous?.calls);
  const policy = new PolicyEngine(model, previous?.policy);
  const unevaluatedPolicies = new UnevaluatedPolicies(model);
  const ingressController = parseIngressController(model.options.ingressController);
  const annotated = withPolicyVerdicts(
    collector.result(),
    calls.byWorkload.map((workload) => workload.edges),
    context,
    policy,
    unevaluatedPolicies,
    {
      kind: 'ingress-controller',
      controller: ingressController,
    },
    previous?.verdicts,
  );
  // concat, not spread: spreading 100,000 edges costs several milliseconds on every edit.
  const edges = annotated.northSouth.concat(selects, annotated.calls);

  const hasExternal = annotated.northSouth.some((edge) => edge.from === EXTERNAL_ID);
  const { nodes, nodesById } = graphNodes(context, hasExternal, previous);

  return {
    nodes,
    edges,
    nodesById,
    blockedEdges: annotated.blocked,
    unresolvedCalls: calls.unresolved,
    unresolvedByCaller: calls.unresolvedChunks,
    context,
    policy,
    unevaluatedPolicies,
    ingressController,
    verdicts: annotated.cache,
    calls,
  };
}
