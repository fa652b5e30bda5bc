// The webview bundle in real Chromium, under the extension's own HTML and CSP (TESTING.md, tier 3): the
// protocol, drawing, live updates and persisted state. Every test opens a fresh page, plays the host's
// part through the stub VS Code API, and ends by checking that the page reported no CSP violation, no
// console error or warning and no uncaught error (suite.ts).
import assert from 'node:assert/strict';
import type { GraphDto } from '../../src/shared/graphDto';
import { DEFAULT_FILTERS, PROTOCOL_VERSION } from '../../src/shared/protocol';
import type { ProbeGlobal } from './probe';
import { pageProbe, waitForPosted } from './harness';
import { EMPTY_GRAPH, SAMPLE_GRAPH, SAMPLE_NAMESPACES } from './sampleGraph';
import { DARK_PLUS } from './themes';
import {
  allNodesInView,
  didChange,
  draw,
  nodeById,
  postedOfType,
  realNodes,
  rendered,
  useWebview,
} from './suite';

describe('topology webview in Chromium', function () {
  this.timeout(90_000);
  const suite = useWebview();
  const open = suite.open.bind(suite);
  const assertClean = suite.assertClean.bind(suite);

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
    suite.session?.problems.splice(0); // Chromium also logs the refusal to the console.
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
    assert.equal(
      await page.textContent('#assumption'),
      'Objects without a namespace are shown in "default"; Ingress controller: unknown',
    );
    assert.equal(await page.isVisible('#empty-state'), false);

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

  it('a live update with the same nodes keeps zoom, pan, positions and selection, and restyles the changed hop', async () => {
    const page = await open();
    await draw(page, 1, SAMPLE_GRAPH);
    const cart = await nodeById(page, 'Service/shop/cart');
    await page.mouse.click(cart.centre.x, cart.centre.y);
    await pageProbe.setViewport(page, 1.4, { x: 40, y: 30 });
    const positioned = new Map((await realNodes(page)).map((node) => [node.id, node.position]));

    // Only a verdict changed (a policy now admits the call) and a label: no node may move.
    const callId = 'calls:Deployment/shop/cart->Service/data/redis';
    const edges = SAMPLE_GRAPH.edges.map((edge) =>
      edge.id === callId ? { ...edge, verdict: 'allowed' as const, label: '6379 (tcp)' } : edge,
    );
    await draw(page, 2, { ...SAMPLE_GRAPH, edges });
    assert.deepEqual(await pageProbe.viewport(page), { zoom: 1.4, pan: { x: 40, y: 30 } });
    assert.deepEqual(new Map((await realNodes(page)).map((node) => [node.id, node.position])), positioned);
    assert.deepEqual(await pageProbe.selectedIds(page), ['Service/shop/cart']);
    const call = (await pageProbe.edges(page)).find((edge) => edge.id === callId);
    assert.ok(call?.classes.includes('verdict-allowed') && !call.classes.includes('verdict-blocked'));
    assert.equal(call?.lineStyle, 'solid');
    assert.equal(rendered(await pageProbe.posted(page)).at(-1)?.edgeCount, SAMPLE_GRAPH.edges.length);
    const [, second] = await postedOfType(page, 'graph/rendered');
    assert.equal(second?.layoutMs, 0, 'nothing was placed');
    await assertClean();
  });

  it('a live update with new nodes keeps the viewport, leaves the others in place and puts the new ones by their neighbours', async () => {
    const page = await open();
    await draw(page, 1, SAMPLE_GRAPH);
    await pageProbe.setViewport(page, 0.9, { x: 15, y: 25 });
    const before = new Map((await realNodes(page)).map((node) => [node.id, node.position]));
    const added: GraphDto = {
      ...SAMPLE_GRAPH,
      nodes: [
        ...SAMPLE_GRAPH.nodes,
        {
          id: 'Deployment/shop/cart-canary',
          kind: 'Deployment',
          name: 'cart-canary',
          namespace: 'shop',
          category: 'workload',
          detail: 'Deployment',
        },
      ],
      edges: [
        ...SAMPLE_GRAPH.edges,
        {
          id: 'selects:Service/shop/cart->Deployment/shop/cart-canary',
          source: 'Service/shop/cart',
          target: 'Deployment/shop/cart-canary',
          type: 'selects',
          label: '',
        },
      ],
    };
    await draw(page, 2, added);
    assert.deepEqual(await pageProbe.viewport(page), { zoom: 0.9, pan: { x: 15, y: 25 } });
    const after = new Map((await realNodes(page)).map((node) => [node.id, node]));
    for (const [id, position] of before) assert.deepEqual(after.get(id)?.position, position, `${id} moved`);
    const canary = after.get('Deployment/shop/cart-canary');
    const cart = after.get('Deployment/shop/cart');
    assert.ok(canary && cart);
    assert.equal(canary.position.x, cart.position.x, 'in the workloads column');
    assert.ok(
      Math.abs(canary.position.y - cart.position.y) <= 3 * 60,
      'near the workload its Service selects',
    );
    assert.equal(canary.parent, 'ns:shop');

    // Removing nodes keeps the rest in place too.
    await draw(page, 3, SAMPLE_GRAPH);
    assert.deepEqual(new Map((await realNodes(page)).map((node) => [node.id, node.position])), before);
    assert.deepEqual(await pageProbe.viewport(page), { zoom: 0.9, pan: { x: 15, y: 25 } });
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
    await pageProbe.send(page, {
      type: 'graph/didChange',
      revision: 1,
      graph: { nodes: [null], edges: [] },
      config: { largeGraphThreshold: 300 },
    });
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
    const cart = await nodeById(page, 'Service/shop/cart');
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
      filters: DEFAULT_FILTERS,
    });
    await assertClean();
    await suite.closeSession();

    page = await open({ initialState: saved });
    await draw(page, 1, SAMPLE_GRAPH);
    assert.deepEqual(await pageProbe.viewport(page), { zoom: 1.25, pan: { x: 12, y: 34 } });
    assert.deepEqual(await pageProbe.selectedIds(page), ['Service/shop/cart']);
    await assertClean();
  });

  it('restyles for a dark theme when VS Code switches it', async () => {
    const page = await open();
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

    await assertClean();
  });
});
