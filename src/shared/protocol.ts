// The typed messages between the extension host and the topology webview. One union per direction,
// discriminated by `type`. The webview sends ids only; the host resolves them to ranges it produced
// itself, so a compromised webview can never make the host open an arbitrary path.
import type { GraphDto } from './graphDto';

/** Bumped whenever a message or the persisted state changes shape. */
export const PROTOCOL_VERSION = 2;

/** How the view is set up by the user's settings (sent with every snapshot). */
export interface ViewConfig {
  /** `kubeTopology.topology.largeGraphThreshold`: above this many nodes, namespaces start collapsed. */
  readonly largeGraphThreshold: number;
}

export type ExportFormat = 'png' | 'svg';

/** Messages the host posts to the webview. The host posts nothing before `webview/ready`. */
export type HostToWebview =
  /**
   * A complete snapshot of the graph. Revisions increase; the webview drops a snapshot whose
   * revision is not newer than the one it already drew.
   */
  | {
      readonly type: 'graph/didChange';
      readonly revision: number;
      readonly graph: GraphDto;
      readonly config: ViewConfig;
    }
  /**
   * The cursor of the active manifest editor is in the object of this node (null: in no node's
   * object). The webview selects and centres it, then answers `node/selected` with origin `editor`.
   */
  | { readonly type: 'editor/didSelect'; readonly id: string | null }
  /** What became of an `export/save`: the file was written, the user cancelled, or writing failed. */
  | {
      readonly type: 'export/didFinish';
      readonly format: ExportFormat;
      readonly outcome: 'saved' | 'cancelled' | 'failed';
    };

/** Messages the webview posts to the host. Treated as `unknown` by the host until `isWebviewToHost` narrows them. */
export type WebviewToHost =
  /** The app has loaded and can receive snapshots. Carries the protocol version it was built with. */
  | { readonly type: 'webview/ready'; readonly protocolVersion: number }
  /** The user clicked a node: reveal its object's YAML in an editor. */
  | { readonly type: 'node/reveal'; readonly id: string }
  /**
   * The user clicked an edge, or one of its evidence links in the details pane: reveal the evidence
   * (the env value, the backend, the selector). `evidence` indexes the edge's evidence list.
   */
  | { readonly type: 'edge/reveal'; readonly id: string; readonly evidence?: number }
  /** The user followed a link to an object that is not drawn as a node (a deciding NetworkPolicy). */
  | { readonly type: 'object/reveal'; readonly id: string }
  /**
   * The selection changed (null: nothing selected), by a click (`user`) or because the editor's
   * cursor moved into another object (`editor`).
   */
  | { readonly type: 'node/selected'; readonly id: string | null; readonly origin: 'user' | 'editor' }
  /** A snapshot has been drawn: what is on the canvas now (used by the status line and the tests). */
  | {
      readonly type: 'graph/rendered';
      readonly revision: number;
      /** Nodes and edges of the snapshot as drawn (namespace boxes are not counted). */
      readonly nodeCount: number;
      readonly edgeCount: number;
      /** Milliseconds spent placing nodes for this snapshot (0 when every node kept its place). */
      readonly layoutMs?: number;
    }
  /**
   * Save the picture: the host asks where with a save dialog and writes the file. `data` is base64
   * for PNG and the SVG document's text for SVG; the host checks both before writing.
   */
  | { readonly type: 'export/save'; readonly format: ExportFormat; readonly data: string }
  /** Something failed inside the webview; the host logs it to the output channel. */
  | { readonly type: 'webview/error'; readonly message: string };

/** Which edges the traffic filter shows. */
export type TrafficFilter = 'both' | 'north-south' | 'east-west';

/** The toolbar's filters, persisted with the view. */
export interface FilterState {
  readonly search: string;
  /** Namespaces the user hid with the namespace filter. */
  readonly hiddenNamespaces: readonly string[];
  readonly traffic: TrafficFilter;
  readonly onlyProblems: boolean;
  /** Namespaces drawn as boxes (true) or everything in one flat picture (false). */
  readonly grouped: boolean;
}

export const DEFAULT_FILTERS: FilterState = {
  search: '',
  hiddenNamespaces: [],
  traffic: 'both',
  onlyProblems: false,
  grouped: true,
};

/** State the webview persists with `setState` and gets back after a reload. */
export interface PersistedState {
  readonly protocolVersion: number;
  readonly zoom?: number;
  readonly pan?: { readonly x: number; readonly y: number };
  readonly selectedId?: string;
  readonly filters?: FilterState;
  /** Namespaces the user expanded while the graph was over the large-graph threshold. */
  readonly expanded?: readonly string[];
  /** The workload whose neighbourhood alone is shown (double-click), if any. */
  readonly focusId?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const MAX_ID_LENGTH = 1024;
/** A PNG of a 5,000-node graph at the export scale stays well below this. */
export const MAX_EXPORT_LENGTH = 64 * 1024 * 1024;

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;
}

/** Narrows an inbound message from the webview; anything malformed is rejected, never trusted. */
export function isWebviewToHost(value: unknown): value is WebviewToHost {
  if (!isRecord(value) || typeof value.type !== 'string') return false;
  switch (value.type) {
    case 'webview/ready':
      return typeof value.protocolVersion === 'number';
    case 'node/reveal':
    case 'object/reveal':
      return isId(value.id);
    case 'edge/reveal':
      return (
        isId(value.id) &&
        (value.evidence === undefined ||
          (typeof value.evidence === 'number' && Number.isInteger(value.evidence) && value.evidence >= 0))
      );
    case 'node/selected':
      return (value.id === null || isId(value.id)) && (value.origin === 'user' || value.origin === 'editor');
    case 'graph/rendered':
      return (
        typeof value.revision === 'number' &&
        typeof value.nodeCount === 'number' &&
        typeof value.edgeCount === 'number' &&
        (value.layoutMs === undefined || typeof value.layoutMs === 'number')
      );
    case 'export/save':
      return (
        (value.format === 'png' || value.format === 'svg') &&
        typeof value.data === 'string' &&
        value.data.length > 0 &&
        value.data.length <= MAX_EXPORT_LENGTH
      );
    case 'webview/error':
      return typeof value.message === 'string';
    default:
      return false;
  }
}

/** Narrows a message from the host inside the webview. */
export function isHostToWebview(value: unknown): value is HostToWebview {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'graph/didChange':
      return (
        typeof value.revision === 'number' &&
        isRecord(value.graph) &&
        Array.isArray(value.graph.nodes) &&
        Array.isArray(value.graph.edges) &&
        isRecord(value.config) &&
        typeof value.config.largeGraphThreshold === 'number'
      );
    case 'editor/didSelect':
      return value.id === null || isId(value.id);
    case 'export/didFinish':
      return (
        (value.format === 'png' || value.format === 'svg') &&
        (value.outcome === 'saved' || value.outcome === 'cancelled' || value.outcome === 'failed')
      );
    default:
      return false;
  }
}

/** For exhaustive switches over message unions. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected message: ${JSON.stringify(value)}`);
}
