import { withEvidence } from './edgeCopies';
import type { Evidence, GraphEdge } from './graph';

/**
 * Collects edges, merging those with the same type, ends and port: one Ingress routing two
 * paths to the same Service port is one edge with two pieces of evidence.
 */
export class EdgeCollector {
  private readonly edges = new Map<string, { edge: GraphEdge; evidence: Evidence[]; merged: boolean }>();

  add(edge: GraphEdge): void {
    const key = `${edge.type}|${edge.from}|${edge.to}|${edge.port ?? ''}`;
    const existing = this.edges.get(key);
    if (!existing) {
      this.edges.set(key, { edge, evidence: [...(edge.evidence ?? [])], merged: false });
      return;
    }
    for (const item of edge.evidence ?? [])
      if (!existing.evidence.includes(item)) {
        existing.evidence.push(item);
        existing.merged = true;
      }
  }

  /** The edges; one that merged nothing is the object it was added as (reused edges stay the same). */
  result(): GraphEdge[] {
    return [...this.edges.values()].map(({ edge, evidence, merged }) =>
      merged ? withEvidence(edge, evidence) : edge,
    );
  }
}

/** The edges with those of the same type, ends and port merged into one. */
export function mergedEdges(edges: readonly GraphEdge[]): GraphEdge[] {
  if (edges.length < 2) return edges.slice();
  const collector = new EdgeCollector();
  for (const edge of edges) collector.add(edge);
  return collector.result();
}
