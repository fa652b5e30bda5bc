// What the toolbar's filters leave on the canvas. Pure, over the element definitions of elements.ts, so
// it is unit-tested in plain Node; graphView.ts turns the result into classes (`filtered`, `faded`).
//
// The filters narrow one after the other: namespaces the user hid; a workload's neighbourhood
// (double-click); the traffic filter (north-south or east-west edges, with the `selects` edges that
// continue them, and the nodes they touch); "only problems" (nodes with findings and the ends of
// blocked or unknown hops). Search does not hide anything: it fades what does not match.
import type { ElementDefinition } from 'cytoscape';
import type { FilterState } from '../src/shared/protocol';
import { NAMESPACE_CLASS } from './elements';

export interface Visibility {
  readonly hidden: ReadonlySet<string>;
  /** Visible nodes matching the search (empty when there is no search). */
  readonly matches: ReadonlySet<string>;
  /** Visible elements to fade: everything the search does not match. */
  readonly faded: ReadonlySet<string>;
}

interface NodeInfo {
  readonly id: string;
  readonly parent?: string;
  readonly namespace: string | null;
  readonly category?: string;
  readonly label: string;
  readonly kind?: string;
  readonly findingsCount: number;
  readonly isBox: boolean;
}

interface EdgeInfo {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly type: string;
  readonly traffic: readonly string[];
  readonly verdict?: string;
}

function classesOf(element: ElementDefinition): readonly string[] {
  const classes = element.classes;
  return Array.isArray(classes) ? classes : typeof classes === 'string' ? classes.split(' ') : [];
}

function split(elements: readonly ElementDefinition[]): { nodes: NodeInfo[]; edges: EdgeInfo[] } {
  const nodes: NodeInfo[] = [];
  const edges: EdgeInfo[] = [];
  for (const element of elements) {
    const data = element.data as Record<string, unknown>;
    if (element.group === 'edges') {
      edges.push({
        id: String(data.id),
        source: String(data.source),
        target: String(data.target),
        type: String(data.type),
        traffic: Array.isArray(data.traffic) ? (data.traffic as string[]) : [],
        ...(typeof data.verdict === 'string' ? { verdict: data.verdict } : {}),
      });
      continue;
    }
    const classes = classesOf(element);
    nodes.push({
      id: String(data.id),
      ...(typeof data.parent === 'string' ? { parent: data.parent } : {}),
      namespace: typeof data.namespace === 'string' ? data.namespace : null,
      ...(typeof data.category === 'string' ? { category: data.category } : {}),
      label: typeof data.label === 'string' ? data.label : '',
      ...(typeof data.kind === 'string' ? { kind: data.kind } : {}),
      findingsCount: typeof data.findingsCount === 'number' ? data.findingsCount : 0,
      // Expanded namespace boxes follow their members; collapsed ones are nodes like any other.
      isBox: classes.includes(NAMESPACE_CLASS) && !classes.includes('collapsed'),
    });
  }
  return { nodes, edges };
}

/** The workload, what it talks to and what talks to it, and the workloads behind the Services among them. */
function neighbourhood(
  focus: string,
  edges: readonly EdgeInfo[],
  categories: Map<string, string>,
): Set<string> {
  const keep = new Set([focus]);
  for (const edge of edges) {
    if (edge.source === focus) keep.add(edge.target);
    if (edge.target === focus) keep.add(edge.source);
  }
  const services = [...keep].filter((id) => categories.get(id) === 'service' && id !== focus);
  for (const edge of edges) {
    if (services.includes(edge.source) && edge.type === 'selects') keep.add(edge.target);
    if (services.includes(edge.target) && edge.type !== 'selects') keep.add(edge.source);
  }
  return keep;
}

function isProblem(edge: EdgeInfo): boolean {
  return edge.verdict === 'blocked' || edge.verdict === 'unknown';
}

export function computeVisibility(
  elements: readonly ElementDefinition[],
  filters: FilterState,
  focusId?: string,
): Visibility {
  const { nodes, edges } = split(elements);
  const real = nodes.filter((node) => !node.isBox);
  const categories = new Map(real.map((node) => [node.id, node.category ?? '']));
  const hiddenNamespaces = new Set(filters.hiddenNamespaces);
  let visible = new Set(
    real.filter((node) => node.namespace === null || !hiddenNamespaces.has(node.namespace)).map((n) => n.id),
  );
  let liveEdges = edges.filter((edge) => visible.has(edge.source) && visible.has(edge.target));

  if (focusId !== undefined && visible.has(focusId)) {
    const keep = neighbourhood(focusId, liveEdges, categories);
    visible = new Set([...visible].filter((id) => keep.has(id)));
    liveEdges = liveEdges.filter((edge) => visible.has(edge.source) && visible.has(edge.target));
  }

  if (filters.traffic !== 'both') {
    const wanted = filters.traffic;
    const carrying = liveEdges.filter((edge) => edge.traffic.includes(wanted));
    const reached = new Set(carrying.map((edge) => edge.target));
    // A `selects` edge continues the traffic that reaches its Service.
    const continuing = liveEdges.filter((edge) => edge.type === 'selects' && reached.has(edge.source));
    liveEdges = [...carrying, ...continuing];
    const touched = new Set(liveEdges.flatMap((edge) => [edge.source, edge.target]));
    visible = new Set([...visible].filter((id) => touched.has(id)));
  }

  if (filters.onlyProblems) {
    const problems = liveEdges.filter(isProblem);
    const keep = new Set(real.filter((node) => node.findingsCount > 0).map((node) => node.id));
    for (const edge of problems) {
      keep.add(edge.source);
      keep.add(edge.target);
    }
    visible = new Set([...visible].filter((id) => keep.has(id)));
    liveEdges = problems.filter((edge) => visible.has(edge.source) && visible.has(edge.target));
  }

  const shownEdges = new Set(liveEdges.map((edge) => edge.id));
  const hidden = new Set<string>();
  for (const node of real) if (!visible.has(node.id)) hidden.add(node.id);
  for (const edge of edges) if (!shownEdges.has(edge.id)) hidden.add(edge.id);
  // A namespace box with nothing left inside is hidden too.
  const occupied = new Set(real.filter((node) => visible.has(node.id)).map((node) => node.parent));
  for (const node of nodes) if (node.isBox && !occupied.has(node.id)) hidden.add(node.id);

  const query = filters.search.trim().toLowerCase();
  const matches = new Set<string>();
  const faded = new Set<string>();
  if (query !== '') {
    for (const node of real) {
      if (!visible.has(node.id)) continue;
      const text = `${node.label}\n${node.kind ?? ''}/${node.namespace ?? ''}/${node.label}`.toLowerCase();
      if (text.includes(query)) matches.add(node.id);
      else faded.add(node.id);
    }
    for (const edge of liveEdges) {
      if (!matches.has(edge.source) || !matches.has(edge.target)) faded.add(edge.id);
    }
  }
  return { hidden, matches, faded };
}
