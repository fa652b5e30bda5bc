// What the Chromium tier's init script (page/initScript.ts) puts on the page as `window.__probe`: a stub of
// VS Code's webview API that records what the app posts, a recorder of CSP violations, and read-outs of
// the Cytoscape instance the app exposes through its test-only hook. Types only, no DOM: the Node-side
// tests import it to type their `page.evaluate` callbacks.

export interface Box {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface DrawnNode {
  readonly id: string;
  readonly isNamespace: boolean;
  readonly parent: string | null;
  readonly classes: readonly string[];
  /** Bounding box in page (CSS pixel) coordinates. */
  readonly box: Box;
  /** Centre in page coordinates: where a real mouse click lands on the node. */
  readonly centre: { readonly x: number; readonly y: number };
  /** Model position (what the layout decided), independent of zoom and pan. */
  readonly position: { readonly x: number; readonly y: number };
  /** Drawn (not hidden by a filter). */
  readonly visible: boolean;
}

export interface DrawnEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly classes: readonly string[];
  readonly visible: boolean;
  /** Midpoint in page coordinates: where a click lands on the edge (NaN when it is not drawn). */
  readonly midpoint: { readonly x: number; readonly y: number };
  /** The line colour Cytoscape draws, e.g. `rgb(229,20,0)`. */
  readonly lineColour: string;
  readonly lineStyle: string;
}

/** What DOMParser made of an exported SVG document. */
export interface SvgCheck {
  readonly parseError: string | null;
  readonly root: string;
  readonly nodes: number;
  readonly edges: number;
  readonly texts: readonly string[];
  readonly width: number;
  readonly height: number;
}

export interface Violation {
  readonly directive: string;
  readonly blockedURI: string;
  readonly sample: string;
}

export interface Probe {
  /** Messages the app posted to the "host", in order. */
  posted(): unknown[];
  /** The state last saved with setState. */
  state(): unknown;
  violations(): Violation[];
  /** Delivers a host message the way VS Code does: a `message` event on the webview's window. */
  send(message: unknown): void;
  /** Whether the app's test hook is there (the app has started). */
  ready(): boolean;
  nodes(): DrawnNode[];
  /** The text of the element with this id (null when there is none). */
  textOf(id: string): string | null;
  edges(): DrawnEdge[];
  /** Parses SVG text with the page's DOMParser. */
  checkSvg(text: string): SvgCheck;
  /** Sets a vscode-elements select's value and fires `change`, as picking options does. */
  setSelectValue(id: string, value: string | string[]): void;
  /** The canvas element's box in page coordinates. */
  canvas(): Box;
  viewport(): { zoom: number; pan: { x: number; y: number } };
  setViewport(zoom: number, pan: { x: number; y: number }): void;
  /** A Cytoscape style value of a node, e.g. `color` (as Cytoscape reports it). */
  nodeStyle(id: string, property: string): string;
  selectedIds(): string[];
  /** Switches the page to a VS Code theme: body class plus `--vscode-*` variables on <html>. */
  setTheme(bodyClass: string, variables: Record<string, string>): void;
  /** The toolbar's Fit button (a vscode-elements web component) as rendered. */
  fitButton(): { tag: string; hasShadow: boolean; adoptedSheets: number; width: number; display: string };
  /** The computed background colour of <body> (from media/topology.css and the theme variables). */
  bodyBackground(): string;
  /** Adds a <style> the CSP does not allow, to prove the policy is enforced and violations are seen. */
  addForbiddenStyle(): void;
  clearViolations(): void;
}

export interface ProbeGlobal {
  __probe: Probe;
}
