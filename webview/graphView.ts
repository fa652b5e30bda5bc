// The canvas: one Cytoscape instance, created once, whose elements are replaced by each newer snapshot.
// A snapshot is drawn whole (never patched); stale ones are dropped; while a layout runs, only the newest
// waiting snapshot is kept and drawn next. When a snapshot has the same nodes as the one on screen, nodes
// stay where they are and so does the user's zoom/pan; otherwise the graph is laid out and fitted.
import cytoscape, { type Core, type Position } from 'cytoscape';
import elk from 'cytoscape-elk';
import type { GraphDto } from '../src/shared/graphDto';
import { NAMESPACE_CLASS, toElements } from './elements';
import { presetLayoutOptions, topologyLayoutOptions } from './layout';
import type { Palette } from './palette';
import { buildStylesheet } from './stylesheet';

cytoscape.use(elk);

const FIT_PADDING = 30;

export interface Viewport {
  readonly zoom: number;
  readonly pan: Position;
}

export interface DrawnSnapshot {
  readonly revision: number;
  readonly graph: GraphDto;
  /** Real nodes on the canvas (namespace boxes are not counted). */
  readonly nodeCount: number;
  readonly edgeCount: number;
}

export interface GraphViewHooks {
  /** A layout is about to run (the toolbar says so: it can take seconds on large graphs). */
  onLayoutStart(nodeCount: number): void;
  /** A layout finished (after a snapshot or a re-layout): what is on the canvas now. */
  onLayoutEnd(nodeCount: number, edgeCount: number): void;
  /** A snapshot has been drawn. */
  onRendered(snapshot: DrawnSnapshot): void;
  onError(error: unknown): void;
}

export interface GraphViewOptions {
  readonly container: HTMLElement;
  readonly palette: Palette;
  /** Applied to the first snapshot drawn, if it leaves some node in view (restores a reloaded panel). */
  readonly initialViewport?: Viewport;
  readonly initialSelection?: string;
  readonly hooks: GraphViewHooks;
}

export interface GraphView {
  readonly cy: Core;
  /** Offers a snapshot; returns false when it is stale (not newer than the last one accepted). */
  show(revision: number, graph: GraphDto): boolean;
  restyle(palette: Palette): void;
  fit(): void;
  relayout(): void;
  /** After an asynchronous layout failure (reported as an unhandled rejection): stop waiting for it. */
  recover(): void;
}

/** True when some real node is at least partly inside the visible canvas. */
function anyNodeInView(cy: Core): boolean {
  const extent = cy.extent();
  return cy
    .nodes()
    .not(`.${NAMESPACE_CLASS}`)
    .some((node) => {
      const box = node.boundingBox();
      return box.x1 < extent.x2 && box.x2 > extent.x1 && box.y1 < extent.y2 && box.y2 > extent.y1;
    });
}

export function createGraphView(options: GraphViewOptions): GraphView {
  const { container, hooks } = options;
  const cy = cytoscape({
    container,
    style: buildStylesheet(options.palette),
    // Pan/zoom stay smooth on large graphs with software rendering (PERFORMANCE.md).
    textureOnViewport: true,
    hideEdgesOnViewport: true,
    pixelRatio: 1,
    boxSelectionEnabled: false,
    minZoom: 0.02,
    maxZoom: 4,
  });

  let lastAccepted = -Infinity;
  let drawnKey: string | undefined;
  let busy = false;
  let waiting: { revision: number; graph: GraphDto } | undefined;
  let pendingViewport = options.initialViewport;
  let pendingSelection = options.initialSelection;

  const counts = () => ({
    nodeCount: cy.nodes().not(`.${NAMESPACE_CLASS}`).length,
    edgeCount: cy.edges().length,
  });
  const aspectRatio = () => container.clientWidth / Math.max(container.clientHeight, 1);

  /** Draws the newest snapshot that arrived while a layout was running, if any. */
  function drainWaiting(): void {
    const next = waiting;
    waiting = undefined;
    if (next) draw(next.revision, next.graph);
  }

  /** Runs a layout; `done` runs when it stops. Only one layout runs at a time. */
  function runLayout(layoutOptions: cytoscape.LayoutOptions, done: () => void): void {
    busy = true;
    const layout = cy.layout(layoutOptions);
    layout.one('layoutstop', () => {
      busy = false;
      try {
        done();
      } catch (error) {
        hooks.onError(error);
      }
      drainWaiting();
    });
    layout.run();
  }

  function draw(revision: number, graph: GraphDto): void {
    try {
      const built = toElements(graph);
      const sameNodes = drawnKey === built.nodeSetKey && built.nodeCount > 0;
      const positions = new Map<string, Position>();
      if (sameNodes) cy.nodes().forEach((node) => void positions.set(node.id(), { ...node.position() }));
      const selected = pendingSelection ?? cy.$(':selected').first().id();
      pendingSelection = undefined;
      const keep: Viewport | undefined = sameNodes
        ? { zoom: cy.zoom(), pan: { ...cy.pan() } }
        : pendingViewport;
      pendingViewport = undefined;

      cy.batch(() => {
        cy.elements().remove();
        cy.add(built.elements);
        if (selected) cy.getElementById(selected).select();
      });
      drawnKey = built.nodeSetKey;

      const relayout = !sameNodes && built.nodeCount > 0;
      if (relayout) hooks.onLayoutStart(built.nodeCount);
      const layoutOptions = relayout
        ? (topologyLayoutOptions(aspectRatio()) as cytoscape.LayoutOptions)
        : presetLayoutOptions(positions);
      runLayout(layoutOptions, () => {
        if (keep) {
          cy.viewport({ zoom: keep.zoom, pan: keep.pan });
          if (!anyNodeInView(cy)) cy.fit(undefined, FIT_PADDING);
        } else {
          cy.fit(undefined, FIT_PADDING);
        }
        const drawn = counts();
        hooks.onLayoutEnd(drawn.nodeCount, drawn.edgeCount);
        hooks.onRendered({ revision, graph, ...drawn });
      });
    } catch (error) {
      busy = false;
      hooks.onError(error);
    }
  }

  return {
    cy,
    show(revision, graph) {
      if (!(revision > lastAccepted)) return false;
      lastAccepted = revision;
      if (busy) waiting = { revision, graph };
      else draw(revision, graph);
      return true;
    },
    restyle(palette) {
      cy.style(buildStylesheet(palette));
    },
    fit() {
      cy.fit(undefined, FIT_PADDING);
    },
    relayout() {
      if (busy || cy.nodes().length === 0) return;
      hooks.onLayoutStart(counts().nodeCount);
      runLayout(topologyLayoutOptions(aspectRatio()), () => {
        cy.fit(undefined, FIT_PADDING);
        const drawn = counts();
        hooks.onLayoutEnd(drawn.nodeCount, drawn.edgeCount);
      });
    },
    recover() {
      if (!busy) return;
      busy = false;
      drainWaiting();
    },
  };
}
