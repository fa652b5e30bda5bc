// What every Chromium test file shares: one server and one browser per file, a fresh page per test, and
// the end-of-test check that the page saw no CSP violation, no console error or warning, no uncaught
// error, and loaded nothing but the page, the bundle and the stylesheet.
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { GraphDto } from '../../src/shared/graphDto';
import {
  launchBrowser,
  openSession,
  pageProbe,
  startServer,
  waitForPosted,
  type Session,
  type SessionOptions,
  type WebviewServer,
} from './harness';
import type { Box, DrawnNode } from './probe';

export const didChange = (revision: number, graph: GraphDto, largeGraphThreshold = 300) => ({
  type: 'graph/didChange',
  revision,
  graph,
  config: { largeGraphThreshold },
});

export interface Rendered {
  type: 'graph/rendered';
  revision: number;
  nodeCount: number;
  edgeCount: number;
}

/** The `graph/rendered` messages posted so far, without their timing (which varies from run to run). */
export function rendered(messages: unknown[]): Rendered[] {
  return messages
    .filter(
      (message): message is Rendered & { layoutMs?: number } =>
        (message as { type?: unknown }).type === 'graph/rendered',
    )
    .map(({ type, revision, nodeCount, edgeCount }) => ({ type, revision, nodeCount, edgeCount }));
}

/** Messages of one type posted so far. */
export async function postedOfType(page: Page, type: string): Promise<Record<string, unknown>[]> {
  return (await pageProbe.posted(page)).filter(
    (message): message is Record<string, unknown> => (message as { type?: unknown }).type === type,
  );
}

export function inside(box: Box, frame: Box): boolean {
  return box.x1 >= frame.x1 && box.y1 >= frame.y1 && box.x2 <= frame.x2 && box.y2 <= frame.y2;
}

export async function draw(
  page: Page,
  revision: number,
  graph: GraphDto,
  largeGraphThreshold = 300,
): Promise<void> {
  await pageProbe.send(page, didChange(revision, graph, largeGraphThreshold));
  await waitForPosted(page, { type: 'graph/rendered', revision });
}

export async function realNodes(page: Page): Promise<DrawnNode[]> {
  return (await pageProbe.nodes(page)).filter((node) => !node.isNamespace);
}

export async function nodeById(page: Page, id: string): Promise<DrawnNode> {
  const node = (await pageProbe.nodes(page)).find((candidate) => candidate.id === id);
  assert.ok(node, `no node ${id} on the canvas`);
  return node;
}

/** Every visible real node lies inside the canvas. */
export async function allNodesInView(page: Page): Promise<boolean> {
  const canvas = await pageProbe.canvas(page);
  return (await realNodes(page)).filter((node) => node.visible).every((node) => inside(node.box, canvas));
}

export interface WebviewSuite {
  /** Opens the page; the test must end with `assertClean()`. */
  open(options?: SessionOptions): Promise<Page>;
  assertClean(): Promise<void>;
  readonly session: Session | undefined;
  closeSession(): Promise<void>;
}

/** Registers the hooks of a Chromium test file; call inside `describe`. */
export function useWebview(): WebviewSuite {
  let server: WebviewServer;
  let browser: Browser;
  let session: Session | undefined;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  return {
    get session() {
      return session;
    },
    async open(options = {}) {
      session = await openSession(browser, server, options);
      return session.page;
    },
    async closeSession() {
      await session?.close();
      session = undefined;
    },
    async assertClean() {
      assert.ok(session);
      assert.deepEqual(await pageProbe.violations(session.page), [], 'no CSP violations');
      assert.deepEqual(session.problems, [], 'no console errors or warnings, no uncaught errors');
      const unexpected = server.requests.filter(
        // favicon.ico is Chromium's own request for a top-level page (a webview iframe makes none).
        (request) => !['/', '/dist/webview/main.js', '/media/topology.css', '/favicon.ico'].includes(request),
      );
      assert.deepEqual(unexpected, [], 'the page loads nothing but the page, the bundle and the stylesheet');
    },
  };
}
