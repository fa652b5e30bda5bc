// The toolbar above the canvas, built from vscode-elements web components (Lit; their styles are
// constructable stylesheets, which the webview's CSP allows). Only the components used here are imported,
// so the bundle does not carry the whole library. It holds the filter state and reports every change.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-multi-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import {
  DEFAULT_FILTERS,
  type ExportFormat,
  type FilterState,
  type TrafficFilter,
} from '../src/shared/protocol';
import { countText } from './texts';

export interface ToolbarActions {
  /** Zoom and pan so everything visible fits. */
  fit(): void;
  /** Lay the graph out again (after nodes were dragged around). */
  relayout(): void;
  exportImage(format: ExportFormat): void;
  filtersChanged(filters: FilterState): void;
  /** Enter in the search box: centre the next match. */
  nextMatch(): void;
  /** Leave a workload's neighbourhood and show everything again. */
  clearFocus(): void;
  collapseAll(): void;
}

export interface Toolbar {
  /** What is drawn, e.g. `12 nodes, 15 edges`, or `5 of 12 nodes, …` when filters hide some. */
  setCounts(nodeCount: number, edgeCount: number, shownNodes: number, shownEdges: number): void;
  /** The namespace assumed for objects without one (an explicit assumption, ARCHITECTURE.md). */
  setAssumption(defaultNamespace: string, ingressController: string | undefined): void;
  setNamespaces(namespaces: readonly string[]): void;
  /** The workload whose neighbourhood is shown, if any. */
  setFocus(label: string | undefined): void;
  /** Large graphs get a "Collapse all" button. */
  setLarge(large: boolean): void;
  setStatus(text: string): void;
  setMatches(count: number | undefined): void;
  readonly filters: FilterState;
}

function button(id: string, label: string, title: string, onClick: () => void): HTMLElement {
  const element = document.createElement('vscode-button');
  element.id = id;
  element.secondary = true;
  element.textContent = label;
  element.title = title;
  element.addEventListener('click', onClick);
  return element;
}

function text(id: string, className: string): HTMLElement {
  const element = document.createElement('span');
  element.id = id;
  element.className = className;
  return element;
}

function option(value: string, label: string, selected: boolean): HTMLElement {
  const element = document.createElement('vscode-option');
  element.setAttribute('value', value);
  element.textContent = label;
  if (selected) element.setAttribute('selected', '');
  return element;
}

const TRAFFIC_OPTIONS: readonly [TrafficFilter, string][] = [
  ['both', 'All traffic'],
  ['north-south', 'North-south'],
  ['east-west', 'East-west'],
];

export function createToolbar(
  container: HTMLElement,
  initial: FilterState,
  actions: ToolbarActions,
): Toolbar {
  let filters: FilterState = { ...DEFAULT_FILTERS, ...initial };
  let namespaces: readonly string[] = [];
  const update = (change: Partial<FilterState>) => {
    filters = { ...filters, ...change };
    actions.filtersChanged(filters);
  };

  const search = document.createElement('vscode-textfield');
  search.id = 'search';
  search.placeholder = 'Search by name';
  search.value = filters.search;
  search.title = 'Fades everything whose name does not match; Enter centres the next match';
  search.addEventListener('input', () => update({ search: search.value }));
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') actions.nextMatch();
  });
  const matches = text('matches', 'toolbar-text toolbar-muted');

  const namespaceFilter = document.createElement('vscode-multi-select');
  namespaceFilter.id = 'namespace-filter';
  namespaceFilter.title = 'Namespaces shown';
  namespaceFilter.addEventListener('change', () => {
    const shown = new Set(namespaceFilter.value);
    update({ hiddenNamespaces: namespaces.filter((namespace) => !shown.has(namespace)) });
  });

  const traffic = document.createElement('vscode-single-select');
  traffic.id = 'traffic-filter';
  traffic.title = 'Which traffic to show';
  traffic.append(...TRAFFIC_OPTIONS.map(([value, label]) => option(value, label, value === filters.traffic)));
  traffic.addEventListener('change', () => {
    const value = TRAFFIC_OPTIONS.find(([candidate]) => candidate === traffic.value)?.[0] ?? 'both';
    update({ traffic: value });
  });

  const problems = document.createElement('vscode-checkbox');
  problems.id = 'only-problems';
  problems.label = 'Only problems';
  problems.checked = filters.onlyProblems;
  problems.title = 'Only nodes with findings and hops that are blocked or unknown';
  problems.addEventListener('change', () => update({ onlyProblems: problems.checked }));

  const grouped = document.createElement('vscode-checkbox');
  grouped.id = 'group-namespaces';
  grouped.label = 'Group by namespace';
  grouped.checked = filters.grouped;
  grouped.addEventListener('change', () => update({ grouped: grouped.checked }));

  const focus = button('focus-chip', '', 'Show the whole graph again (Escape)', () => actions.clearFocus());
  focus.hidden = true;
  const collapse = button('collapse-all', 'Collapse all', 'Draw every namespace as one box', () =>
    actions.collapseAll(),
  );
  collapse.hidden = true;

  const counts = text('counts', 'toolbar-text');
  counts.setAttribute('role', 'status');
  counts.textContent = countText(0, 0);
  const status = text('status', 'toolbar-text toolbar-muted');
  status.setAttribute('aria-live', 'polite');
  const assumption = text('assumption', 'toolbar-text toolbar-muted');

  const filterRow = document.createElement('div');
  filterRow.className = 'toolbar-row';
  filterRow.append(search, matches, namespaceFilter, traffic, problems, grouped, focus);
  const actionRow = document.createElement('div');
  actionRow.className = 'toolbar-row';
  actionRow.append(
    button('fit-button', 'Fit', 'Show the whole graph', () => actions.fit()),
    button('relayout-button', 'Re-layout', 'Lay the graph out again', () => actions.relayout()),
    collapse,
    button('export-png', 'Export PNG', 'Save the picture as PNG', () => actions.exportImage('png')),
    button('export-svg', 'Export SVG', 'Save the picture as SVG', () => actions.exportImage('svg')),
    counts,
    status,
    assumption,
  );
  container.replaceChildren(filterRow, actionRow);

  return {
    get filters() {
      return filters;
    },
    setCounts(nodeCount, edgeCount, shownNodes, shownEdges) {
      counts.textContent = countText(nodeCount, edgeCount, shownNodes, shownEdges);
    },
    setAssumption(defaultNamespace, ingressController) {
      assumption.textContent =
        `Objects without a namespace are shown in "${defaultNamespace}"` +
        (ingressController ? `; Ingress controller: ${ingressController}` : '; Ingress controller: unknown');
    },
    setNamespaces(next) {
      if (next.length === namespaces.length && next.every((name, index) => namespaces[index] === name))
        return;
      namespaces = next;
      const hidden = new Set(filters.hiddenNamespaces);
      namespaceFilter.replaceChildren(...next.map((name) => option(name, name, !hidden.has(name))));
      namespaceFilter.hidden = next.length === 0;
    },
    setFocus(label) {
      focus.hidden = label === undefined;
      focus.textContent = label === undefined ? '' : `Neighbourhood of ${label} ✕`;
    },
    setLarge(large) {
      collapse.hidden = !large;
    },
    setStatus(value) {
      status.textContent = value;
    },
    setMatches(count) {
      matches.textContent = count === undefined ? '' : count === 1 ? '1 match' : `${count} matches`;
    },
  };
}
