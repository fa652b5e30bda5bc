import type { WorkspaceModel } from '../model/workspaceModel';
import { flatten } from '../util/flatten';
import type { UnresolvedCall } from './eastWest/inferCalls';
import { inferCalls } from './eastWest/inferCalls';
import { mergedEdges } from './edgeCollector';
import { EXTERNAL_ID, type Graph, type GraphEdge } from './graph';
import { graphNodes, type GraphNodes } from './graphNodes';
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
  const exposed = exposedServiceEdges(context, previous?.lists.exposed);
  const ingresses = ingressEdges(context, previous?.lists.ingresses);
  // Every north-south edge names the object that makes it (`exposes` ends at it, `routes` starts
  // at it), so edges of different objects never merge: each object's edges are merged on their
  // own, and their verdicts are kept per object like each caller's (merging and annotating all
  // of them again on each keystroke cost milliseconds).
  const otherEntries = mergedEdges([
    ...openshiftRouteEdges(context),
    ...gatewayApiEdges(context),
    ...istioEdges(context),
  ]);
  // A Service selects a workload once: `selects` edges need no merging.
  const selectsPerService = selectsEdges(context, previous?.lists.selects);

  // Calls are merged per caller already (and reused between analyses): no second merge.
  const calls = inferCalls(context, previous?.calls);
  const policy = new PolicyEngine(model, previous?.policy);
  const unevaluatedPolicies = new UnevaluatedPolicies(model);
  const ingressController = parseIngressController(model.options.ingressController);
  const annotated = withPolicyVerdicts(
    [
      { lists: exposed.results, recomputed: exposed.recomputed },
      { lists: ingresses.results, recomputed: ingresses.recomputed },
      { lists: [otherEntries], recomputed: 'all' },
    ],
    { lists: calls.edges, recomputed: calls.perWorkload.recomputed },
    context,
    policy,
    unevaluatedPolicies,
    {
      kind: 'ingress-controller',
      controller: ingressController,
    },
    previous?.verdicts,
  );
  // The flat lists are made on first read: the analysis after a keystroke reads neither (rules
  // use the pieces), and joining 100,000 edges and building 30,000 nodes cost milliseconds that
  // grew with the workspace. Nodes built by the previous graph are handed on now, not the
  // previous graph itself: a chain of graphs that never listed their nodes would stay alive.
  let edges: GraphEdge[] | undefined;
  let nodes: GraphNodes | undefined;
  let previousNodes = previous?.builtNodes;
  const listNodes = (): GraphNodes => {
    if (!nodes) {
      const hasExternal = annotated.northSouth.some((group) =>
        group.some((part) => part.some((edge) => edge.from === EXTERNAL_ID)),
      );
      nodes = graphNodes(context, hasExternal, previousNodes);
      previousNodes = undefined;
    }
    return nodes;
  };
  let unresolvedCalls: UnresolvedCall[] | undefined;
  let blockedEdges: GraphEdge[] | undefined;
  return {
    get nodes() {
      return listNodes().nodes;
    },
    get edges() {
      // Joined once from the pieces (per Service, per caller), not step by step.
      edges ??= flatten([...flatten(annotated.northSouth), ...selectsPerService.results, ...annotated.calls]);
      return edges;
    },
    get nodesById() {
      return listNodes().nodesById;
    },
    get builtNodes() {
      return nodes;
    },
    get blockedEdges() {
      blockedEdges ??= flatten(flatten(annotated.blocked));
      return blockedEdges;
    },
    blockedParts: annotated.blocked,
    // Flattened on first read: most re-analyses after an edit never list them all.
    get unresolvedCalls() {
      unresolvedCalls ??= flatten(calls.unresolved);
      return unresolvedCalls;
    },
    unresolvedByCaller: calls.unresolved,
    context,
    policy,
    unevaluatedPolicies,
    ingressController,
    verdicts: annotated.cache,
    lists: { exposed, ingresses, selects: selectsPerService },
    calls,
  };
}
