// A typed wrapper over the API VS Code injects into webviews. `acquireVsCodeApi` may be called once per
// page, so the wrapper is created once in main.ts and passed around. Messages out are the protocol's
// `WebviewToHost` union; persisted state is `PersistedState`, and a state written by another protocol
// version (or malformed) is ignored rather than trusted.
import {
  DEFAULT_FILTERS,
  PROTOCOL_VERSION,
  type FilterState,
  type PersistedState,
  type WebviewToHost,
} from '../src/shared/protocol';

/** What VS Code's `acquireVsCodeApi()` returns (the subset we use). */
interface VsCodeWebviewApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeWebviewApi;

export interface HostApi {
  post(message: WebviewToHost): void;
  /** The state saved before the webview was last hidden or reloaded, if it is ours and of this protocol version. */
  getState(): PersistedState | undefined;
  setState(state: PersistedState): void;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? [...value] : undefined;
}

/** Narrows saved filters field by field: what is malformed falls back to the default. */
export function parseFilters(value: unknown): FilterState {
  if (typeof value !== 'object' || value === null) return DEFAULT_FILTERS;
  const saved = value as Record<string, unknown>;
  const traffic = saved.traffic;
  return {
    search: typeof saved.search === 'string' ? saved.search : DEFAULT_FILTERS.search,
    hiddenNamespaces: stringList(saved.hiddenNamespaces) ?? DEFAULT_FILTERS.hiddenNamespaces,
    traffic:
      traffic === 'both' || traffic === 'north-south' || traffic === 'east-west'
        ? traffic
        : DEFAULT_FILTERS.traffic,
    onlyProblems: typeof saved.onlyProblems === 'boolean' ? saved.onlyProblems : DEFAULT_FILTERS.onlyProblems,
    grouped: typeof saved.grouped === 'boolean' ? saved.grouped : DEFAULT_FILTERS.grouped,
  };
}

/** Narrows a saved state; anything unexpected yields undefined (the view then starts fresh). */
export function parsePersistedState(value: unknown): PersistedState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const state = value as Record<string, unknown>;
  if (state.protocolVersion !== PROTOCOL_VERSION) return undefined;
  const pan = state.pan as Record<string, unknown> | undefined;
  const validPan = typeof pan === 'object' && pan !== null && isFiniteNumber(pan.x) && isFiniteNumber(pan.y);
  return {
    protocolVersion: PROTOCOL_VERSION,
    ...(isFiniteNumber(state.zoom) && state.zoom > 0 ? { zoom: state.zoom } : {}),
    ...(validPan ? { pan: { x: pan.x as number, y: pan.y as number } } : {}),
    ...(typeof state.selectedId === 'string' ? { selectedId: state.selectedId } : {}),
    ...(state.filters !== undefined ? { filters: parseFilters(state.filters) } : {}),
    ...(stringList(state.expanded) ? { expanded: stringList(state.expanded) } : {}),
    ...(typeof state.focusId === 'string' ? { focusId: state.focusId } : {}),
  };
}

export function acquireHostApi(): HostApi {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    getState: () => parsePersistedState(api.getState()),
    setState: (state) => api.setState(state),
  };
}
