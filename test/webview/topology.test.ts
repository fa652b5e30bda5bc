// The webview bundle in real Chromium, under the extension's own HTML and CSP (TESTING.md, tier 3).
// Every test opens a fresh page, plays the host's part through the stub VS Code API, and ends by checking
// that the page reported no CSP violation, no console error or warning and no uncaught error.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { GraphDto } from '../../src/shared/graphDto';
import { PROTOCOL_VERSION } from '../../src/shared/protocol';
import type { Box, DrawnNode, ProbeGlobal } from './probe';
import {
  launchBrowser,
  openSession,
  pageProbe,
  startServer,
  waitForPosted,
  type Session,
  type WebviewServer,
} from './harness';
import { EMPTY_GRAPH, SAMPLE_GRAPH, SAMPLE_NAMESPACES } from './sampleGraph';

const ROOT = path.resolve(__dirname, '..', '..');
const RESULTS = path.join(ROOT, 'test-results');

/** VS Code's Dark+ theme as the webview sees it: the variables on <html> that the app and the toolbar read. */
const DARK_PLUS: Record<string, string> = {
  '--vscode-font-family': '"Segoe UI", "Ubuntu", "Droid Sans", sans-serif',
  '--vscode-font-size': '13px',
  '--vscode-foreground': '#cccccc',
  '--vscode-descriptionForeground': '#ccccccb3',
  '--vscode-editor-background': '#1e1e1e',
  '--vscode-editor-foreground': '#d4d4d4',
  '--vscode-editorWidget-background': '#252526',
  '--vscode-editorWidget-border': '#454545',
  '--vscode-panel-border': '#80808059',
  '--vscode-focusBorder': '#007fd4',
  '--vscode-charts-blue': '#3794ff',
  '--vscode-charts-green': '#89d185',
  '--vscode-charts-purple': '#b180d7',
  '--vscode-charts-orange': '#d18616',
  '--vscode-editorError-foreground': '#f14c4c',
  '--vscode-editorWarning-foreground': '#cca700',
  '--vscode-editorInfo-foreground': '#3794ff',
  '--vscode-button-background': '#0e639c',
  '--vscode-button-foreground': '#ffffff',
  '--vscode-button-hoverBackground': '#1177bb',
  '--vscode-button-secondaryBackground': '#3a3d41',
  '--vscode-button-secondaryForeground': '#cccccc',
  '--vscode-button-secondaryHoverBackground': '#45494e',
};

const didChange = (revision: number, graph: GraphDto) => ({ type: 'graph/didChange', revision, graph });

function rendered(messages: unknown[]): { revision: number; nodeCount: number; edgeCount: number }[] {
  return messages.filter(
    (
      message,
    ): message is { type: 'graph/rendered'; revision: number; nodeCount: number; edgeCount: number } =>
      (message as { type?: unknown }).type === 'graph/rendered',
  );
}

function inside(box: Box, frame: Box): boolean {
  return box.x1 >= frame.x1 && box.y1 >= frame.y1 && box.x2 <= frame.x2 && box.y2 <= frame.y2;
}

async function draw(page: Page, revision: number, graph: GraphDto): Promise<void> {
  await pageProbe.send(page, didChange(revision, graph));
  await waitForPosted(page, { type: 'graph/rendered', revision });
}

async function realNodes(page: Page): Promise<DrawnNode[]> {
  return (await pageProbe.nodes(page)).filter((node) => !node.isNamespace);
}

/** Every real node lies inside the canvas. */
async function allNodesInView(page: Page): Promise<boolean> {
  const canvas = await pageProbe.canvas(page);
  return (await realNodes(page)).every((node) => inside(node.box, canvas));
}

describe('topology webview in Chromium', function () {
  this.timeout(90_000);
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

  /** Opens the page; the test must end with `assertClean()`. */
  async function open(options: Parameters<typeof openSession>[2] = {}): Promise<Page> {
    session = await openSession(browser, server, options);
    return session.page;
  }

  async function assertClean(): Promise<void> {
    assert.ok(session);
    assert.deepEqual(await pageProbe.violations(session.page), [], 'no CSP violations');
    assert.deepEqual(session.problems, [], 'no console errors or warnings, no uncaught errors');
    const unexpected = server.requests.filter(
      // favicon.ico is Chromium's own request for a top-level page (a webview iframe makes none).
      (request) => !['/', '/dist/webview/main.js', '/media/topology.css', '/favicon.ico'].includes(request),
    );
    assert.deepEqual(unexpected, [], 'the page loads nothing but the page, the bundle and the stylesheet');
  }

  it('says webview/ready with the protocol version, before anything else', async () => {
    const page = await open();
    await waitForPosted(page, { type: 'webview/ready' });
    const [first] = await pageProbe.posted(page);
    assert.deepEqual(first, { type: 'webview/ready', protocolVersion: PROTOCOL_VERSION });
    await assertClean();
  });

  it('enforces the CSP: an inline <style> without the allowed hash is refused and reported', async () => {
    const page = await open();
    await pageProbe.addForbiddenStyle(page);
    await page.waitForFunction(() => (globalThis as unknown as ProbeGlobal).__probe.violations().length > 0);
    const [violation] = await pageProbe.violations(page);
    assert.equal(violation?.directive, 'style-src-elem');
    assert.equal(violation?.blockedURI, 'inline');
    await pageProbe.clearViolations(page);
    session?.problems.splice(0); // Chromium also logs the refusal to the console.
    await assertClean();
  });

  it('draws a snapshot: counts, namespace boxes, classes, every node inside the viewport', async () => {
    const page = await open();
    await draw(page, 1, SAMPLE_GRAPH);
    assert.deepEqual(rendered(await pageProbe.posted(page)), [
      {
        type: 'graph/rendered',
        revision: 1,
        nodeCount: SAMPLE_GRAPH.nodes.length,
        edgeCount: SAMPLE_GRAPH.edges.length,
      },
    ]);

    const nodes = await pageProbe.nodes(page);
    const namespaces = nodes.filter((node) => node.isNamespace).map((node) => node.id);
    assert.deepEqual(
      namespaces.sort(),
      SAMPLE_NAMESPACES.map((namespace) => `ns:${namespace}`),
    );
    const byId = new Map(nodes.map((node) => [node.id, node]));
    assert.equal(byId.get('Deployment/shop/cart')?.parent, 'ns:shop');
    assert.equal(byId.get('external')?.parent, null);
    assert.ok(byId.get('Deployment/shop/cart')?.classes.includes('findings-error'));
    assert.ok(byId.get('Service/data/redis')?.classes.includes('category-service'));

    assert.ok(await allNodesInView(page), 'every node is inside the canvas after the first layout');
    // Namespace boxes do not overlap: the layout keeps namespaces apart.
    const boxes = nodes.filter((node) => node.isNamespace).map((node) => node.box);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        assert.ok(a.x2 <= b.x1 || b.x2 <= a.x1 || a.y2 <= b.y1 || b.y2 <= a.y1, 'namespace boxes overlap');
      }
    }
    assert.equal(await page.textContent('#counts'), '16 nodes, 15 edges');
    assert.equal(await page.textContent('#assumption'), 'Objects without a namespace are shown in "default"');
    assert.equal(await page.isVisible('#empty-state'), false);

    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS, 'webview.png') });
    await assertClean();
  });

  it('drops a snapshot whose revision is not newer than the last one', async () => {
    const page = await open();
    await draw(page, 5, SAMPLE_GRAPH);
    await pageProbe.send(page, didChange(3, EMPTY_GRAPH));
    await pageProbe.send(page, didChange(5, EMPTY_GRAPH));
    const fewer: GraphDto = { ...SAMPLE_GRAPH, nodes: SAMPLE_GRAPH.nodes.slice(0, 5) };
    await draw(page, 6, fewer);
    // Messages are handled in order, so had 3 or the second 5 been drawn, they would show up before 6.
    assert.deepEqual(
      rendered(await pageProbe.posted(page)).map((message) => message.revision),
      [5, 6],
    );
    assert.equal((await realNodes(page)).length, 5);
    assert.equal(await page.isVisible('#empty-state'), false);
    await assertClean();
  });

  it('keeps zoom, pan and positions when the nodes did not change, and fits a changed graph', async () => {
    const page = await open();
    await draw(page, 1, SAMPLE_GRAPH);
    const before = new Map((await realNodes(page)).map((node) => [node.id, node.centre]));
    await pageProbe.setViewport(page, 1.4, { x: 40, y: 30 });
    const positioned = new Map((await realNodes(page)).map((node) => [node.id, node.centre]));
    assert.notDeepEqual(positioned, before);

    await draw(page, 2, { ...SAMPLE_GRAPH, edges: SAMPLE_GRAPH.edges.slice(3) });
    assert.deepEqual(await pageProbe.viewport(page), { zoom: 1.4, pan: { x: 40, y: 30 } });
    assert.deepEqual(new Map((await realNodes(page)).map((node) => [node.id, node.centre])), positioned);
    assert.equal(rendered(await pageProbe.posted(page)).at(-1)?.edgeCount, SAMPLE_GRAPH.edges.length - 3);

    await draw(page, 3, { ...SAMPLE_GRAPH, nodes: SAMPLE_GRAPH.nodes.slice(1) });
    assert.notEqual((await pageProbe.viewport(page)).zoom, 1.4);
    assert.ok(await allNodesInView(page));
    await assertClean();
  });

  it('explains an empty graph, and hides the explanation when nodes arrive', async () => {
    const page = await open();
    await draw(page, 1, EMPTY_GRAPH);
    assert.deepEqual(rendered(await pageProbe.posted(page)).at(-1), {
      type: 'graph/rendered',
      revision: 1,
      nodeCount: 0,
      edgeCount: 0,
    });
    assert.ok(await page.isVisible('#empty-state'));
    const text = (await page.textContent('#empty-state')) ?? '';
    assert.match(text, /No Kubernetes workloads or Services found in this workspace/);
    assert.match(text, /Read 3 files with 5 Kubernetes objects and 0 findings\./);
    assert.equal(await page.textContent('#counts'), '0 nodes, 0 edges');

    await draw(page, 2, SAMPLE_GRAPH);
    assert.equal(await page.isVisible('#empty-state'), false);
    await assertClean();
  });

  it('reports a snapshot it cannot draw as webview/error, and draws the next one', async () => {
    const page = await open();
    // Passes isHostToWebview (an envelope with node and edge arrays) but is not a GraphDto inside.
    await pageProbe.send(page, { type: 'graph/didChange', revision: 1, graph: { nodes: [null], edges: [] } });
    await waitForPosted(page, { type: 'webview/error' });
    const errors = (await pageProbe.posted(page)).filter(
      (message) => (message as { type?: unknown }).type === 'webview/error',
    );
    assert.ok(errors.length >= 1);
    assert.equal(typeof (errors[0] as { message?: unknown }).message, 'string');
    await draw(page, 2, SAMPLE_GRAPH);
    assert.equal((await realNodes(page)).length, SAMPLE_GRAPH.nodes.length);
    await assertClean();
  });

  it('posts node/reveal with the id of a clicked node, and nothing for a namespace box', async () => {
    const page = await open();
    await draw(page, 1, SAMPLE_GRAPH);
    const nodes = await pageProbe.nodes(page);
    const cart = nodes.find((node) => node.id === 'Deployment/shop/cart');
    const namespace = nodes.find((node) => node.id === 'ns:data');
    const redis = nodes.find((node) => node.id === 'Service/data/redis');
    assert.ok(cart && namespace && redis);

    await page.mouse.click(cart.centre.x, cart.centre.y);
    await waitForPosted(page, { type: 'node/reveal', id: 'Deployment/shop/cart' });
    // Just inside the namespace box's top edge, above its members.
    await page.mouse.click((namespace.box.x1 + namespace.box.x2) / 2, namespace.box.y1 + 4);
    await page.mouse.click(redis.centre.x, redis.centre.y);
    await waitForPosted(page, { type: 'node/reveal', id: 'Service/data/redis' });
    const reveals = (await pageProbe.posted(page)).filter(
      (message) => (message as { type?: unknown }).type === 'node/reveal',
    );
    assert.deepEqual(reveals, [
      { type: 'node/reveal', id: 'Deployment/shop/cart' },
      { type: 'node/reveal', id: 'Service/data/redis' },
    ]);
    assert.deepEqual(await pageProbe.selectedIds(page), ['Service/data/redis']);
    await assertClean();
  });

  it('renders the vscode-elements toolbar under the CSP, and Fit brings the graph back into view', async () => {
    const page = await open();
    await draw(page, 1, SAMPLE_GRAPH);
    const button = await pageProbe.fitButton(page);
    assert.equal(button.tag, 'vscode-button');
    assert.ok(button.hasShadow, 'the Lit component rendered its shadow root');
    assert.ok(button.adoptedSheets > 0, 'its styles are constructable stylesheets');
    assert.ok(button.width > 20, 'the button has a size');
    assert.notEqual(button.display, 'inline', 'its :host styles applied');

    await pageProbe.setViewport(page, 3, { x: -6000, y: -6000 });
    assert.equal(await allNodesInView(page), false);
    await page.click('#fit-button');
    await page.waitForFunction(() => {
      const probe = (globalThis as unknown as ProbeGlobal).__probe;
      const canvas = probe.canvas();
      return probe
        .nodes()
        .every(
          (node) =>
            node.box.x1 >= canvas.x1 &&
            node.box.y1 >= canvas.y1 &&
            node.box.x2 <= canvas.x2 &&
            node.box.y2 <= canvas.y2,
        );
    });
    await assertClean();
  });

  it('saves zoom, pan and selection, and restores them after a reload', async () => {
    let page = await open();
    await draw(page, 1, SAMPLE_GRAPH);
    const cart = (await realNodes(page)).find((node) => node.id === 'Service/shop/cart');
    assert.ok(cart);
    await page.mouse.click(cart.centre.x, cart.centre.y);
    await pageProbe.setViewport(page, 1.25, { x: 12, y: 34 });
    await page.waitForFunction(() => {
      const state = (globalThis as unknown as ProbeGlobal).__probe.state() as { zoom?: number } | null;
      return state?.zoom === 1.25;
    });
    const saved = await pageProbe.state(page);
    assert.deepEqual(saved, {
      protocolVersion: PROTOCOL_VERSION,
      zoom: 1.25,
      pan: { x: 12, y: 34 },
      selectedId: 'Service/shop/cart',
    });
    await assertClean();
    await session?.close();

    page = await open({ initialState: saved });
    await draw(page, 1, SAMPLE_GRAPH);
    assert.deepEqual(await pageProbe.viewport(page), { zoom: 1.25, pan: { x: 12, y: 34 } });
    assert.deepEqual(await pageProbe.selectedIds(page), ['Service/shop/cart']);
    await assertClean();
  });

  it('restyles for a dark theme when VS Code switches it', async () => {
    const page = await open(
      process.env.UPDATE_SCREENSHOTS === '1' ? { viewport: { width: 1280, height: 760 } } : {},
    );
    await draw(page, 1, SAMPLE_GRAPH);
    assert.equal(await pageProbe.nodeStyle(page, 'Service/shop/cart', 'color'), 'rgb(59,59,59)');
    await pageProbe.setTheme(page, 'vscode-dark', DARK_PLUS);
    await page.waitForFunction(
      () =>
        (globalThis as unknown as ProbeGlobal).__probe.nodeStyle('Service/shop/cart', 'color') ===
        'rgb(212,212,212)',
    );
    assert.equal(await pageProbe.nodeStyle(page, 'Deployment/shop/cart', 'border-color'), 'rgb(241,76,76)');
    assert.equal(await pageProbe.bodyBackground(page), 'rgb(30, 30, 30)');

    if (process.env.UPDATE_SCREENSHOTS === '1') {
      // The README picture: Dark+ and a selected node, as a user would see the panel.
      const cart = (await realNodes(page)).find((node) => node.id === 'Deployment/shop/frontend');
      assert.ok(cart);
      await page.mouse.click(cart.centre.x, cart.centre.y);
      const images = path.join(ROOT, 'docs', 'images');
      mkdirSync(images, { recursive: true });
      await page.screenshot({ path: path.join(images, 'topology-webview.png') });
    }
    await assertClean();
  });
});
