// The toolbar above the canvas, built from vscode-elements web components (Lit; their styles are
// constructable stylesheets, which the webview's CSP allows). Only the components used here are imported,
// so the bundle does not carry the whole library.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { countText, plural } from './texts';

export interface ToolbarActions {
  /** Zoom and pan so the whole graph is visible. */
  fit(): void;
  /** Lay the graph out again (after nodes were dragged around). */
  relayout(): void;
}

export interface Toolbar {
  /** Shows what is drawn, e.g. `12 nodes, 15 edges`. */
  setCounts(nodeCount: number, edgeCount: number): void;
  /** Shows that a layout is running (it can take seconds on large graphs). */
  setBusy(nodeCount: number): void;
  /** Shows the namespace assumed for objects without one (an explicit assumption, ARCHITECTURE.md). */
  setAssumption(defaultNamespace: string): void;
}

function button(label: string, title: string, onClick: () => void): HTMLElement {
  const element = document.createElement('vscode-button');
  element.secondary = true;
  element.textContent = label;
  element.title = title;
  element.addEventListener('click', onClick);
  return element;
}

export function createToolbar(container: HTMLElement, actions: ToolbarActions): Toolbar {
  const fit = button('Fit', 'Show the whole graph', () => actions.fit());
  fit.id = 'fit-button';
  const relayout = button('Re-layout', 'Lay the graph out again', () => actions.relayout());
  relayout.id = 'relayout-button';

  const counts = document.createElement('span');
  counts.id = 'counts';
  counts.className = 'toolbar-text';
  counts.setAttribute('role', 'status');
  counts.textContent = countText(0, 0);

  const assumption = document.createElement('span');
  assumption.id = 'assumption';
  assumption.className = 'toolbar-text toolbar-muted';

  container.replaceChildren(fit, relayout, counts, assumption);
  return {
    setCounts(nodeCount, edgeCount) {
      counts.textContent = countText(nodeCount, edgeCount);
    },
    setBusy(nodeCount) {
      counts.textContent = `Laying out ${plural(nodeCount, 'node', 'nodes')}…`;
    },
    setAssumption(defaultNamespace) {
      assumption.textContent = `Objects without a namespace are shown in "${defaultNamespace}"`;
    },
  };
}
