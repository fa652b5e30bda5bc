// GraphDto → Cytoscape elements. Pure: no DOM, no cytoscape instance, so it is unit-tested in plain Node.
// Namespaces become compound parents with the id `ns:<namespace>` (or, collapsed, one node standing for
// all their members); every real node and edge gets classes for its category, kind, edge type, traffic
// and policy verdict, which the stylesheet (stylesheet.ts) keys on.
import type { EdgeDefinition, ElementDefinition, NodeDefinition } from 'cytoscape';
import type { EdgeDto, GraphDto, NodeDto, Severity, Traffic, Verdict } from '../src/shared/graphDto';

/** Class of namespace boxes (compound parents) and of collapsed namespaces; neither is counted as a node. */
export const NAMESPACE_CLASS = 'namespace';
/** A namespace drawn as one node with counts (large graphs); a tap expands it. */
export const COLLAPSED_CLASS = 'collapsed';
/** An edge standing for the edges between a collapsed namespace and something else. */
export const AGGREGATE_CLASS = 'aggregate';

const NAMESPACE_ID_PREFIX = 'ns:';

/** The compound parent id of a namespace. Real node ids contain `/` (`Kind/ns/name`) or are `external`. */
export function namespaceParentId(namespace: string): string {
  return NAMESPACE_ID_PREFIX + namespace;
}

/** Data carried by a real node; the stylesheet reads `caption`, `findingsCount`, `findingsWorst`. */
export interface TopologyNodeData {
  readonly id: string;
  /** The namespace parent, when the object is namespaced and namespaces are drawn as boxes. */
  readonly parent?: string;
  readonly label: string;
  readonly detail: string;
  /** Name and detail on two lines: what is drawn inside the node. */
  readonly caption: string;
  readonly kind: string;
  readonly category: NodeDto['category'];
  readonly namespace: string | null;
  readonly findingsCount: number;
  readonly findingsWorst?: Severity;
  readonly notIsolated: boolean;
  readonly entryPoint: boolean;
}

export interface TopologyEdgeData {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly type: EdgeDto['type'];
  readonly label: string;
  /** The traffic of the edge; for an aggregate, every traffic among the edges it stands for. */
  readonly traffic: readonly Traffic[];
  readonly verdict?: Verdict;
  /** For an aggregate: how many edges it stands for. */
  readonly count: number;
}

export interface ElementsOptions {
  /** Namespaces as boxes (true), or one flat picture (false). */
  readonly grouped: boolean;
  /** Namespaces drawn as one node each (only when grouped). */
  readonly collapsed: ReadonlySet<string>;
}

export const DEFAULT_ELEMENTS_OPTIONS: ElementsOptions = { grouped: true, collapsed: new Set() };

/** What `toElements` produced, with what it had to leave out (so the caller can tell the user). */
export interface TopologyElements {
  readonly elements: ElementDefinition[];
  /** Nodes and edges of the snapshot that can be drawn (whether or not a collapsed namespace hides them). */
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly namespaces: readonly string[];
  /** The snapshot's node ids, sorted and joined: equal keys mean the same set of nodes. */
  readonly nodeSetKey: string;
  /** Edges whose source or target is not a node of the snapshot (Cytoscape would throw on them). */
  readonly droppedEdges: readonly string[];
  /** Node ids left out: repeats after the first, and ids in the reserved `ns:` space of namespace parents. */
  readonly rejectedNodes: readonly string[];
  /** The snapshot's edges by id, for the details pane. */
  readonly edgesById: ReadonlyMap<string, EdgeDto>;
  /** The snapshot's nodes by id. */
  readonly nodesById: ReadonlyMap<string, NodeDto>;
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

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };
const VERDICT_RANK: Readonly<Record<Verdict, number>> = { allowed: 0, unknown: 1, blocked: 2 };

function nodeClasses(node: NodeDto): string[] {
  const classes = [`category-${node.category}`, kindClass(node.kind)];
  if (node.findings && node.findings.count > 0) {
    classes.push('has-findings', `findings-${node.findings.worst}`);
  }
  if (node.notIsolated) classes.push('not-isolated');
  if (node.entryPoint) classes.push('entry-point');
  return classes;
}

function toNode(node: NodeDto, grouped: boolean): NodeDefinition {
  const findingsCount = node.findings?.count ?? 0;
  const data: TopologyNodeData = {
    id: node.id,
    ...(grouped && node.namespace !== null ? { parent: namespaceParentId(node.namespace) } : {}),
    label: node.name,
    detail: node.detail,
    caption: node.detail ? `${shorten(node.name)}\n${shorten(node.detail)}` : shorten(node.name),
    kind: node.kind,
    category: node.category,
    namespace: node.namespace,
    findingsCount,
    ...(node.findings && findingsCount > 0 ? { findingsWorst: node.findings.worst } : {}),
    notIsolated: node.notIsolated === true,
    entryPoint: node.entryPoint === true,
  };
  return { group: 'nodes', data: { ...data }, classes: nodeClasses(node) };
}

function edgeClasses(type: string, traffic: readonly Traffic[], verdict: Verdict | undefined): string[] {
  return [
    `edge-${type}`,
    ...traffic.map((item) => `traffic-${item}`),
    ...(verdict ? [`verdict-${verdict}`] : []),
  ];
}

function toEdge(edge: EdgeDto): EdgeDefinition {
  const traffic = edge.traffic ? [edge.traffic] : [];
  const data: TopologyEdgeData = {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    type: edge.type,
    label: edge.label,
    traffic,
    ...(edge.verdict ? { verdict: edge.verdict } : {}),
    count: 1,
  };
  return { group: 'edges', data: { ...data }, classes: edgeClasses(edge.type, traffic, edge.verdict) };
}

const byId = <T extends { readonly id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

interface Summary {
  members: number;
  findings: number;
  worst?: Severity;
  /** Edges with both ends inside the namespace: drawn as part of the box. */
  internalEdges: number;
}

function collapsedNode(namespace: string, summary: Summary): NodeDefinition {
  const objects = `${summary.members} ${summary.members === 1 ? 'object' : 'objects'}`;
  return {
    group: 'nodes',
    data: {
      id: namespaceParentId(namespace),
      label: namespace,
      namespace,
      caption: `${shorten(namespace)}\n${objects} · expand`,
      memberCount: summary.members,
      internalEdges: summary.internalEdges,
      findingsCount: summary.findings,
      ...(summary.worst ? { findingsWorst: summary.worst } : {}),
    },
    classes: [
      NAMESPACE_CLASS,
      COLLAPSED_CLASS,
      ...(summary.findings > 0 && summary.worst ? ['has-findings', `findings-${summary.worst}`] : []),
    ],
  };
}

/** One edge per pair of drawn ends, for edges with an end inside a collapsed namespace. */
class Aggregates {
  private readonly byKey = new Map<
    string,
    { source: string; target: string; count: number; traffic: Set<Traffic>; verdict?: Verdict }
  >();

  add(source: string, target: string, edge: EdgeDto): void {
    const key = `${source}->${target}`;
    let entry = this.byKey.get(key);
    if (!entry) {
      entry = { source, target, count: 0, traffic: new Set() };
      this.byKey.set(key, entry);
    }
    entry.count++;
    if (edge.traffic) entry.traffic.add(edge.traffic);
    if (edge.verdict && (!entry.verdict || VERDICT_RANK[edge.verdict] > VERDICT_RANK[entry.verdict]))
      entry.verdict = edge.verdict;
  }

  definitions(): EdgeDefinition[] {
    return [...this.byKey.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, entry]) => {
        const traffic = [...entry.traffic].sort();
        const data: TopologyEdgeData = {
          id: `agg:${key}`,
          source: entry.source,
          target: entry.target,
          type: 'calls',
          label: entry.count > 1 ? `×${entry.count}` : '',
          traffic,
          ...(entry.verdict ? { verdict: entry.verdict } : {}),
          count: entry.count,
        };
        return {
          group: 'edges' as const,
          data: { ...data },
          classes: [AGGREGATE_CLASS, ...edgeClasses('aggregate', traffic, entry.verdict)],
        };
      });
  }
}

/**
 * Builds the Cytoscape elements of one snapshot: namespace parents first, then nodes, then edges, each
 * sorted by id so the (deterministic) layout gives the same picture whatever order the files were read in.
 */
export function toElements(
  graph: GraphDto,
  options: ElementsOptions = DEFAULT_ELEMENTS_OPTIONS,
): TopologyElements {
  const nodeIds = new Set<string>();
  const rejectedNodes: string[] = [];
  const namespaces = new Set<string>();
  const accepted: NodeDto[] = [];
  for (const node of [...graph.nodes].sort(byId)) {
    if (nodeIds.has(node.id) || node.id.startsWith(NAMESPACE_ID_PREFIX)) {
      rejectedNodes.push(node.id);
      continue;
    }
    nodeIds.add(node.id);
    if (node.namespace !== null) namespaces.add(node.namespace);
    accepted.push(node);
  }
  const sortedNamespaces = [...namespaces].sort();
  const isCollapsed = (namespace: string | null | undefined): namespace is string =>
    options.grouped && namespace !== null && namespace !== undefined && options.collapsed.has(namespace);

  const summaries = new Map<string, Summary>();
  const nodes: NodeDefinition[] = [];
  const drawnAs = new Map<string, string>();
  for (const node of accepted) {
    if (isCollapsed(node.namespace)) {
      const summary = summaries.get(node.namespace) ?? { members: 0, findings: 0, internalEdges: 0 };
      summary.members++;
      const count = node.findings?.count ?? 0;
      if (count > 0 && node.findings) {
        summary.findings += count;
        const worst = node.findings.worst;
        if (!summary.worst || SEVERITY_RANK[worst] > SEVERITY_RANK[summary.worst]) summary.worst = worst;
      }
      summaries.set(node.namespace, summary);
      drawnAs.set(node.id, namespaceParentId(node.namespace));
    } else {
      nodes.push(toNode(node, options.grouped));
      drawnAs.set(node.id, node.id);
    }
  }

  const edgeIds = new Set<string>();
  const droppedEdges: string[] = [];
  const edges: EdgeDefinition[] = [];
  const edgesById = new Map<string, EdgeDto>();
  const aggregates = new Aggregates();
  for (const edge of [...graph.edges].sort(byId)) {
    const dangling = !nodeIds.has(edge.source) || !nodeIds.has(edge.target);
    // Cytoscape ids share one space across nodes and edges: a clash would throw on `cy.add`.
    const clashing =
      edgeIds.has(edge.id) ||
      nodeIds.has(edge.id) ||
      edge.id.startsWith(NAMESPACE_ID_PREFIX) ||
      edge.id.startsWith('agg:');
    if (dangling || clashing) {
      droppedEdges.push(edge.id);
      continue;
    }
    edgeIds.add(edge.id);
    edgesById.set(edge.id, edge);
    const source = drawnAs.get(edge.source) ?? edge.source;
    const target = drawnAs.get(edge.target) ?? edge.target;
    if (source === edge.source && target === edge.target) edges.push(toEdge(edge));
    else if (source !== target) aggregates.add(source, target, edge);
    else {
      const summary = summaries.get(source.slice(NAMESPACE_ID_PREFIX.length));
      if (summary) summary.internalEdges++;
    }
  }

  // After the edges: a collapsed namespace's node counts the edges inside it.
  const parents: NodeDefinition[] = options.grouped
    ? sortedNamespaces.map((namespace) => {
        const summary = summaries.get(namespace);
        if (summary) return collapsedNode(namespace, summary);
        return {
          group: 'nodes',
          data: { id: namespaceParentId(namespace), label: namespace, namespace },
          classes: [NAMESPACE_CLASS],
          selectable: false,
        };
      })
    : [];

  return {
    elements: [...parents, ...nodes, ...edges, ...aggregates.definitions()],
    nodeCount: accepted.length,
    edgeCount: edgeIds.size,
    namespaces: sortedNamespaces,
    nodeSetKey: [...nodeIds].sort().join('\n'),
    droppedEdges,
    rejectedNodes,
    edgesById,
    nodesById: new Map(accepted.map((node) => [node.id, node])),
  };
}
