// Layout options. Pure (types only from cytoscape), so the choice is unit-tested in plain Node.
//
// ELK (cytoscape-elk) was chosen by measurement (bench/layouts.mjs, 500 nodes in 10 namespaces, real
// Chromium): namespaces are packed side by side as boxes (`rectpacking`) and each namespace is laid out
// left to right inside (`layered`: entry → Service → workload → called Service). ELK and dagre were the
// only candidates with no overlapping nodes, no overlapping namespace boxes and no node drawn inside
// another namespace's box; fcose, cose-bilkent and breadthfirst mixed namespaces up. Of those two, packed
// ELK is the most compact (2.5× the zoom to fit of dagre or ELK's flat layered), and dagre is reported
// to fail on compound graphs at 1,000 nodes (PERFORMANCE.md);
// it is also deterministic, so the same manifests always give the same picture and a saved zoom/pan
// still points at the same place. Its cost is time on the page's main thread (this CSP allows no
// worker): on this 2-vCPU machine about 1-2 s warm and 2.5-3.5 s for the first layout in a page at
// 100-500 nodes (fcose: 0.5-1.5 s). So views keep positions when the set of nodes did not change, and
// very large namespaces are packed as boxes instead of layered.
import type { LayoutOptions, NodeSingular, Position } from 'cytoscape';

/** A namespace with more members than this is packed as a grid of boxes: layered gets slow beyond it. */
export const LAYERED_NAMESPACE_LIMIT = 150;

/** Padding ELK leaves inside a namespace box: room for the namespace label and Cytoscape's own padding. */
const NAMESPACE_PADDING = '[top=48,left=28,bottom=28,right=28]';

type ElkOptionValue = string | number | boolean;

/** The options cytoscape-elk understands (its README), typed here because it ships no types. */
export interface ElkLayoutOptions {
  readonly name: 'elk';
  readonly fit: boolean;
  readonly animate: boolean;
  readonly nodeDimensionsIncludeLabels: boolean;
  readonly elk: Readonly<Record<string, ElkOptionValue>>;
  readonly nodeLayoutOptions: (node: NodeSingular) => Readonly<Record<string, ElkOptionValue>>;
}

/** Per-compound-node options: how one namespace lays out its members. */
export function namespaceLayoutOptions(memberCount: number): Readonly<Record<string, ElkOptionValue>> {
  if (memberCount > LAYERED_NAMESPACE_LIMIT) {
    return { algorithm: 'box', 'elk.padding': NAMESPACE_PADDING, 'elk.spacing.nodeNode': 20 };
  }
  return {
    algorithm: 'layered',
    'elk.direction': 'RIGHT',
    'elk.padding': NAMESPACE_PADDING,
    'elk.spacing.nodeNode': 20,
    'elk.layered.spacing.nodeNodeBetweenLayers': 40,
  };
}

/**
 * The full layout: namespaces (and objects without one, such as `external`) packed to roughly the
 * canvas's aspect ratio. `fit` is off: the view decides between fitting and keeping the user's viewport.
 */
export function topologyLayoutOptions(aspectRatio: number): ElkLayoutOptions {
  const ratio =
    Number.isFinite(aspectRatio) && aspectRatio > 0 ? Math.min(Math.max(aspectRatio, 0.5), 4) : 1.6;
  return {
    name: 'elk',
    fit: false,
    animate: false,
    nodeDimensionsIncludeLabels: false,
    elk: {
      algorithm: 'rectpacking',
      'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
      'elk.aspectRatio': Number(ratio.toFixed(2)),
      'elk.spacing.nodeNode': 40,
    },
    nodeLayoutOptions: (node) => (node.isParent() ? namespaceLayoutOptions(node.children().length) : {}),
  };
}

/** Puts nodes back where they were: used when a snapshot has the same nodes as the one on screen. */
export function presetLayoutOptions(positions: ReadonlyMap<string, Position>): LayoutOptions {
  return {
    name: 'preset',
    fit: false,
    animate: false,
    // Nodes missing from the map (namespace parents) keep the position Cytoscape derives for them.
    positions: Object.fromEntries(positions),
  };
}
