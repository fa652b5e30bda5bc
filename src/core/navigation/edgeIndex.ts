import type { EdgeType, Graph, GraphEdge } from '../graph/graph';

/** The edges of one graph by the node they enter and by the node they leave. */
interface EdgeIndex {
  readonly into: ReadonlyMap<string, readonly GraphEdge[]>;
  readonly from: ReadonlyMap<string, readonly GraphEdge[]>;
}

/**
 * Built on the first hover or navigation request after an analysis and kept with its graph: a
 * request asks about a handful of nodes, and a scan of every edge per question would make hovers
 * in a large workspace pay for the whole graph each time.
 */
const indexes = new WeakMap<Graph, EdgeIndex>();

function indexOf(graph: Graph): EdgeIndex {
  let index = indexes.get(graph);
  if (!index) {
    const into = new Map<string, GraphEdge[]>();
    const from = new Map<string, GraphEdge[]>();
    for (const edge of graph.edges) {
      push(into, edge.to, edge);
      push(from, edge.from, edge);
    }
    index = { into, from };
    indexes.set(graph, index);
  }
  return index;
}

function push(map: Map<string, GraphEdge[]>, key: string, edge: GraphEdge): void {
  const list = map.get(key);
  if (list) list.push(edge);
  else map.set(key, [edge]);
}

/** Edges entering `id`, of the given types (all types when none are given). */
export function edgesInto(graph: Graph, id: string, ...types: EdgeType[]): readonly GraphEdge[] {
  return ofTypes(indexOf(graph).into.get(id), types);
}

/** Edges leaving `id`, of the given types (all types when none are given). */
export function edgesFrom(graph: Graph, id: string, ...types: EdgeType[]): readonly GraphEdge[] {
  return ofTypes(indexOf(graph).from.get(id), types);
}

function ofTypes(edges: readonly GraphEdge[] | undefined, types: readonly EdgeType[]): readonly GraphEdge[] {
  if (!edges) return [];
  return types.length === 0 ? edges : edges.filter((edge) => types.includes(edge.type));
}
