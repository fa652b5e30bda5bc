// The topology webview: wiring only. Creates the toolbar, the canvas and the empty state, says
// `webview/ready` to the host, then draws every newer `graph/didChange` snapshot it is sent and reports
// back `graph/rendered`, `node/reveal` on a click, and `webview/error` when something fails.
import type { NodeSingular } from 'cytoscape';
import type { GraphDto } from '../src/shared/graphDto';
import { PROTOCOL_VERSION, assertNever, isHostToWebview } from '../src/shared/protocol';
import { createEmptyState } from './emptyState';
import { NAMESPACE_CLASS } from './elements';
import { createGraphView, type DrawnSnapshot } from './graphView';
import { exposeForTests } from './testHook';
import { readPalette, watchTheme } from './theme';
import { createToolbar } from './toolbar';
import { persistViewState } from './viewState';
import { acquireHostApi, type HostApi } from './vscodeApi';

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The page has no #${id} (see src/vscode/webviewHtml.ts)`);
  return found;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}

function main(host: HostApi): void {
  const reportError = (error: unknown) => host.post({ type: 'webview/error', message: messageOf(error) });
  window.addEventListener('error', (event) => reportError(event.error ?? event.message));

  const saved = host.getState();
  const emptyState = createEmptyState(element('empty-state'), element('stage'));
  const view = createGraphView({
    container: element('canvas'),
    palette: readPalette(),
    ...(saved?.zoom !== undefined && saved.pan
      ? { initialViewport: { zoom: saved.zoom, pan: saved.pan } }
      : {}),
    ...(saved?.selectedId !== undefined ? { initialSelection: saved.selectedId } : {}),
    hooks: {
      onLayoutStart: (nodeCount) => toolbar.setBusy(nodeCount),
      onLayoutEnd: (nodeCount, edgeCount) => toolbar.setCounts(nodeCount, edgeCount),
      onRendered: (snapshot: DrawnSnapshot) => {
        const { revision, nodeCount, edgeCount } = snapshot;
        host.post({ type: 'graph/rendered', revision, nodeCount, edgeCount });
      },
      onError: reportError,
    },
  });
  const toolbar = createToolbar(element('toolbar'), {
    fit: () => view.fit(),
    relayout: () => view.relayout(),
  });
  window.addEventListener('unhandledrejection', (event) => {
    reportError(event.reason);
    view.recover();
  });

  view.cy.on('tap', 'node', (event) => {
    const node = event.target as NodeSingular;
    if (node.hasClass(NAMESPACE_CLASS)) return;
    host.post({ type: 'node/reveal', id: node.id() });
  });
  persistViewState(view.cy, host);
  watchTheme(() => view.restyle(readPalette()));
  exposeForTests(view.cy);

  const showGraph = (revision: number, graph: GraphDto) => {
    if (!view.show(revision, graph)) return;
    toolbar.setAssumption(graph.assumptions.defaultNamespace);
    if (graph.nodes.length === 0) emptyState.show(graph);
    else emptyState.hide();
  };
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = event.data;
    if (!isHostToWebview(message)) return;
    // The guard checks the envelope, not every node: a snapshot that still breaks drawing is reported
    // to the host (which logs it) and the view stays ready for the next one.
    try {
      switch (message.type) {
        case 'graph/didChange':
          showGraph(message.revision, message.graph);
          break;
        default:
          assertNever(message.type);
      }
    } catch (error) {
      reportError(error);
    }
  });

  host.post({ type: 'webview/ready', protocolVersion: PROTOCOL_VERSION });
}

const host = acquireHostApi();
try {
  main(host);
} catch (error) {
  host.post({ type: 'webview/error', message: messageOf(error) });
}
