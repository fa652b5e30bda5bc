// The Chromium tier's harness: serves the built webview bundle and our CSS from localhost under a page
// made by the extension's own HTML builder (so the CSP is the shipped one, with the server's origin as
// cspSource), and opens it in Debian's Chromium through playwright-core with the stub VS Code API from
// page/initScript.ts.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import esbuild from 'esbuild';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { buildWebviewHtml, createNonce } from '../../src/vscode/webviewHtml';
import type { Probe, ProbeGlobal } from './probe';
import { chromiumFlags, chromiumPath } from '../../scripts/chromium.mjs';

const ROOT = path.resolve(__dirname, '..', '..');
export const BUNDLE = path.join(ROOT, 'dist', 'webview', 'main.js');

/** The flags of TESTING.md, plus headless: Debian's Chromium, offline, no sandbox (root in CI). */
export const CHROMIUM_ARGS = ['--headless', ...chromiumFlags];

/** What the server may hand out: the same two roots the panel's localResourceRoots allow. */
const FILES: Readonly<Record<string, { file: string; type: string }>> = {
  '/dist/webview/main.js': { file: 'dist/webview/main.js', type: 'text/javascript' },
  '/dist/webview/main.js.map': { file: 'dist/webview/main.js.map', type: 'application/json' },
  '/media/topology.css': { file: 'media/topology.css', type: 'text/css' },
};

export interface WebviewServer {
  readonly origin: string;
  /** Every path requested, to show the page loads nothing we did not expect. */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startServer(): Promise<WebviewServer> {
  const requests: string[] = [];
  let origin = '';
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    requests.push(url.pathname);
    if (url.pathname === '/') {
      const html = buildWebviewHtml({
        cspSource: origin,
        nonce: createNonce(),
        scriptUri: `${origin}/dist/webview/main.js`,
        styleUris: [`${origin}/media/topology.css`],
        title: 'Kube Topology',
      });
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(html);
      return;
    }
    if (url.pathname === '/favicon.ico') {
      // Chromium asks for it on its own for a top-level page (a webview iframe does not): no content.
      response.writeHead(204).end();
      return;
    }
    const entry = FILES[url.pathname];
    if (!entry) {
      response.writeHead(404).end();
      return;
    }
    readFile(path.join(ROOT, entry.file)).then(
      (body) => {
        response.writeHead(200, { 'content-type': entry.type });
        response.end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
}

let initScript: Promise<string> | undefined;

/** page/initScript.ts as one classic script. */
function initScriptSource(): Promise<string> {
  initScript ??= esbuild
    .build({
      entryPoints: [path.join(__dirname, 'page', 'initScript.ts')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'error',
    })
    .then((result) => result.outputFiles[0]?.text ?? '');
  return initScript;
}

export interface Session {
  readonly page: Page;
  /** Console errors and warnings, and uncaught page errors. */
  readonly problems: string[];
  close(): Promise<void>;
}

export interface SessionOptions {
  /** What `getState()` returns at start, as after a reload of the panel. */
  readonly initialState?: unknown;
  readonly viewport?: { width: number; height: number };
}

/** Opens the webview page in a fresh context and waits until the app has started. */
export async function openSession(
  browser: Browser,
  server: WebviewServer,
  options: SessionOptions = {},
): Promise<Session> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1000, height: 700 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  const initial = `window.__probeInitialState = ${JSON.stringify(options.initialState ?? null)};\n`;
  await page.addInitScript({ content: initial + (await initScriptSource()) });
  await page.goto(server.origin + '/');
  await page.waitForFunction(() => (globalThis as unknown as ProbeGlobal).__probe.ready());
  return { page, problems, close: () => context.close() };
}

// Read-outs of the page's probe. Each callback is serialised into the page, so each names the probe
// itself (no helper from this file is visible there); page.evaluate goes through the DevTools protocol,
// which the page's CSP does not restrict, and nothing here uses eval in the page.
export const pageProbe = {
  posted: (page: Page) => page.evaluate(() => (globalThis as unknown as ProbeGlobal).__probe.posted()),
  state: (page: Page) => page.evaluate(() => (globalThis as unknown as ProbeGlobal).__probe.state()),
  violations: (page: Page) =>
    page.evaluate(() => (globalThis as unknown as ProbeGlobal).__probe.violations()),
  nodes: (page: Page) => page.evaluate(() => (globalThis as unknown as ProbeGlobal).__probe.nodes()),
  edges: (page: Page) => page.evaluate(() => (globalThis as unknown as ProbeGlobal).__probe.edges()),
  checkSvg: (page: Page, text: string) =>
    page.evaluate((value) => (globalThis as unknown as ProbeGlobal).__probe.checkSvg(value), text),
  setSelectValue: (page: Page, id: string, value: string | string[]) =>
    page.evaluate(([i, v]) => (globalThis as unknown as ProbeGlobal).__probe.setSelectValue(i, v), [
      id,
      value,
    ] as const),
  canvas: (page: Page) => page.evaluate(() => (globalThis as unknown as ProbeGlobal).__probe.canvas()),
  viewport: (page: Page) => page.evaluate(() => (globalThis as unknown as ProbeGlobal).__probe.viewport()),
  selectedIds: (page: Page) =>
    page.evaluate(() => (globalThis as unknown as ProbeGlobal).__probe.selectedIds()),
  fitButton: (page: Page) => page.evaluate(() => (globalThis as unknown as ProbeGlobal).__probe.fitButton()),
  bodyBackground: (page: Page) =>
    page.evaluate(() => (globalThis as unknown as ProbeGlobal).__probe.bodyBackground()),
  addForbiddenStyle: (page: Page) =>
    page.evaluate(() => (globalThis as unknown as ProbeGlobal).__probe.addForbiddenStyle()),
  clearViolations: (page: Page) =>
    page.evaluate(() => (globalThis as unknown as ProbeGlobal).__probe.clearViolations()),
  send: (page: Page, message: unknown) =>
    page.evaluate((value) => (globalThis as unknown as ProbeGlobal).__probe.send(value), message),
  setViewport: (page: Page, zoom: number, pan: { x: number; y: number }) =>
    page.evaluate(([z, p]) => (globalThis as unknown as ProbeGlobal).__probe.setViewport(z, p), [
      zoom,
      pan,
    ] as const),
  nodeStyle: (page: Page, id: string, property: string) =>
    page.evaluate(([i, p]) => (globalThis as unknown as ProbeGlobal).__probe.nodeStyle(i, p), [
      id,
      property,
    ] as const),
  setTheme: (page: Page, bodyClass: string, variables: Record<string, string>) =>
    page.evaluate(([c, v]) => (globalThis as unknown as ProbeGlobal).__probe.setTheme(c, v), [
      bodyClass,
      variables,
    ] as const),
};

/** Waits (polling, with Playwright's deadline) until the app has posted a message matching `fields`. */
export async function waitForPosted(
  page: Page,
  fields: Record<string, unknown>,
  timeout = 30_000,
): Promise<void> {
  await page.waitForFunction(
    (wanted) =>
      (globalThis as unknown as ProbeGlobal).__probe
        .posted()
        .some(
          (message) =>
            typeof message === 'object' &&
            message !== null &&
            Object.entries(wanted).every(
              ([key, value]) => (message as Record<string, unknown>)[key] === value,
            ),
        ),
    fields,
    { timeout },
  );
}

export type { Probe };
