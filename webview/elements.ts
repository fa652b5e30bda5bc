// GraphDto → Cytoscape elements. Pure: no DOM, no cytoscape instance, so it is unit-tested in plain Node.
// Namespaces become compound parents with the id `ns:<namespace>`; every real node and edge gets classes
// for its category, kind or edge type, which the stylesheet (stylesheet.ts) keys on.
import type { EdgeDefinition, ElementDefinition, NodeDefinition } from 'cytoscape';
import type { EdgeDto, GraphDto, NodeDto, Severity } from '../src/shared/graphDto';

/** Class of the namespace compound parents; they are drawn as boxes and are not counted as nodes. */
export const NAMESPACE_CLASS = 'namespace';

const NAMESPACE_ID_PREFIX = 'ns:';

/** The compound parent id of a namespace. Real node ids contain `/` (`Kind/ns/name`) or are `external`. */
export function namespaceParentId(namespace: string): string {
  return NAMESPACE_ID_PREFIX + namespace;
}

/** Data carried by a real node; the stylesheet reads `label`, `detail`, `findingsCount`, `findingsWorst`. */
export interface TopologyNodeData {
  readonly id: string;
  /** The namespace parent, when the object is namespaced. */
  readonly parent?: string;
  readonly label: string;
  readonly detail: string;
  /** Name and detail on two lines: what is drawn under/inside the node. */
  readonly caption: string;
  readonly kind: string;
  readonly category: NodeDto['category'];
  readonly namespace: string | null;
  readonly findingsCount: number;
  readonly findingsWorst?: Severity;
}

export interface TopologyEdgeData {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly type: EdgeDto['type'];
  readonly label: string;
}

/** What `toElements` produced, with what it had to leave out (so the caller can tell the user). */
export interface TopologyElements {
  readonly elements: ElementDefinition[];
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly namespaces: readonly string[];
  /** The drawn node ids, sorted and joined: equal keys mean the same set of nodes (used to keep zoom/pan). */
  readonly nodeSetKey: string;
  /** Edges whose source or target is not a node of the snapshot (Cytoscape would throw on them). */
  readonly droppedEdges: readonly string[];
  /** Node ids left out: repeats after the first, and ids in the reserved `ns:` space of namespace parents. */
  readonly rejectedNodes: readonly string[];
}

/** A class-name-safe version of a kind, e.g. `Deployment` → `kind-deployment`. */
export function kindClass(kind: string): string {
  return 'kind-' + kind.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
}

/** Longest caption line drawn inside a node box; longer names end in an ellipsis (the full name is in the id). */
export const MAX_CAPTION_LINE = 26;

/** Shortens one caption line to MAX_CAPTION_LINE characters (code points, so emoji are not split). */
export function shorten(text: string): string {
  const characters = [...text];
  return characters.length <= MAX_CAPTION_LINE
    ? text
    : characters.slice(0, MAX_CAPTION_LINE - 1).join('') + '…';
}

function nodeClasses(node: NodeDto): string[] {
  const classes = [`category-${node.category}`, kindClass(node.kind)];
  if (node.findings && node.findings.count > 0) {
    classes.push('has-findings', `findings-${node.findings.worst}`);
  }
  return classes;
}

function toNode(node: NodeDto): NodeDefinition {
  const findingsCount = node.findings?.count ?? 0;
  const data: TopologyNodeData = {
    id: node.id,
    ...(node.namespace !== null ? { parent: namespaceParentId(node.namespace) } : {}),
    label: node.name,
    detail: node.detail,
    caption: node.detail ? `${shorten(node.name)}\n${shorten(node.detail)}` : shorten(node.name),
    kind: node.kind,
    category: node.category,
    namespace: node.namespace,
    findingsCount,
    ...(node.findings && findingsCount > 0 ? { findingsWorst: node.findings.worst } : {}),
  };
  return { group: 'nodes', data: { ...data }, classes: nodeClasses(node) };
}

function toEdge(edge: EdgeDto): EdgeDefinition {
  const data: TopologyEdgeData = {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    type: edge.type,
    label: edge.label,
  };
  return { group: 'edges', data: { ...data }, classes: [`edge-${edge.type}`] };
}

const byId = <T extends { readonly id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Builds the Cytoscape elements of one snapshot: namespace parents first, then nodes, then edges, each
 * sorted by id so the (deterministic) layout gives the same picture whatever order the files were read in.
 */
export function toElements(graph: GraphDto): TopologyElements {
  const nodeIds = new Set<string>();
  const rejectedNodes: string[] = [];
  const namespaces = new Set<string>();
  const nodes: NodeDefinition[] = [];
  for (const node of [...graph.nodes].sort(byId)) {
    if (nodeIds.has(node.id) || node.id.startsWith(NAMESPACE_ID_PREFIX)) {
      rejectedNodes.push(node.id);
      continue;
    }
    nodeIds.add(node.id);
    if (node.namespace !== null) namespaces.add(node.namespace);
    nodes.push(toNode(node));
  }

  const sortedNamespaces = [...namespaces].sort();
  const parents: NodeDefinition[] = sortedNamespaces.map((namespace) => ({
    group: 'nodes',
    data: { id: namespaceParentId(namespace), label: namespace, namespace },
    classes: [NAMESPACE_CLASS],
    selectable: false,
  }));

  const edgeIds = new Set<string>();
  const droppedEdges: string[] = [];
  const edges: EdgeDefinition[] = [];
  for (const edge of [...graph.edges].sort(byId)) {
    const dangling = !nodeIds.has(edge.source) || !nodeIds.has(edge.target);
    // Cytoscape ids share one space across nodes and edges: a clash would throw on `cy.add`.
    const clashing = edgeIds.has(edge.id) || nodeIds.has(edge.id) || edge.id.startsWith(NAMESPACE_ID_PREFIX);
    if (dangling || clashing) {
      droppedEdges.push(edge.id);
      continue;
    }
    edgeIds.add(edge.id);
    edges.push(toEdge(edge));
  }

  return {
    elements: [...parents, ...nodes, ...edges],
    nodeCount: nodes.length,
    edgeCount: edges.length,
    namespaces: sortedNamespaces,
    nodeSetKey: [...nodeIds].sort().join('\n'),
    droppedEdges,
    rejectedNodes,
  };
}
