import type { Evidence, GraphEdge } from './graph';

/**
 * Collects edges, merging those with the same type, ends and port: one Ingress routing two
 * paths to the same Service port is one edge with two pieces of evidence.
 */
export class EdgeCollector {
  private readonly edges = new Map<string, { edge: GraphEdge; evidence: Evidence[] }>();

  add(edge: GraphEdge): void {
    const key = `${edge.type}|${edge.from}|${edge.to}|${edge.port ?? ''}`;
    const existing = this.edges.get(key);
    if (!existing) {
      this.edges.set(key, { edge, evidence: [...(edge.evidence ?? [])] });
      return;
    }
    for (const item of edge.evidence ?? [])
      if (!existing.evidence.includes(item)) existing.evidence.push(item);
  }

  result(): GraphEdge[] {
    return [...this.edges.values()].map(({ edge, evidence }) =>
      evidence.length > 0 ? { ...edge, evidence } : edge,
    );
  }
}
