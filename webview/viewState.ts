// Saves zoom, pan and selection with the webview state API, so hiding and re-showing the panel (or a
// reload through the serializer) comes back to the same view. Viewport events come in bursts while the
// user pans, so saving waits for a short pause.
import type { Core } from 'cytoscape';
import { PROTOCOL_VERSION } from '../src/shared/protocol';
import type { HostApi } from './vscodeApi';

const SAVE_DELAY_MS = 250;

export function persistViewState(cy: Core, host: HostApi): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    timer = undefined;
    const selected = cy.$('node:selected').first();
    host.setState({
      protocolVersion: PROTOCOL_VERSION,
      zoom: cy.zoom(),
      pan: { ...cy.pan() },
      ...(selected.nonempty() ? { selectedId: selected.id() } : {}),
    });
  };
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  cy.on('viewport select unselect', schedule);
}
