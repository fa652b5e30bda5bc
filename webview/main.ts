// The topology webview: wiring only. Creates the toolbar, the canvas, the legend, the details pane and
// the empty state, says `webview/ready` to the host, then draws every newer `graph/didChange` snapshot
// and reports back: `graph/rendered`, `node/reveal` and `node/selected` on a click, `edge/reveal` on an
// edge, `node/selected` when the editor's cursor selected a node, `export/save`, `webview/error`.
import type { EdgeSingular, NodeSingular } from 'cytoscape';
import {
  PROTOCOL_VERSION,
  assertNever,
  isHostToWebview,
  type ExportFormat,
  type HostToWebview,
} from '../src/shared/protocol';
import { createDetailsPane } from './details';
import { AGGREGATE_CLASS, NAMESPACE_CLASS } from './elements';
import { createEmptyState } from './emptyState';
import { createGraphView } from './graphView';
import { createLegend } from './legend';
import { exportSvg } from './svgExport';
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

const EXPORT_OUTCOMES = { saved: 'Saved', cancelled: '', failed: 'Could not save the picture' } as const;

function main(host: HostApi): void {
  const reportError = (error: unknown) => host.post({ type: 'webview/error', message: messageOf(error) });
  window.addEventListener('error', (event) => reportError(event.error ?? event.message));
  window.addEventListener('unhandledrejection', (event) => reportError(event.reason));

  const saved = host.getState();
  let palette = readPalette();
  const emptyState = createEmptyState(element('empty-state'), element('stage'));
  const view = createGraphView({
    container: element('canvas'),
    palette,
    ...(saved?.zoom !== undefined && saved.pan
      ? { initialViewport: { zoom: saved.zoom, pan: saved.pan } }
      : {}),
    ...(saved?.selectedId !== undefined ? { initialSelection: saved.selectedId } : {}),
    ...(saved?.filters ? { filters: saved.filters } : {}),
    ...(saved?.expanded ? { expanded: saved.expanded } : {}),
    ...(saved?.focusId !== undefined ? { focusId: saved.focusId } : {}),
    hooks: {
      onRendered: (info, graph) => {
        host.post({ type: 'graph/rendered', ...info });
        if (graph.nodes.length === 0) emptyState.show(graph);
        else emptyState.hide();
        toolbar.setAssumption(graph.assumptions.defaultNamespace, graph.assumptions.ingressController);
        showFocus();
      },
      onVisibility: (info) => {
        toolbar.setCounts(info.nodeCount, info.edgeCount, info.shownNodes, info.shownEdges);
        toolbar.setMatches(info.matches);
      },
      onStructure: (namespaces, large) => {
        toolbar.setNamespaces(namespaces);
        toolbar.setLarge(large);
      },
      onError: reportError,
    },
  });
  const saveState = persistViewState(view.cy, host, () => ({
    filters: view.filters,
    expanded: view.expanded,
    focusId: view.focusId,
  }));
  const showFocus = () => {
    const focus = view.focusId === undefined ? undefined : view.node(view.focusId);
    toolbar.setFocus(focus?.name);
  };
  const setFocus = (id: string | undefined) => {
    view.setFocus(id);
    showFocus();
    saveState();
  };

  const exportImage = (format: ExportFormat) => {
    try {
      const data =
        format === 'png'
          ? view.cy.png({
              output: 'base64',
              full: true,
              bg: palette.background,
              maxWidth: 8000,
              maxHeight: 8000,
            })
          : exportSvg(view.cy, palette.background, palette.fontFamily);
      toolbar.setStatus('Saving…');
      host.post({ type: 'export/save', format, data });
    } catch (error) {
      reportError(error);
    }
  };
  const toolbar = createToolbar(element('toolbar'), view.filters, {
    fit: () => view.fit(),
    relayout: () => view.relayout(),
    exportImage,
    filtersChanged: (filters) => {
      view.setFilters(filters);
      saveState();
    },
    nextMatch: () => view.nextMatch(),
    clearFocus: () => setFocus(undefined),
    collapseAll: () => {
      view.collapseAll();
      saveState();
    },
  });

  const details = createDetailsPane(element('details'), {
    revealObject: (id) => host.post({ type: 'object/reveal', id }),
    revealEvidence: (id, index) => host.post({ type: 'edge/reveal', id, evidence: index }),
    closed: () => view.cy.edges(':selected').unselect(),
  });
  createLegend(element('stage'));

  view.cy.on('tap', 'node', (event) => {
    const node = event.target as NodeSingular;
    if (node.hasClass(NAMESPACE_CLASS)) return;
    details.hide();
    host.post({ type: 'node/reveal', id: node.id() });
    host.post({ type: 'node/selected', id: node.id(), origin: 'user' });
  });
  view.cy.on('tap', 'edge', (event) => {
    const edge = event.target as EdgeSingular;
    if (edge.hasClass(AGGREGATE_CLASS)) return;
    const dto = view.edge(edge.id());
    if (!dto) return;
    details.show(dto, view.node(dto.source), view.node(dto.target));
    host.post({ type: 'edge/reveal', id: edge.id() });
  });
  view.cy.on('tap', (event) => {
    if (event.target !== view.cy) return;
    details.hide();
    host.post({ type: 'node/selected', id: null, origin: 'user' });
  });
  view.cy.on('dbltap', 'node', (event) => {
    const node = event.target as NodeSingular;
    if (node.data('category') === 'workload') setFocus(node.id());
  });
  window.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && view.focusId !== undefined) setFocus(undefined);
  });

  watchTheme(() => {
    palette = readPalette();
    view.restyle(palette);
  });
  exposeForTests(view.cy);

  const receive = (message: HostToWebview) => {
    switch (message.type) {
      case 'graph/didChange':
        view.show(message.revision, message.graph, message.config);
        return;
      case 'editor/didSelect': {
        const drawn = view.selectFromEditor(message.id);
        if (drawn) host.post({ type: 'node/selected', id: message.id, origin: 'editor' });
        saveState();
        return;
      }
      case 'export/didFinish':
        toolbar.setStatus(EXPORT_OUTCOMES[message.outcome]);
        return;
      default:
        assertNever(message);
    }
  };
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = event.data;
    if (!isHostToWebview(message)) return;
    // The guard checks the envelope, not every node: a snapshot that still breaks drawing is reported
    // to the host (which logs it) and the view stays ready for the next one.
    try {
      receive(message);
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
