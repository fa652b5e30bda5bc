// The typed messages between the extension host and the topology webview. One union per direction,
// discriminated by `type`. The webview sends ids only; the host resolves them to ranges it produced
// itself, so a compromised webview can never make the host open an arbitrary path.
import type { GraphDto } from './graphDto';

/** Bumped whenever a message or the persisted state changes shape. */
export const PROTOCOL_VERSION = 1;

/** Messages the host posts to the webview. The host posts nothing before `webview/ready`. */
export type HostToWebview =
  /**
   * A complete snapshot of the graph. Revisions increase; the webview drops a snapshot whose
   * revision is not newer than the one it already drew.
   */
  { readonly type: 'graph/didChange'; readonly revision: number; readonly graph: GraphDto };

/** Messages the webview posts to the host. Treated as `unknown` by the host until `isWebviewToHost` narrows them. */
export type WebviewToHost =
  /** The app has loaded and can receive snapshots. Carries the protocol version it was built with. */
  | { readonly type: 'webview/ready'; readonly protocolVersion: number }
  /** The user clicked a node: reveal its object's YAML in an editor. */
  | { readonly type: 'node/reveal'; readonly id: string }
  /** A snapshot has been drawn: what is on the canvas now (used by the status line and the tests). */
  | {
      readonly type: 'graph/rendered';
      readonly revision: number;
      readonly nodeCount: number;
      readonly edgeCount: number;
    }
  /** Something failed inside the webview; the host logs it to the output channel. */
  | { readonly type: 'webview/error'; readonly message: string };

/** State the webview persists with `setState` and gets back after a reload. */
export interface PersistedState {
  readonly protocolVersion: number;
  readonly zoom?: number;
  readonly pan?: { readonly x: number; readonly y: number };
  readonly selectedId?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Narrows an inbound message from the webview; anything malformed is rejected, never trusted. */
export function isWebviewToHost(value: unknown): value is WebviewToHost {
  if (!isRecord(value) || typeof value.type !== 'string') return false;
  switch (value.type) {
    case 'webview/ready':
      return typeof value.protocolVersion === 'number';
    case 'node/reveal':
      return typeof value.id === 'string' && value.id.length <= 1024;
    case 'graph/rendered':
      return (
        typeof value.revision === 'number' &&
        typeof value.nodeCount === 'number' &&
        typeof value.edgeCount === 'number'
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
  return (
    value.type === 'graph/didChange' &&
    typeof value.revision === 'number' &&
    isRecord(value.graph) &&
    Array.isArray(value.graph.nodes) &&
    Array.isArray(value.graph.edges)
  );
}

/** For exhaustive switches over message unions. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected message: ${JSON.stringify(value)}`);
}
