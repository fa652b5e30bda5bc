// The sample workspace (examples/shop, through the real core and the panel's mapper) in real Chromium:
// what is drawn, per class; the README's screenshots in light and dark; large graphs collapsed by
// namespace; and the explanations shown instead of an empty canvas.
//   UPDATE_SCREENSHOTS=1 node scripts/testWebview.mjs   also copies the light one to docs/images/
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { GraphDto } from '../../src/shared/graphDto';
import type { ProbeGlobal } from './probe';
import { pageProbe, waitForPosted } from './harness';
import { sampleWorkspaceGraph } from './sampleWorkspace';
import { syntheticGraph } from './syntheticGraph';
import { DARK_PLUS, LIGHT_PLUS } from './themes';
import { allNodesInView, didChange, draw, nodeById, postedOfType, realNodes, useWebview } from './suite';

const ROOT = path.resolve(__dirname, '..', '..');
const RESULTS = path.join(ROOT, 'test-results');
const SAMPLE = sampleWorkspaceGraph();

function tally(values: readonly (string | undefined)[]): Record<string, number> {
  const result: Record<string, number> = {};
  for (const value of values) if (value !== undefined) result[value] = (result[value] ?? 0) + 1;
  return result;
}

async function classTally(page: Page, prefix: string): Promise<Record<string, number>> {
  const nodes = await realNodes(page);
  const edges = await pageProbe.edges(page);
  return tally(
    [...nodes, ...edges].flatMap((element) => element.classes.filter((name) => name.startsWith(prefix))),
  );
}

describe('topology webview: the sample workspace and large graphs', function () {
  this.timeout(120_000);
  const suite = useWebview();

  it('draws the sample workspace with the expected nodes and edges per class', async () => {
    const page = await suite.open({ viewport: { width: 1280, height: 800 } });
    await draw(page, 1, SAMPLE);
    const [message] = await postedOfType(page, 'graph/rendered');
    assert.equal(message?.nodeCount, 26);
    assert.equal(message?.edgeCount, 30);
    assert.deepEqual(await classTally(page, 'category-'), {
      'category-external': 1,
      'category-entry': 3,
      'category-service': 11,
      'category-workload': 10,
      'category-unresolved': 1,
    });
    assert.deepEqual(await classTally(page, 'edge-'), {
      'edge-exposes': 3,
      'edge-routes': 4,
      'edge-selects': 10,
      'edge-calls': 13,
    });
    assert.deepEqual(await classTally(page, 'traffic-'), {
      'traffic-north-south': 7,
      'traffic-east-west': 13,
    });
    assert.deepEqual(await classTally(page, 'verdict-'), {
      'verdict-allowed': 15,
      'verdict-blocked': 1,
      'verdict-unknown': 1,
    });
    assert.deepEqual(await classTally(page, 'findings-'), {
      'findings-error': 3,
      'findings-warning': 1,
      'findings-info': 2,
    });
    assert.deepEqual(await classTally(page, 'entry-point'), { 'entry-point': 1 });
    const namespaces = (await pageProbe.nodes(page))
      .filter((node) => node.isNamespace)
      .map((node) => node.id);
    assert.deepEqual(namespaces.sort(), ['ns:shop-core', 'ns:shop-data', 'ns:shop-web']);
    assert.ok(await allNodesInView(page));
    // A small graph keeps its names readable when fitted into a narrow panel.
    assert.equal(
      parseFloat(await pageProbe.nodeStyle(page, 'Service/shop-core/cart', 'min-zoomed-font-size')),
      4,
    );

    // The blocked call is red and dashed; the unknown one amber and dotted-dashed.
    const edges = await pageProbe.edges(page);
    const blocked = edges.find(
      (edge) => edge.id === 'calls:Deployment/shop-web/storefront->Service/shop-core/reviews:8080',
    );
    assert.equal(blocked?.lineColour, 'rgb(229,20,0)');
    assert.equal(blocked?.lineStyle, 'dashed');
    await suite.assertClean();
  });

  it('saves screenshots in the light and dark themes', async () => {
    const page = await suite.open({ viewport: { width: 1280, height: 800 } });
    await pageProbe.setTheme(page, 'vscode-light', LIGHT_PLUS);
    await draw(page, 1, SAMPLE);
    await page.click('#legend summary');
    const storefront = await nodeById(page, 'Deployment/shop-web/storefront');
    await page.mouse.click(storefront.centre.x, storefront.centre.y);
    await waitForPosted(page, { type: 'node/reveal', id: 'Deployment/shop-web/storefront' });
    mkdirSync(RESULTS, { recursive: true });
    const light = path.join(RESULTS, 'topology-light.png');
    await page.screenshot({ path: light });
    await pageProbe.setTheme(page, 'vscode-dark', DARK_PLUS);
    await page.waitForFunction(
      () =>
        (globalThis as unknown as ProbeGlobal).__probe.nodeStyle('Service/shop-core/cart', 'color') ===
        'rgb(212,212,212)',
    );
    await page.screenshot({ path: path.join(RESULTS, 'topology-dark.png') });
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      const images = path.join(ROOT, 'docs', 'images');
      mkdirSync(images, { recursive: true });
      copyFileSync(light, path.join(images, 'topology-light.png'));
    }
    await suite.assertClean();
  });

  it('starts a large graph with every namespace collapsed, with counts; a click expands one', async () => {
    const page = await suite.open({ viewport: { width: 1280, height: 800 } });
    const graph = syntheticGraph(1000);
    const started = Date.now();
    await draw(page, 1, graph, 300);
    const seconds = (Date.now() - started) / 1000;
    assert.ok(seconds < 5, `drawn in ${seconds} s`);
    const nodes = await pageProbe.nodes(page);
    const collapsed = nodes.filter((node) => node.classes.includes('collapsed'));
    assert.equal(collapsed.length, 20);
    assert.equal(nodes.length, 21, 'the namespaces and external, nothing else');
    assert.equal(
      await page.textContent('#counts'),
      `${graph.nodes.length} nodes, ${graph.edges.length} edges`,
    );
    assert.ok(await page.isVisible('#collapse-all'));
    // Large graphs hide small labels while zoomed out, for pan and zoom speed.
    assert.equal(parseFloat(await pageProbe.nodeStyle(page, 'ns:team-003', 'min-zoomed-font-size')), 7);

    const team = await nodeById(page, 'ns:team-003');
    await page.mouse.click(team.centre.x, team.centre.y);
    await page.waitForFunction(
      () =>
        (globalThis as unknown as ProbeGlobal).__probe
          .nodes()
          .find((node) => node.id === 'ns:team-003')
          ?.classes.includes('collapsed') === false,
    );
    const members = (await pageProbe.nodes(page)).filter((node) => node.parent === 'ns:team-003');
    assert.equal(members.length, graph.nodes.filter((node) => node.namespace === 'team-003').length);
    await page.waitForFunction(() => {
      const state = (globalThis as unknown as ProbeGlobal).__probe.state() as { expanded?: string[] } | null;
      return state?.expanded?.[0] === 'team-003';
    });

    // Live updates keep the user's choice; "Collapse all" undoes it.
    await draw(page, 2, { ...graph, edges: graph.edges.slice(1) }, 300);
    assert.ok((await pageProbe.nodes(page)).some((node) => node.parent === 'ns:team-003'));
    await page.click('#collapse-all');
    await page.waitForFunction(() =>
      (globalThis as unknown as ProbeGlobal).__probe.nodes().every((node) => node.parent === null),
    );
    await suite.assertClean();
  });

  it('lays out and paints 1,000 nodes expanded within the target, and stays clickable', async () => {
    const page = await suite.open({ viewport: { width: 1280, height: 800 } });
    const graph = syntheticGraph(1000);
    const started = Date.now();
    await draw(page, 1, graph, 5000);
    const seconds = (Date.now() - started) / 1000;
    const [message] = await postedOfType(page, 'graph/rendered');
    assert.equal(message?.nodeCount, graph.nodes.length);
    assert.ok(Number(message?.layoutMs) < 500, `layout ${String(message?.layoutMs)} ms`);
    // A guard against gross regressions only: the CPU is shared while tests run, so the target (1.5 s,
    // PERFORMANCE.md) is measured by bench/topologyBench.ts, not here.
    assert.ok(seconds < 10, `first paint after ${seconds} s`);
    const target = (await realNodes(page)).find((node) => node.id.startsWith('Service/team-004/'));
    assert.ok(target);
    await pageProbe.send(page, { type: 'editor/didSelect', id: target.id });
    await waitForPosted(page, { type: 'node/selected', id: target.id, origin: 'editor' });
    await suite.assertClean();
  });

  describe('explains an empty canvas', () => {
    const empty = (summary: GraphDto['summary']): GraphDto => ({
      nodes: [],
      edges: [],
      assumptions: { defaultNamespace: 'default' },
      summary,
    });
    const cases: [string, GraphDto['summary'], string, RegExp][] = [
      [
        'no-files',
        { files: 0, objects: 0, findings: 0 },
        'No YAML or JSON files in this workspace',
        /Open a folder/,
      ],
      [
        'syntax-errors-only',
        { files: 2, objects: 0, findings: 2, syntaxErrorFiles: 2 },
        'The manifests could not be read: YAML syntax errors',
        /2 files have YAML syntax errors/,
      ],
      [
        'no-manifests',
        { files: 5, objects: 0, findings: 0, skippedFiles: 5 },
        'No Kubernetes manifests in this workspace',
        /5 were skipped as Helm templates/,
      ],
      [
        'no-topology',
        { files: 3, objects: 5, findings: 0 },
        'No Kubernetes workloads or Services found in this workspace',
        /Read 3 files with 5 Kubernetes objects/,
      ],
    ];
    for (const [reason, summary, title, detail] of cases) {
      it(reason, async () => {
        const page = await suite.open();
        await pageProbe.send(page, didChange(1, empty(summary)));
        await waitForPosted(page, { type: 'graph/rendered', revision: 1 });
        assert.ok(await page.isVisible('#empty-state'));
        assert.equal(await page.getAttribute('#empty-state', 'data-reason'), reason);
        assert.equal(await page.textContent('#empty-state h2'), title);
        assert.match((await page.textContent('#empty-state')) ?? '', detail);
        await suite.assertClean();
      });
    }
  });
});
