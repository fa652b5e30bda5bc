import type { WorkspaceModel } from '../model/workspaceModel';
import { sameItems } from '../util/sameItems';
import { flatten } from '../util/flatten';
import type { UnresolvedCall } from './eastWest/inferCalls';
import { inferCalls } from './eastWest/inferCalls';
import { EdgeCollector } from './edgeCollector';
import { EXTERNAL_ID, type Graph, type GraphEdge } from './graph';
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

function mergedEdges(edges: readonly GraphEdge[]): GraphEdge[] {
  const collector = new EdgeCollector();
  for (const edge of edges) collector.add(edge);
  return collector.result();
}

/**
 * The service graph: `external`, entry points, Services and workloads as nodes; north-south
 * (`exposes`, `routes`), `selects` and east-west `calls` edges, each with its evidence.
 */
export function buildGraph(model: WorkspaceModel, previous?: Graph): Graph {
  const context = new GraphContext(model, previous?.context);
  const exposed = exposedServiceEdges(context, previous?.lists.exposed);
  const ingresses = ingressEdges(context, previous?.lists.ingresses);
  const northSouthBuilt = flatten(exposed.results).concat(
    flatten(ingresses.results),
    openshiftRouteEdges(context),
    gatewayApiEdges(context),
    istioEdges(context),
  );
  // Each entry point's edges are reused per object: when all are the same edges as before, so is
  // their merge (re-keying every north-south edge on each keystroke cost milliseconds).
  const northSouth = sameItems(northSouthBuilt, previous?.northSouth.built)
    ? previous!.northSouth
    : { built: northSouthBuilt, merged: mergedEdges(northSouthBuilt) };
  // A Service selects a workload once: `selects` edges need no merging.
  const selectsPerService = selectsEdges(context, previous?.lists.selects);

  // Calls are merged per caller already (and reused between analyses): no second merge.
  const calls = inferCalls(context, previous?.calls);
  const policy = new PolicyEngine(model, previous?.policy);
  const unevaluatedPolicies = new UnevaluatedPolicies(model);
  const ingressController = parseIngressController(model.options.ingressController);
  const annotated = withPolicyVerdicts(
    northSouth.merged,
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
  // Joined once from the pieces (per Service, per caller): concatenating or spreading 100,000
  // edges in steps cost several milliseconds on every edit.
  const edges = flatten([annotated.northSouth, ...selectsPerService.results, ...annotated.calls]);

  const hasExternal = annotated.northSouth.some((edge) => edge.from === EXTERNAL_ID);
  const { nodes, nodesById } = graphNodes(context, hasExternal, previous);

  let unresolvedCalls: UnresolvedCall[] | undefined;
  return {
    nodes,
    edges,
    nodesById,
    blockedEdges: annotated.blocked,
    // Flattened on first read: most re-analyses after an edit never list them all.
    get unresolvedCalls() {
      unresolvedCalls ??= flatten(calls.unresolvedChunks);
      return unresolvedCalls;
    },
    unresolvedByCaller: calls.unresolvedChunks,
    context,
    policy,
    unevaluatedPolicies,
    ingressController,
    verdicts: annotated.cache,
    northSouth,
    lists: { exposed, ingresses, selects: selectsPerService },
    calls,
  };
}
