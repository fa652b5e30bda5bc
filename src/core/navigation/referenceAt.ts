import type { Analysis } from '../analysis';
import type { UnresolvedCall } from '../graph/eastWest/inferCalls';
import type { Evidence, GraphEdge } from '../graph/graph';
import type { K8sObject } from '../model/k8sObject';
import { rangeContains, type SourceRange } from '../model/sourceRange';
import { backendRefs, BACKEND_KINDS, type BackendRef } from './backendRefs';
import { edgesFrom } from './edgeIndex';

/** A value under the cursor that refers to a Service: what it is and what it resolves to. */
export type ReferenceAt =
  /** An env value, arg, command or ConfigMap value that implies `calls` edges (one per Service port). */
  | { readonly kind: 'call'; readonly range: SourceRange; readonly edges: readonly GraphEdge[] }
  /** A value that looks like a cluster address but names no Service. */
  | { readonly kind: 'unresolved-call'; readonly range: SourceRange; readonly call: UnresolvedCall }
  /**
   * A backend of an Ingress, Route, Gateway API route or VirtualService: its `routes` edges, or,
   * when the graph has none (missing Service, no ReferenceGrant, not bound to a Gateway), the
   * reference as written with the Service it names, if any.
   */
  | {
      readonly kind: 'backend';
      readonly range: SourceRange;
      readonly edges: readonly GraphEdge[];
      readonly ref?: BackendRef;
    };

/**
 * The most specific Service reference containing `offset` inside `object`, found through the
 * evidence of the edges the object can hold evidence for: calls of a workload, calls of the
 * workloads of a ConfigMap's namespace (its values are read by them), routes of an entry object.
 */
export function referenceAt(analysis: Analysis, object: K8sObject, offset: number): ReferenceAt | undefined {
  const file = object.file;
  const graph = analysis.graph;
  let best: ReferenceAt | undefined;
  const consider = (candidate: ReferenceAt) => {
    if (!best || length(candidate.range) < length(best.range)) best = candidate;
  };

  const callers = callersReading(analysis, object);
  const calls = hits(
    callers.flatMap((id) => edgesFrom(graph, id, 'calls')),
    file,
    offset,
  );
  if (calls) consider({ kind: 'call', range: calls.range, edges: calls.edges });

  const callerIds = new Set(callers);
  for (const call of graph.unresolvedCalls) {
    if (!callerIds.has(call.from)) continue;
    const range = smallestContaining(call.evidence, file, offset);
    if (range) consider({ kind: 'unresolved-call', range, call });
  }

  if (BACKEND_KINDS.has(kindOf(object))) {
    const routes = hits(
      edgesFrom(graph, object.id, 'routes').filter((edge) => edge.to.startsWith('Service/')),
      file,
      offset,
    );
    if (routes) consider({ kind: 'backend', range: routes.range, edges: routes.edges });
    else {
      for (const ref of backendRefs(analysis, object)) {
        const range = object.locate(ref.namePath);
        if (range && rangeContains(range, offset)) consider({ kind: 'backend', range, edges: [], ref });
      }
    }
  }
  return best;
}

/** Ids of the workloads whose calls may have evidence in `object`. */
function callersReading(analysis: Analysis, object: K8sObject): string[] {
  if (analysis.model.workloadsById.has(object.id)) return [object.id];
  if (kindOf(object) !== 'ConfigMap') return [];
  return analysis.model.workloads
    .filter((workload) => workload.object.namespace === object.namespace)
    .map((workload) => workload.object.id);
}

/** The smallest evidence range containing the offset, and every edge that has evidence there. */
function hits(
  edges: readonly GraphEdge[],
  file: string,
  offset: number,
): { range: SourceRange; edges: GraphEdge[] } | undefined {
  let range: SourceRange | undefined;
  let found: GraphEdge[] = [];
  for (const edge of edges) {
    const hit = smallestContaining(edge.evidence ?? [], file, offset);
    if (!hit) continue;
    if (!range || length(hit) < length(range)) {
      range = hit;
      found = [edge];
    } else if (hit.start === range.start && hit.end === range.end) found.push(edge);
  }
  return range ? { range, edges: found } : undefined;
}

function smallestContaining(
  evidence: readonly Evidence[],
  file: string,
  offset: number,
): SourceRange | undefined {
  let best: SourceRange | undefined;
  for (const item of evidence) {
    const range = item.range;
    if (range.file !== file || !rangeContains(range, offset)) continue;
    if (!best || length(range) < length(best)) best = range;
  }
  return best;
}

function length(range: SourceRange): number {
  return range.end - range.start;
}

/** The id kind (`Route`, `VirtualService`, `Gateway.networking.istio.io`). */
export function kindOf(object: K8sObject): string {
  return object.id.slice(0, object.id.indexOf('/'));
}
