import type { EdgePolicy, Evidence, GraphEdge } from './graph';

// Copies of an edge with one field set, built key by key. Object spread (`{ ...edge, policy }`)
// gave every copy a hidden class of its own once the spread site had seen several edge shapes (V8
// copies the shape when its clone cache is megamorphic): 40,000 extra hidden classes, about 5 MB,
// at 10,000 objects, and slower reads of every edge after.

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** `edge` with its NetworkPolicy verdict. */
export function withPolicy(edge: GraphEdge, policy: EdgePolicy): GraphEdge {
  const copy = fieldsBefore(edge);
  if (edge.evidence !== undefined) copy.evidence = edge.evidence;
  copy.policy = policy;
  return copy;
}

/** `edge` with other evidence (and its verdict, if it has one). */
export function withEvidence(edge: GraphEdge, evidence: readonly Evidence[]): GraphEdge {
  const copy = fieldsBefore(edge);
  copy.evidence = evidence;
  if (edge.policy !== undefined) copy.policy = edge.policy;
  return copy;
}

/** The fields before `evidence`, in the order GraphEdge lists them (and JSON output shows them). */
function fieldsBefore(edge: GraphEdge): Mutable<GraphEdge> {
  const copy: Mutable<GraphEdge> = { from: edge.from, to: edge.to, type: edge.type };
  if (edge.traffic !== undefined) copy.traffic = edge.traffic;
  if (edge.port !== undefined) copy.port = edge.port;
  if (edge.targetPort !== undefined) copy.targetPort = edge.targetPort;
  if (edge.ports !== undefined) copy.ports = edge.ports;
  return copy;
}
