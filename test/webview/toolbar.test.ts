// The toolbar in real Chromium: the namespace, traffic and "only problems" filters change what is drawn,
// search fades what does not match, the grouping toggle flattens the picture, and the exports give a
// real PNG and a well-formed SVG (posted to the host, which saves them).
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { GraphDto } from '../../src/shared/graphDto';
import { PROTOCOL_VERSION } from '../../src/shared/protocol';
import type { ProbeGlobal } from './probe';
import { pageProbe, waitForPosted } from './harness';
import { SAMPLE_GRAPH } from './sampleGraph';
import { draw, postedOfType, useWebview } from './suite';

async function visibleNodeIds(page: Page): Promise<string[]> {
  return (await pageProbe.nodes(page))
    .filter((node) => !node.isNamespace && node.visible)
    .map((node) => node.id)
    .sort();
}

async function visibleEdges(page: Page) {
  return (await pageProbe.edges(page)).filter((edge) => edge.visible);
}

/** PNG signature, then the IHDR chunk: width and height as big-endian 32-bit integers. */
function pngSize(data: Buffer): { width: number; height: number } {
  assert.deepEqual(
    [...data.subarray(0, 8)],
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    'PNG signature',
  );
  assert.equal(data.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

describe('topology webview: toolbar', function () {
  this.timeout(90_000);
  const suite = useWebview();

  it('the namespace filter hides the unticked namespaces and says how much is shown', async () => {
    const page = await suite.open();
    await draw(page, 1, SAMPLE_GRAPH);
    await pageProbe.setSelectValue(page, 'namespace-filter', ['payments', 'shop']);
    const shown = await visibleNodeIds(page);
    assert.ok(shown.length > 0 && shown.every((id) => !id.includes('/data/')));
    assert.equal(await page.textContent('#counts'), '12 of 16 nodes, 11 of 15 edges');
    assert.equal((await pageProbe.nodes(page)).find((node) => node.id === 'ns:data')?.visible, false);
    const state = (await pageProbe.state(page)) as { filters?: { hiddenNamespaces?: string[] } } | null;
    await page.waitForFunction(
      () =>
        (
          (globalThis as unknown as ProbeGlobal).__probe.state() as {
            filters?: { hiddenNamespaces?: string[] };
          }
        )?.filters?.hiddenNamespaces?.[0] === 'data',
    );
    assert.ok(state !== undefined);
    await pageProbe.setSelectValue(page, 'namespace-filter', ['data', 'payments', 'shop']);
    assert.equal(await page.textContent('#counts'), '16 nodes, 15 edges');
    await suite.assertClean();
  });

  it('the traffic filter shows north-south or east-west hops only', async () => {
    const page = await suite.open();
    await draw(page, 1, SAMPLE_GRAPH);
    await pageProbe.setSelectValue(page, 'traffic-filter', 'north-south');
    const northSouth = await visibleEdges(page);
    assert.deepEqual(northSouth.map((edge) => edge.id).sort(), [
      'exposes:external->Ingress/shop/web',
      'routes:Ingress/shop/web->Service/shop/frontend',
      'selects:Service/shop/frontend->Deployment/shop/frontend',
    ]);
    await pageProbe.setSelectValue(page, 'traffic-filter', 'east-west');
    const eastWest = await visibleEdges(page);
    assert.equal(eastWest.filter((edge) => edge.classes.includes('traffic-east-west')).length, 6);
    assert.ok(eastWest.every((edge) => !edge.classes.includes('traffic-north-south')));
    assert.ok(!(await visibleNodeIds(page)).includes('external'));
    await pageProbe.setSelectValue(page, 'traffic-filter', 'both');
    assert.equal((await visibleEdges(page)).length, SAMPLE_GRAPH.edges.length);
    await suite.assertClean();
  });

  it('"Only problems" keeps nodes with findings and the ends of blocked or unknown hops', async () => {
    const page = await suite.open();
    await draw(page, 1, SAMPLE_GRAPH);
    await page.click('#only-problems');
    await page.waitForFunction(() =>
      (globalThis as unknown as ProbeGlobal).__probe.textOf('counts')?.startsWith('5 of'),
    );
    assert.deepEqual(await visibleNodeIds(page), [
      'Deployment/shop/cart',
      'Deployment/shop/frontend',
      'Service/data/redis',
      'Service/payments/payments-api',
      'StatefulSet/payments/ledger',
    ]);
    const edges = await visibleEdges(page);
    assert.deepEqual(edges.map((edge) => edge.classes.find((name) => name.startsWith('verdict-'))).sort(), [
      'verdict-blocked',
      'verdict-unknown',
    ]);
    await page.click('#only-problems');
    await page.waitForFunction(
      () => (globalThis as unknown as ProbeGlobal).__probe.textOf('counts') === '16 nodes, 15 edges',
    );
    await suite.assertClean();
  });

  it('search fades what does not match, counts matches and centres the next on Enter', async () => {
    const page = await suite.open();
    await draw(page, 1, SAMPLE_GRAPH);
    await page.locator('#search input').fill('ledger');
    await page.waitForFunction(
      () => (globalThis as unknown as ProbeGlobal).__probe.textOf('matches') === '2 matches',
    );
    const nodes = await pageProbe.nodes(page);
    const faded = nodes.filter((node) => node.classes.includes('faded')).map((node) => node.id);
    const matched = nodes.filter((node) => node.classes.includes('search-match')).map((node) => node.id);
    assert.deepEqual(matched.sort(), ['Service/payments/ledger', 'StatefulSet/payments/ledger']);
    assert.equal(faded.length, SAMPLE_GRAPH.nodes.length - 2);
    assert.ok(
      nodes.every((node) => node.visible),
      'search hides nothing',
    );

    await page.locator('#search input').press('Enter');
    const canvas = await pageProbe.canvas(page);
    const first = nodes.find((node) => node.id === 'Service/payments/ledger');
    assert.ok(first);
    await page.waitForFunction(
      ([x, y]) => {
        const node = (globalThis as unknown as ProbeGlobal).__probe
          .nodes()
          .find((candidate) => candidate.id === 'Service/payments/ledger');
        return node !== undefined && Math.abs(node.centre.x - x) < 2 && Math.abs(node.centre.y - y) < 2;
      },
      [(canvas.x1 + canvas.x2) / 2, (canvas.y1 + canvas.y2) / 2] as const,
    );
    await page.locator('#search input').fill('');
    await page.waitForFunction(() => (globalThis as unknown as ProbeGlobal).__probe.textOf('matches') === '');
    assert.ok((await pageProbe.nodes(page)).every((node) => !node.classes.includes('faded')));
    await suite.assertClean();
  });

  it('the grouping toggle flattens the picture (no namespace boxes) and brings the boxes back', async () => {
    const page = await suite.open();
    await draw(page, 1, SAMPLE_GRAPH);
    await page.click('#group-namespaces');
    await page.waitForFunction(() =>
      (globalThis as unknown as ProbeGlobal).__probe.nodes().every((node) => !node.isNamespace),
    );
    assert.equal((await pageProbe.nodes(page)).length, SAMPLE_GRAPH.nodes.length);
    assert.ok((await pageProbe.nodes(page)).every((node) => node.parent === null));
    await page.click('#group-namespaces');
    await page.waitForFunction(
      () =>
        (globalThis as unknown as ProbeGlobal).__probe.nodes().filter((node) => node.isNamespace).length ===
        3,
    );
    await suite.assertClean();
  });

  it('exports a non-empty PNG through the host, and shows what became of it', async () => {
    const page = await suite.open();
    await draw(page, 1, SAMPLE_GRAPH);
    await page.click('#export-png');
    await waitForPosted(page, { type: 'export/save', format: 'png' });
    const [message] = await postedOfType(page, 'export/save');
    const png = Buffer.from(String(message?.data), 'base64');
    const size = pngSize(png);
    assert.ok(size.width > 200 && size.height > 200, `${size.width}×${size.height}`);
    assert.ok(png.length > 5_000, `${png.length} bytes`);
    assert.equal(await page.textContent('#status'), 'Saving…');
    await pageProbe.send(page, { type: 'export/didFinish', format: 'png', outcome: 'saved' });
    await page.waitForFunction(
      () => (globalThis as unknown as ProbeGlobal).__probe.textOf('status') === 'Saved',
    );
    await suite.assertClean();
  });

  it('exports a well-formed SVG of what is visible, with manifest text escaped', async () => {
    const page = await suite.open();
    const hostile: GraphDto = {
      ...SAMPLE_GRAPH,
      nodes: [
        ...SAMPLE_GRAPH.nodes,
        {
          id: 'Deployment/shop/evil',
          kind: 'Deployment',
          name: '<script>alert(1)</script>&"',
          namespace: 'shop',
          category: 'workload',
          detail: ']]></text><svg onload="x">',
        },
      ],
    };
    await draw(page, 1, hostile);
    await pageProbe.setSelectValue(page, 'namespace-filter', ['payments', 'shop']);
    await page.click('#export-svg');
    await waitForPosted(page, { type: 'export/save', format: 'svg' });
    const [message] = await postedOfType(page, 'export/save');
    const svg = String(message?.data);
    assert.match(svg, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg /);
    const check = await pageProbe.checkSvg(page, svg);
    assert.equal(check.parseError, null);
    assert.equal(check.root, 'http://www.w3.org/2000/svg svg');
    // 13 visible nodes (data is filtered out) and the two remaining namespace boxes.
    assert.equal(check.nodes, 13 + 2);
    assert.equal(check.edges, 11);
    // Captions are shortened to 26 characters, as on the canvas.
    assert.ok(check.texts.includes('<script>alert(1)</script>…'), 'the name is text, not markup');
    assert.ok(check.texts.includes(']]></text><svg onload="x">'));
    assert.ok(!check.texts.some((text) => text.includes('redis')), 'filtered elements are left out');
    assert.ok(check.width > 100 && check.height > 100);
    assert.ok(!svg.includes('<script>'), 'no markup from the manifests');
    await suite.assertClean();
  });

  it('restores saved filters after a reload: the toolbar shows them and the canvas applies them', async () => {
    const filters = {
      search: 'cart',
      hiddenNamespaces: ['data'],
      traffic: 'east-west',
      onlyProblems: false,
      grouped: true,
    };
    const page = await suite.open({ initialState: { protocolVersion: PROTOCOL_VERSION, filters } });
    await draw(page, 1, SAMPLE_GRAPH);
    assert.equal(await page.locator('#search input').inputValue(), 'cart');
    const shown = await visibleNodeIds(page);
    assert.ok(!shown.some((id) => id.includes('/data/')), 'data stays hidden');
    assert.ok(!shown.includes('external'), 'east-west only');
    assert.equal(await page.textContent('#matches'), '2 matches');
    assert.deepEqual(
      (await pageProbe.nodes(page))
        .filter((node) => node.classes.includes('search-match'))
        .map((n) => n.id)
        .sort(),
      ['Deployment/shop/cart', 'Service/shop/cart'],
    );
    await suite.assertClean();
  });
});
