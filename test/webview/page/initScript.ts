// Runs in every test page before the webview bundle (Playwright `addInitScript`, which the page's CSP
// does not apply to). Stands in for VS Code: `acquireVsCodeApi` records what the app posts and keeps the
// state it saves; CSP violations are recorded; `window.__probe` lets the Node side read the result.
// Setting `__kubeTopologyTestEnabled` makes the app expose its Cytoscape instance (webview/testHook.ts).
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { TestHookWindow } from '../../../webview/testHook';
import type { DrawnEdge, DrawnNode, Probe, Violation } from '../probe';

declare global {
  interface Window {
    /** Set by the harness before this script: the state `getState` returns first (a "reload"). */
    __probeInitialState?: unknown;
    acquireVsCodeApi?: () => unknown;
    __probe?: Probe;
  }
}

const hookWindow = window as unknown as TestHookWindow;
hookWindow.__kubeTopologyTestEnabled = true;

const posted: unknown[] = [];
const violations: Violation[] = [];
let state: unknown = window.__probeInitialState;
let acquired = false;

window.acquireVsCodeApi = () => {
  // Like VS Code: the API can be acquired once per page.
  if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
  acquired = true;
  return {
    postMessage: (message: unknown) => void posted.push(structuredClone(message)),
    getState: () => state,
    setState: (next: unknown) => {
      state = structuredClone(next);
    },
  };
};

document.addEventListener('securitypolicyviolation', (event) => {
  violations.push({
    directive: event.effectiveDirective,
    blockedURI: event.blockedURI,
    sample: event.sample,
  });
});

function cy(): Core {
  const hook = hookWindow.__kubeTopologyTest;
  if (!hook) throw new Error('the app has not exposed its test hook');
  return hook.cy;
}

function canvasBox(): DOMRect {
  const canvas = document.getElementById('canvas');
  if (!canvas) throw new Error('no #canvas');
  return canvas.getBoundingClientRect();
}

function drawn(node: NodeSingular): DrawnNode {
  const rect = canvasBox();
  const box = node.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
  const centre = node.renderedPosition();
  return {
    id: node.id(),
    isNamespace: node.hasClass('namespace'),
    parent: node.isChild() ? node.parent().first().id() : null,
    classes: node.classes(),
    box: { x1: rect.x + box.x1, y1: rect.y + box.y1, x2: rect.x + box.x2, y2: rect.y + box.y2 },
    centre: { x: rect.x + centre.x, y: rect.y + centre.y },
    position: { ...node.position() },
    visible: node.visible(),
  };
}

function drawnEdge(edge: EdgeSingular): DrawnEdge {
  const rect = canvasBox();
  // Cytoscape keeps no geometry for an edge it does not draw (filtered out).
  const middle = edge.visible() ? edge.renderedMidpoint() : { x: Number.NaN, y: Number.NaN };
  return {
    id: edge.id(),
    source: edge.source().id(),
    target: edge.target().id(),
    classes: edge.classes(),
    visible: edge.visible(),
    midpoint: { x: rect.x + middle.x, y: rect.y + middle.y },
    lineColour: String(edge.style('line-color')),
    lineStyle: String(edge.style('line-style')),
  };
}

window.__probe = {
  posted: () => posted,
  state: () => state,
  violations: () => violations,
  send: (message) => window.postMessage(message, '*'),
  ready: () => hookWindow.__kubeTopologyTest !== undefined,
  nodes: () => cy().nodes().map(drawn),
  textOf: (id) => document.getElementById(id)?.textContent ?? null,
  edges: () => cy().edges().map(drawnEdge),
  checkSvg: (text) => {
    const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
    const error = parsed.querySelector('parsererror');
    const root = parsed.documentElement;
    return {
      parseError: error ? (error.textContent ?? 'parsererror') : null,
      root: `${root.namespaceURI ?? ''} ${root.localName}`,
      nodes: parsed.querySelectorAll('g.node').length,
      edges: parsed.querySelectorAll('g.edge').length,
      // Text elements, and the lines (tspans) of multi-line captions.
      texts: [...parsed.querySelectorAll('text, tspan')].map((text) => text.textContent ?? ''),
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
    };
  },
  setSelectValue: (id, value) => {
    const select = document.getElementById(id) as (HTMLElement & { value: unknown }) | null;
    if (!select) throw new Error(`no #${id}`);
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  },
  canvas: () => {
    const rect = canvasBox();
    return { x1: rect.left, y1: rect.top, x2: rect.right, y2: rect.bottom };
  },
  viewport: () => ({ zoom: cy().zoom(), pan: { ...cy().pan() } }),
  setViewport: (zoom, pan) => void cy().viewport({ zoom, pan }),
  nodeStyle: (id, property) => String(cy().getElementById(id).style(property)),
  selectedIds: () =>
    cy()
      .$(':selected')
      .map((element) => element.id()),
  setTheme: (bodyClass, variables) => {
    for (const [name, value] of Object.entries(variables))
      document.documentElement.style.setProperty(name, value);
    document.body.classList.remove(
      'vscode-light',
      'vscode-dark',
      'vscode-high-contrast',
      'vscode-high-contrast-light',
    );
    document.body.classList.add(...bodyClass.split(' '));
  },
  fitButton: () => {
    const element = document.getElementById('fit-button');
    const root = element?.shadowRoot;
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      hasShadow: root !== null && root !== undefined,
      adoptedSheets: root?.adoptedStyleSheets.length ?? 0,
      width: element?.getBoundingClientRect().width ?? 0,
      display: element ? getComputedStyle(element).display : '',
    };
  },
  bodyBackground: () => getComputedStyle(document.body).backgroundColor,
  addForbiddenStyle: () => {
    const style = document.createElement('style');
    style.textContent = 'body { outline: 1px solid red; }';
    document.head.append(style);
  },
  clearViolations: () => void violations.splice(0),
};
