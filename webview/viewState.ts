// Saves zoom, pan, selection, filters, expanded namespaces and the neighbourhood shown with the webview
// state API, so hiding and re-showing the panel (or a reload through the serializer) comes back to the
// same view. Viewport events come in bursts while the user pans, so saving waits for a short pause.
import type { Core } from 'cytoscape';
import { PROTOCOL_VERSION, type FilterState } from '../src/shared/protocol';
import type { HostApi } from './vscodeApi';

const SAVE_DELAY_MS = 250;

/** What the view adds to zoom, pan and selection. */
export interface SavedView {
  readonly filters: FilterState;
  readonly expanded: readonly string[];
  readonly focusId: string | undefined;
}

/** Saves on viewport and selection changes; call the returned function after any other change. */
export function persistViewState(cy: Core, host: HostApi, view: () => SavedView): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    timer = undefined;
    const selected = cy.$('node:selected').first();
    const { filters, expanded, focusId } = view();
    host.setState({
      protocolVersion: PROTOCOL_VERSION,
      zoom: cy.zoom(),
      pan: { ...cy.pan() },
      ...(selected.nonempty() ? { selectedId: selected.id() } : {}),
      filters,
      ...(expanded.length > 0 ? { expanded: [...expanded] } : {}),
      ...(focusId !== undefined ? { focusId } : {}),
    });
  };
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  cy.on('viewport select unselect', schedule);
  return schedule;
}
