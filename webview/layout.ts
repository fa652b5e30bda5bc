// From Cytoscape element definitions to the layered placement's input (layered.ts), and back as preset
// positions. Pure (types only from cytoscape), so it is unit-tested in plain Node.
//
// Why not ELK, fcose or breadthfirst (measured in bench/topologyBench.ts, real Chromium on this machine):
// ELK layered kept namespaces apart but took seconds at 1,000 nodes on the page's only thread (the CSP
// allows no worker); fcose and breadthfirst were fast but mixed namespaces up or overlapped boxes. The
// layers are known from node kinds, so a rank-based placement gets ELK's picture in milliseconds.
import type { ElementDefinition, LayoutOptions } from 'cytoscape';
import { COLLAPSED_CLASS, NAMESPACE_CLASS } from './elements';
import { nodeSize } from './geometry';
import { RANK, type LayoutEdge, type LayoutNode, type Position } from './layered';

function classesOf(element: ElementDefinition): readonly string[] {
  const classes = element.classes;
  return Array.isArray(classes) ? classes : typeof classes === 'string' ? classes.split(' ') : [];
}

/** The column of a node: its category, with entries reached over `routes` from another entry as routes. */
export function rankOf(category: unknown, entryPoint: boolean, routed: boolean): number {
  switch (category) {
    case 'external':
      return RANK.external;
    case 'entry':
      return routed ? RANK.route : RANK.entry;
    case 'service':
      return entryPoint ? RANK.entry : RANK.service;
    case 'workload':
      return RANK.workload;
    case 'unresolved':
      return RANK.unresolved;
    default:
      return RANK.service;
  }
}

/** The layout's nodes (real nodes and collapsed namespaces; namespace boxes are groups) and edges. */
export function layoutInput(elements: readonly ElementDefinition[]): {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
} {
  const categories = new Map<string, unknown>();
  for (const element of elements) {
    if (element.group === 'nodes' && element.data.id) categories.set(element.data.id, element.data.category);
  }
  const routed = new Set<string>();
  const edges: LayoutEdge[] = [];
  for (const element of elements) {
    if (element.group !== 'edges') continue;
    const { source, target, type } = element.data as { source: string; target: string; type?: string };
    edges.push({ source, target });
    if (type === 'routes' && categories.get(source) === 'entry') routed.add(target);
  }
  const nodes: LayoutNode[] = [];
  for (const element of elements) {
    if (element.group !== 'nodes') continue;
    const classes = classesOf(element);
    const id = element.data.id ?? '';
    const collapsed = classes.includes(COLLAPSED_CLASS);
    if (classes.includes(NAMESPACE_CLASS) && !collapsed) continue;
    const data = element.data as { parent?: string; category?: string; entryPoint?: boolean };
    const size = nodeSize(data.category, collapsed);
    const outside = data.category === 'external';
    nodes.push({
      id,
      // A collapsed namespace is a block of its own; nodes without a namespace box share the '' block.
      group: collapsed ? id : outside ? null : (data.parent ?? ''),
      rank: collapsed ? 0 : rankOf(data.category, data.entryPoint === true, routed.has(id)),
      width: size.width,
      height: size.height,
    });
  }
  return { nodes, edges };
}

/** Puts nodes where the placement says (namespace boxes follow their members). */
export function presetLayoutOptions(positions: ReadonlyMap<string, Position>): LayoutOptions {
  return {
    name: 'preset',
    fit: false,
    animate: false,
    // Nodes missing from the map (namespace parents) keep the position Cytoscape derives for them.
    positions: Object.fromEntries(positions),
  };
}
