// The canvas: one Cytoscape instance, created once and brought up to date by each newer snapshot.
//
// Drawing is synchronous: the layered placement (layered.ts) takes milliseconds, so there is no layout
// in flight to wait for. When a snapshot has the same nodes as the canvas, nothing moves and only data
// and classes change (a verdict turning red repaints one edge); new nodes go next to their neighbours;
// the user's zoom, pan and selection stay. Only the first snapshot, a change of grouping or collapsed
// namespaces, or Re-layout place everything again.
import cytoscape, { type Core, type NodeSingular, type Position } from 'cytoscape';
import type { EdgeDto, GraphDto, NodeDto } from '../src/shared/graphDto';
import { DEFAULT_FILTERS, type FilterState, type ViewConfig } from '../src/shared/protocol';
import {
  COLLAPSED_CLASS,
  NAMESPACE_CLASS,
  namespaceParentId,
  toElements,
  type TopologyElements,
} from './elements';
import { applyElements } from './elementsDiff';
import { computeVisibility } from './filter';
import { layeredLayout, placeIncrementally } from './layered';
import { layoutInput } from './layout';
import type { Palette } from './palette';
import { MIN_ZOOMED_FONT_SIZE, SMALL_GRAPH_MIN_ZOOMED_FONT_SIZE, buildStylesheet } from './stylesheet';

const FIT_PADDING = 30;
/** Fitting one namespace or a few matches should not zoom in further than this. */
const MAX_FOCUS_ZOOM = 1.2;
export const DEFAULT_CONFIG: ViewConfig = { largeGraphThreshold: 300 };

export interface Viewport {
  readonly zoom: number;
  readonly pan: Position;
}

export interface RenderInfo {
  readonly revision: number;
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly layoutMs: number;
}

export interface VisibilityInfo {
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly shownNodes: number;
  readonly shownEdges: number;
  /** Matches of the search, if there is one. */
  readonly matches: number | undefined;
}

export interface GraphViewHooks {
  onRendered(info: RenderInfo, graph: GraphDto): void;
  onVisibility(info: VisibilityInfo): void;
  /** The namespaces of the snapshot, and whether it is over the large-graph threshold. */
  onStructure(namespaces: readonly string[], large: boolean): void;
  onError(error: unknown): void;
}

export interface GraphViewOptions {
  readonly container: HTMLElement;
  readonly palette: Palette;
  /** Applied to the first snapshot drawn, if it leaves some node in view (restores a reloaded panel). */
  readonly initialViewport?: Viewport;
  readonly initialSelection?: string;
  readonly filters?: FilterState;
  readonly expanded?: readonly string[];
  readonly focusId?: string;
  readonly hooks: GraphViewHooks;
}

export interface GraphView {
  readonly cy: Core;
  /** Offers a snapshot; returns false when it is stale (not newer than the last one accepted). */
  show(revision: number, graph: GraphDto, config?: ViewConfig): boolean;
  restyle(palette: Palette): void;
  fit(): void;
  relayout(): void;
  setFilters(filters: FilterState): void;
  /** Shows only a workload's neighbourhood (undefined: everything). */
  setFocus(id: string | undefined): void;
  expand(namespace: string): void;
  collapseAll(): void;
  /** Selects and centres a node (expanding its namespace if collapsed); false when it is not drawn. */
  selectFromEditor(id: string | null): boolean;
  /** Centres the next search match. */
  nextMatch(): void;
  edge(id: string): EdgeDto | undefined;
  node(id: string): NodeDto | undefined;
  readonly expanded: readonly string[];
  readonly focusId: string | undefined;
  readonly filters: FilterState;
}

/** True when some real node is at least partly inside the visible canvas. */
function anyNodeInView(cy: Core): boolean {
  const extent = cy.extent();
  return cy
    .nodes(':visible')
    .not(`.${NAMESPACE_CLASS}`)
    .some((node) => {
      const box = node.boundingBox();
      return box.x1 < extent.x2 && box.x2 > extent.x1 && box.y1 < extent.y2 && box.y2 > extent.y1;
    });
}

export function createGraphView(options: GraphViewOptions): GraphView {
  const { container, hooks } = options;
  let palette = options.palette;
  let labelFloor = MIN_ZOOMED_FONT_SIZE;
  const cy = cytoscape({
    container,
    style: buildStylesheet(palette, labelFloor),
    // Pan/zoom stay smooth on large graphs with software rendering (PERFORMANCE.md).
    textureOnViewport: true,
    hideEdgesOnViewport: true,
    pixelRatio: 1,
    boxSelectionEnabled: false,
    selectionType: 'single',
    minZoom: 0.02,
    maxZoom: 4,
  });

  // The canvas moves and changes size when the toolbar wraps or its web components finish rendering;
  // Cytoscape caches where its container is, so tell it, or clicks land beside what they aim at.
  new ResizeObserver(() => cy.resize()).observe(container);

  let lastAccepted = -Infinity;
  let current: { revision: number; graph: GraphDto } | undefined;
  let config = DEFAULT_CONFIG;
  let built: TopologyElements | undefined;
  let drawnStructure: string | undefined;
  let filters: FilterState = options.filters ?? DEFAULT_FILTERS;
  let focusId = options.focusId;
  const expanded = new Set(options.expanded ?? []);
  let pendingViewport = options.initialViewport;
  let pendingSelection = options.initialSelection;
  let matchList: string[] = [];
  let matchIndex = -1;

  const realNodes = () => cy.nodes().not(`.${NAMESPACE_CLASS}`);
  const aspectRatio = () => container.clientWidth / Math.max(container.clientHeight, 1);
  const fitTo = (elements: cytoscape.CollectionArgument, maxZoom = Infinity) => {
    if (elements.empty()) return;
    cy.fit(elements, FIT_PADDING);
    if (cy.zoom() > maxZoom) {
      cy.zoom(maxZoom);
      cy.center(elements);
    }
  };
  const fitVisible = () => fitTo(cy.elements().not('.filtered'));

  function positionsOf(): Map<string, Position> {
    const positions = new Map<string, Position>();
    cy.nodes().forEach((node) => {
      if (!node.isParent()) positions.set(node.id(), { ...node.position() });
    });
    return positions;
  }

  function applyVisibility(): void {
    if (!built) return;
    const visibility = computeVisibility(built.elements, filters, focusId);
    cy.batch(() => {
      // Only elements that carry a runtime class: touching every element would restyle all of them.
      cy.elements('.filtered, .faded, .search-match').removeClass('filtered faded search-match');
      for (const id of visibility.hidden) cy.getElementById(id).addClass('filtered');
      for (const id of visibility.faded) cy.getElementById(id).addClass('faded');
      for (const id of visibility.matches) cy.getElementById(id).addClass('search-match');
    });
    matchList = [...visibility.matches].sort();
    matchIndex = -1;
    let shownNodes = 0;
    let shownEdges = 0;
    cy.elements()
      .not('.filtered')
      .forEach((element: cytoscape.SingularElementArgument) => {
        if (element.isEdge()) shownEdges += Number(element.data('count')) || 1;
        else if (element.hasClass(COLLAPSED_CLASS)) {
          shownNodes += Number(element.data('memberCount')) || 0;
          shownEdges += Number(element.data('internalEdges')) || 0;
        } else if (!element.hasClass(NAMESPACE_CLASS)) shownNodes++;
      });
    hooks.onVisibility({
      nodeCount: built.nodeCount,
      edgeCount: built.edgeCount,
      shownNodes,
      shownEdges,
      matches: filters.search.trim() === '' ? undefined : matchList.length,
    });
  }

  /** Draws a snapshot; returns the milliseconds spent placing nodes. */
  function draw(graph: GraphDto): number {
    const namespaces = [
      ...new Set(graph.nodes.flatMap((node) => (node.namespace === null ? [] : [node.namespace]))),
    ];
    const large = filters.grouped && graph.nodes.length > config.largeGraphThreshold;
    const floor =
      graph.nodes.length > config.largeGraphThreshold
        ? MIN_ZOOMED_FONT_SIZE
        : SMALL_GRAPH_MIN_ZOOMED_FONT_SIZE;
    if (floor !== labelFloor) {
      labelFloor = floor;
      cy.style(buildStylesheet(palette, labelFloor));
    }
    const collapsed = new Set(large ? namespaces.filter((namespace) => !expanded.has(namespace)) : []);
    built = toElements(graph, { grouped: filters.grouped, collapsed });
    const structure = `${filters.grouped}|${[...collapsed].sort().join('\n')}`;
    const wasEmpty = realNodes().empty();
    const previous = positionsOf();
    const selected = pendingSelection ?? cy.$('node:selected').first().id();
    pendingSelection = undefined;
    const elements = built.elements;

    // Positions are decided before anything is added, and handed to Cytoscape with the elements:
    // setting them one by one afterwards costs more than drawing (each move updates the boxes).
    const started = performance.now();
    const input = layoutInput(elements);
    const fresh = input.nodes.filter((node) => !previous.has(node.id));
    const incremental =
      structure !== drawnStructure || wasEmpty
        ? undefined
        : fresh.length === 0
          ? previous
          : placeIncrementally(input.nodes, input.edges, previous);
    const positions =
      incremental ??
      layeredLayout(input.nodes, input.edges, { aspectRatio: aspectRatio(), boxed: filters.grouped });
    for (const element of elements) {
      const at = element.group === 'nodes' ? positions.get(String(element.data.id)) : undefined;
      if (at) element.position = { ...at };
    }
    const layoutMs = incremental && fresh.length === 0 ? 0 : performance.now() - started;

    cy.batch(() => {
      if (incremental) {
        // Nodes already drawn stay where they are (or where the user dragged them).
        applyElements(cy, elements);
      } else {
        cy.elements().remove();
        cy.add(elements);
      }
      if (selected) cy.getElementById(selected).select();
    });
    drawnStructure = structure;
    hooks.onStructure([...namespaces].sort(), large);
    applyVisibility();
    if (wasEmpty && !realNodes().empty()) {
      const keep = pendingViewport;
      pendingViewport = undefined;
      if (keep) {
        cy.viewport({ zoom: keep.zoom, pan: keep.pan });
        if (!anyNodeInView(cy)) fitVisible();
      } else {
        fitVisible();
      }
    }
    return layoutMs;
  }

  function redraw(): void {
    if (!current) return;
    try {
      draw(current.graph);
    } catch (error) {
      hooks.onError(error);
    }
  }

  cy.on('tap', 'node', (event) => {
    const node = event.target as NodeSingular;
    if (node.hasClass(COLLAPSED_CLASS)) view.expand(String(node.data('namespace')));
  });

  const view: GraphView = {
    cy,
    show(revision, graph, nextConfig) {
      if (!(revision > lastAccepted)) return false;
      lastAccepted = revision;
      current = { revision, graph };
      if (nextConfig) config = nextConfig;
      try {
        const layoutMs = draw(graph);
        const info = {
          revision,
          nodeCount: built?.nodeCount ?? 0,
          edgeCount: built?.edgeCount ?? 0,
          layoutMs,
        };
        // Reported once Cytoscape has painted the frame (its render loop runs on animation frames): then
        // the picture is on screen, and clicks hit what it shows.
        requestAnimationFrame(() => requestAnimationFrame(() => hooks.onRendered(info, graph)));
      } catch (error) {
        hooks.onError(error);
      }
      return true;
    },
    restyle(next) {
      palette = next;
      cy.style(buildStylesheet(palette, labelFloor));
    },
    fit: fitVisible,
    relayout() {
      if (!built) return;
      // A full placement, as for a first snapshot (the user's drags are undone on purpose).
      drawnStructure = undefined;
      redraw();
      fitVisible();
    },
    setFilters(next) {
      const regroup = next.grouped !== filters.grouped;
      const searchOnly =
        !regroup &&
        next.traffic === filters.traffic &&
        next.onlyProblems === filters.onlyProblems &&
        next.hiddenNamespaces.join('\n') === filters.hiddenNamespaces.join('\n');
      filters = next;
      if (regroup) {
        redraw();
        fitVisible();
        return;
      }
      applyVisibility();
      if (!searchOnly) fitVisible();
    },
    setFocus(id) {
      focusId = id;
      applyVisibility();
      fitVisible();
    },
    expand(namespace) {
      expanded.add(namespace);
      redraw();
      const box = cy.getElementById(namespaceParentId(namespace));
      if (box.nonempty()) fitTo(box.union(box.descendants()), MAX_FOCUS_ZOOM);
    },
    collapseAll() {
      expanded.clear();
      redraw();
      fitVisible();
    },
    selectFromEditor(id) {
      if (id === null) {
        cy.$(':selected').unselect();
        return true;
      }
      let node = cy.getElementById(id);
      const namespace = built?.nodesById.get(id)?.namespace;
      if (node.empty() && namespace && filters.grouped) {
        view.expand(namespace);
        node = cy.getElementById(id);
      }
      if (node.empty() || node.hasClass(NAMESPACE_CLASS)) return false;
      const already = node.selected() && cy.$(':selected').length === 1;
      if (!already) {
        cy.$(':selected').unselect();
        node.select();
        cy.center(node);
      }
      return true;
    },
    nextMatch() {
      if (matchList.length === 0) return;
      matchIndex = (matchIndex + 1) % matchList.length;
      const node = cy.getElementById(matchList[matchIndex] ?? '');
      if (node.nonempty()) cy.center(node);
    },
    edge: (id) => built?.edgesById.get(id),
    node: (id) => built?.nodesById.get(id),
    get expanded() {
      return [...expanded].sort();
    },
    get focusId() {
      return focusId;
    },
    get filters() {
      return filters;
    },
  };
  return view;
}
