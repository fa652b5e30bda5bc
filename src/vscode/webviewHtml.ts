// The only place that writes the topology webview's HTML. It imports nothing from 'vscode' on purpose:
// the panel passes in the URIs it got from `webview.asWebviewUri` and `webview.cspSource`, and the
// Chromium test tier (test/webview) builds the identical page through tsx with a localhost origin, so
// the Content-Security-Policy tested there is the one the extension ships.

export interface WebviewHtmlInputs {
  /** `webview.cspSource`: the origin our bundles and stylesheets are served from. */
  readonly cspSource: string;
  /** A fresh value from `createNonce()` for every page load. */
  readonly nonce: string;
  /** The webview bundle (dist/webview/main.js) as a webview URI. */
  readonly scriptUri: string;
  /** Stylesheets (media/*.css) as webview URIs, linked in this order. */
  readonly styleUris: readonly string[];
  /** The document title (the panel's title is set by the host separately). */
  readonly title: string;
}

/**
 * The sha256 of the one `<style>` element Cytoscape inserts into the document head
 * (`.__________cytoscape_container { position: relative; }`, see `__________cytoscape_stylesheet` in
 * cytoscape's renderer). Allowing exactly this content keeps `style-src` free of `'unsafe-inline'`.
 * test/unit/vscode/webviewHtml.test.ts recomputes it from the installed cytoscape, so an upgrade that
 * changes the text fails a test instead of silently producing a CSP violation.
 */
export const CYTOSCAPE_STYLE_HASH = 'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8=';

/** 128 random bits from Web Crypto (present in both extension hosts and in browsers), as 32 hex digits. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The Content-Security-Policy of the topology webview. */
export function buildContentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    // Nothing is allowed unless a directive below says so (no fetch, no frames, no workers, no forms).
    `default-src 'none'`,
    // Only our own bundle, recognised by this page's nonce: no inline scripts, no eval.
    `script-src 'nonce-${nonce}'`,
    // Our stylesheets from the extension, plus exactly the one tiny rule Cytoscape injects (by hash).
    // Lit's constructable stylesheets (vscode-elements) and CSSOM writes are not inline styles.
    `style-src ${cspSource} '${CYTOSCAPE_STYLE_HASH}'`,
    // Our media, and data: URIs for the findings badges drawn on the canvas.
    `img-src ${cspSource} data:`,
    // Fonts shipped with the extension only.
    `font-src ${cspSource}`,
  ].join('; ');
}

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for a double-quoted attribute value or element text. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ATTRIBUTE_ESCAPES[character] ?? character);
}

/**
 * The page: a toolbar, the canvas, the empty-state box and the edge details pane, all filled in by the
 * webview bundle (webview/main.ts). No inline script and no inline style; the bundle runs last, so the
 * DOM exists.
 */
export function buildWebviewHtml(inputs: WebviewHtmlInputs): string {
  const csp = escapeHtml(buildContentSecurityPolicy(inputs.cspSource, inputs.nonce));
  const styles = inputs.styleUris
    .map((uri) => `    <link rel="stylesheet" href="${escapeHtml(uri)}">`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${csp}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
    <title>${escapeHtml(inputs.title)}</title>
  </head>
  <body>
    <div id="app">
      <div id="toolbar" role="toolbar" aria-label="Topology"></div>
      <div id="stage">
        <div id="canvas" aria-label="Service topology graph"></div>
        <div id="empty-state" hidden></div>
        <aside id="details" aria-label="Edge details" hidden></aside>
      </div>
    </div>
    <script nonce="${escapeHtml(inputs.nonce)}" src="${escapeHtml(inputs.scriptUri)}"></script>
  </body>
</html>
`;
}
