// Two-way navigation in real Chromium: clicks on nodes and edges post ids to the host, the edge details
// pane shows ports, verdict, policies and evidence as links, the editor's cursor selects and centres a
// node, and a double-click shows a workload's neighbourhood.
import assert from 'node:assert/strict';
import { pageProbe, waitForPosted } from './harness';
import { SAMPLE_GRAPH } from './sampleGraph';
import { draw, nodeById, postedOfType, useWebview } from './suite';

describe('topology webview: navigation', function () {
  this.timeout(90_000);
  const suite = useWebview();

  it('posts node/reveal and node/selected with the id of a clicked node, and nothing for a namespace box', async () => {
    const page = await suite.open();
    await draw(page, 1, SAMPLE_GRAPH);
    const cart = await nodeById(page, 'Deployment/shop/cart');
    const namespace = await nodeById(page, 'ns:data');
    const redis = await nodeById(page, 'Service/data/redis');

    await page.mouse.click(cart.centre.x, cart.centre.y);
    await waitForPosted(page, { type: 'node/reveal', id: 'Deployment/shop/cart' });
    // Just inside the namespace box's top edge, above its members.
    await page.mouse.click((namespace.box.x1 + namespace.box.x2) / 2, namespace.box.y1 + 4);
    await page.mouse.click(redis.centre.x, redis.centre.y);
    await waitForPosted(page, { type: 'node/reveal', id: 'Service/data/redis' });
    assert.deepEqual(await postedOfType(page, 'node/reveal'), [
      { type: 'node/reveal', id: 'Deployment/shop/cart' },
      { type: 'node/reveal', id: 'Service/data/redis' },
    ]);
    const selections = (await postedOfType(page, 'node/selected')).filter((message) => message.id !== null);
    assert.deepEqual(selections, [
      { type: 'node/selected', id: 'Deployment/shop/cart', origin: 'user' },
      { type: 'node/selected', id: 'Service/data/redis', origin: 'user' },
    ]);
    assert.deepEqual(await pageProbe.selectedIds(page), ['Service/data/redis']);
    await suite.assertClean();
  });

  it('a clicked edge posts edge/reveal and opens its details: ports, verdict, deciding policies, evidence', async () => {
    const page = await suite.open();
    await draw(page, 1, SAMPLE_GRAPH);
    const id = 'calls:Deployment/shop/cart->Service/data/redis';
    const edge = (await pageProbe.edges(page)).find((candidate) => candidate.id === id);
    assert.ok(edge);
    await page.mouse.click(edge.midpoint.x, edge.midpoint.y);
    await waitForPosted(page, { type: 'edge/reveal', id });
    assert.ok(await page.isVisible('#details'));
    const text = (await page.textContent('#details')) ?? '';
    assert.match(text, /Calls/);
    assert.match(text, /Deployment shop\/cart → Service data\/redis/);
    assert.match(text, /Service port 6379 → target port 6379/);
    assert.match(text, /Blocked by NetworkPolicies/);
    assert.match(text, /blocked \(test\)/);
    assert.match(text, /ADDR=Service\/data\/redis:6379/);
    assert.match(text, /app\.yaml:7/);

    await page.click('#details button.link >> text=NetworkPolicy/test/blocked');
    await waitForPosted(page, { type: 'object/reveal', id: 'NetworkPolicy/test/blocked' });
    await page.click('#details .evidence button.link');
    await waitForPosted(page, { type: 'edge/reveal', id, evidence: 0 });

    await page.click('#details .details-close');
    assert.equal(await page.isVisible('#details'), false);
    await suite.assertClean();
  });

  it('selects and centres the node the editor’s cursor is in, and reports it with origin editor', async () => {
    const page = await suite.open();
    await draw(page, 1, SAMPLE_GRAPH);
    await pageProbe.setViewport(page, 1.5, { x: -2000, y: -2000 });
    await pageProbe.send(page, { type: 'editor/didSelect', id: 'StatefulSet/payments/ledger' });
    await waitForPosted(page, { type: 'node/selected', id: 'StatefulSet/payments/ledger', origin: 'editor' });
    assert.deepEqual(await pageProbe.selectedIds(page), ['StatefulSet/payments/ledger']);
    const ledger = await nodeById(page, 'StatefulSet/payments/ledger');
    const canvas = await pageProbe.canvas(page);
    assert.ok(Math.abs(ledger.centre.x - (canvas.x1 + canvas.x2) / 2) < 2, 'centred horizontally');
    assert.ok(Math.abs(ledger.centre.y - (canvas.y1 + canvas.y2) / 2) < 2, 'centred vertically');
    assert.equal((await pageProbe.viewport(page)).zoom, 1.5, 'the zoom is the user’s');

    // The cursor in no node's object (a NetworkPolicy, a ConfigMap) clears the selection.
    await pageProbe.send(page, { type: 'editor/didSelect', id: null });
    await waitForPosted(page, { type: 'node/selected', id: null, origin: 'editor' });
    assert.deepEqual(await pageProbe.selectedIds(page), []);
    await suite.assertClean();
  });

  it('the cursor in a collapsed namespace expands it to select the node', async () => {
    const page = await suite.open();
    await draw(page, 1, SAMPLE_GRAPH, 5);
    assert.ok((await nodeById(page, 'ns:data')).classes.includes('collapsed'));
    await pageProbe.send(page, { type: 'editor/didSelect', id: 'Service/data/redis' });
    await waitForPosted(page, { type: 'node/selected', id: 'Service/data/redis', origin: 'editor' });
    assert.ok(!(await nodeById(page, 'ns:data')).classes.includes('collapsed'));
    assert.deepEqual(await pageProbe.selectedIds(page), ['Service/data/redis']);
    await suite.assertClean();
  });

  it('a double-click on a workload shows only its neighbourhood; the chip and Escape bring everything back', async () => {
    const page = await suite.open();
    await draw(page, 1, SAMPLE_GRAPH);
    const cart = await nodeById(page, 'Deployment/shop/cart');
    await page.mouse.dblclick(cart.centre.x, cart.centre.y);
    await page.waitForSelector('#focus-chip:not([hidden])');
    const visible = (await pageProbe.nodes(page)).filter((node) => !node.isNamespace && node.visible);
    assert.deepEqual(visible.map((node) => node.id).sort(), [
      'Deployment/data/redis',
      'Deployment/shop/cart',
      'Deployment/shop/frontend',
      'Service/data/redis',
      'Service/shop/cart',
    ]);
    assert.equal(await page.textContent('#focus-chip'), 'Neighbourhood of cart ✕');
    assert.equal(await page.textContent('#counts'), '5 of 16 nodes, 4 of 15 edges');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#focus-chip', { state: 'hidden' });
    assert.ok((await pageProbe.nodes(page)).every((node) => node.visible));

    const again = await nodeById(page, 'Deployment/shop/cart');
    await page.mouse.dblclick(again.centre.x, again.centre.y);
    await page.waitForSelector('#focus-chip:not([hidden])');
    await page.click('#focus-chip');
    await page.waitForSelector('#focus-chip', { state: 'hidden' });
    assert.ok((await pageProbe.nodes(page)).every((node) => node.visible));
    await suite.assertClean();
  });
});
