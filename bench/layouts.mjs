// Layout choice by measurement: lays out a synthetic 500-node topology (Services, workloads and Ingresses
// in 10 namespaces drawn as compound parents, `selects`/`calls`/`routes`/`exposes` edges with some
// cross-namespace calls) with each candidate in real Chromium, with the webview's own elements.ts and
// stylesheet.ts, and prints time and readability numbers as a Markdown table.
//
//   node bench/layouts.mjs [--nodes 500] [--runs 3]
//
// Candidates that are not installed are skipped with the command that installs them temporarily:
//   npm install --no-save cytoscape-elk cytoscape-dagre cytoscape-cose-bilkent
// (afterwards `PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install` puts node_modules back to package-lock.json).
// Screenshots of each layout go to test-results/bench-layouts/<candidate>.png.
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumFlags, chromiumPath } from '../scripts/chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '500' },
    runs: { type: 'string', default: '3' },
    only: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});
const NODE_TARGET = Number(values.nodes);
const RUNS = Number(values.runs);
const CHROMIUM_ARGS = ['--headless', ...chromiumFlags];

/** Each candidate: the npm package that registers it (none for built-ins) and its options. */
const CANDIDATES = [
  // What the webview ships: the rank-based layered placement of webview/layered.ts, bundled as is
  // (positions computed in the timed region, then applied as a preset layout).
  { name: 'shipped: webview/layered.ts', options: 'shipped' },
  // What it shipped before: ELK, rectpacked namespaces, layered inside.
  {
    name: 'elk (rectpacked namespaces, layered inside)',
    extension: 'cytoscape-elk',
    options: {
      name: 'elk',
      elk: {
        algorithm: 'rectpacking',
        'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
        'elk.aspectRatio': 1.6,
        'elk.spacing.nodeNode': 40,
      },
      nodeLayoutOptions: 'layeredInsideParents',
    },
  },
  {
    name: 'breadthfirst',
    options: { name: 'breadthfirst', directed: true, spacingFactor: 1.1, avoidOverlap: true },
  },
  {
    name: 'fcose',
    extension: 'cytoscape-fcose',
    options: {
      name: 'fcose',
      quality: 'default',
      randomize: true,
      nodeRepulsion: 6500,
      idealEdgeLength: 90,
      nestingFactor: 0.1,
      gravity: 0.25,
      tile: true,
      packComponents: true,
    },
  },
  {
    // Spacing scaled to our wide node boxes (168×44): edges and repulsion sized for them.
    name: 'fcose (wide spacing)',
    extension: 'cytoscape-fcose',
    options: {
      name: 'fcose',
      quality: 'default',
      randomize: true,
      nodeRepulsion: 40000,
      idealEdgeLength: 220,
      nodeSeparation: 200,
      nestingFactor: 0.05,
      gravityCompound: 2,
      gravityRangeCompound: 1,
      tile: true,
    },
  },
  { name: 'fcose (defaults)', extension: 'cytoscape-fcose', options: { name: 'fcose' } },
  {
    name: 'fcose (draft)',
    extension: 'cytoscape-fcose',
    options: { name: 'fcose', quality: 'draft', randomize: true, nodeRepulsion: 6500, idealEdgeLength: 90 },
  },
  {
    name: 'elk (layered)',
    extension: 'cytoscape-elk',
    options: {
      name: 'elk',
      elk: {
        algorithm: 'layered',
        'elk.direction': 'RIGHT',
        'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
        'elk.spacing.nodeNode': 20,
        'elk.layered.spacing.nodeNodeBetweenLayers': 40,
      },
    },
  },
  {
    // Namespaces packed like boxes, each laid out left to right inside (ELK's hierarchy, one level deep).
    name: 'elk (packed namespaces)',
    extension: 'cytoscape-elk',
    options: {
      name: 'elk',
      elk: {
        algorithm: 'rectpacking',
        'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
        'elk.spacing.nodeNode': 40,
      },
      nodeLayoutOptions: 'layeredInsideParents',
    },
  },
  {
    name: 'elk (box-packed namespaces)',
    extension: 'cytoscape-elk',
    options: {
      name: 'elk',
      elk: { algorithm: 'box', 'elk.hierarchyHandling': 'SEPARATE_CHILDREN', 'elk.spacing.nodeNode': 40 },
      nodeLayoutOptions: 'layeredInsideParents',
    },
  },
  {
    // The large-graph variant: namespaces packed, their members packed as boxes (no crossing minimisation).
    name: 'elk (packed namespaces; boxes inside)',
    extension: 'cytoscape-elk',
    options: {
      name: 'elk',
      elk: {
        algorithm: 'rectpacking',
        'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
        'elk.spacing.nodeNode': 40,
      },
      nodeLayoutOptions: 'boxInsideParents',
    },
  },
  { name: 'dagre', extension: 'cytoscape-dagre', options: { name: 'dagre', rankDir: 'LR', nodeSep: 20 } },
  {
    name: 'cose-bilkent',
    extension: 'cytoscape-cose-bilkent',
    options: {
      name: 'cose-bilkent',
      randomize: true,
      nodeRepulsion: 6500,
      idealEdgeLength: 90,
      nestingFactor: 0.1,
      gravity: 0.25,
      tile: true,
    },
  },
];

/** Deterministic PRNG (mulberry32) so every run lays out the same graph. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A GraphDto (src/shared/graphDto.ts) of about `target` nodes in 10 namespaces. */
export function syntheticGraph(target) {
  const random = prng(42);
  const pick = (items) => items[Math.floor(random() * items.length)];
  const namespaceCount = 10;
  const perNamespace = Math.max(3, Math.floor((target - 1 - (namespaceCount - 1)) / namespaceCount));
  const servicesPer = Math.floor(perNamespace / 2);
  const nodes = [
    { id: 'external', kind: 'External', name: 'internet', namespace: null, category: 'external', detail: '' },
  ];
  const edges = [];
  const edge = (type, source, target, label = '') =>
    edges.push({ id: `${type}:${source}->${target}`, source, target, type, label });
  const services = [];
  for (let n = 0; n < namespaceCount; n++) {
    const ns = `team-${String.fromCharCode(97 + n)}`;
    const local = [];
    for (let i = 0; i < perNamespace; i++) {
      const isService = i < servicesPer;
      const kind = isService ? 'Service' : i % 5 === 0 ? 'StatefulSet' : 'Deployment';
      const name = `app-${n}-${isService ? i : i - servicesPer}`;
      const id = `${kind}/${ns}/${name}`;
      const findings =
        random() < 0.04
          ? { count: 1 + Math.floor(random() * 3), worst: pick(['error', 'warning', 'info']) }
          : undefined;
      nodes.push({
        id,
        kind,
        name,
        namespace: ns,
        category: isService ? 'service' : 'workload',
        detail: isService ? `${kind} · 80→8080` : kind,
        ...(findings ? { findings } : {}),
      });
      local.push({ id, isService });
    }
    const localServices = local.filter((node) => node.isService);
    const localWorkloads = local.filter((node) => !node.isService);
    localServices.forEach((service, i) => {
      const workload = localWorkloads[i];
      if (workload) edge('selects', service.id, workload.id);
    });
    for (const workload of localWorkloads) {
      const calls = 1 + Math.floor(random() * 2);
      for (let c = 0; c < calls; c++) edge('calls', workload.id, pick(localServices).id, '8080');
    }
    if (n < namespaceCount - 1) {
      const ingress = `Ingress/${ns}/web`;
      nodes.push({
        id: ingress,
        kind: 'Ingress',
        name: 'web',
        namespace: ns,
        category: 'entry',
        detail: 'Ingress · /',
      });
      edge('exposes', 'external', ingress);
      edge('routes', ingress, localServices[0].id, '80');
      edge('routes', ingress, localServices[1].id, '80');
    }
    services.push(localServices);
  }
  // Cross-namespace calls: about 30, from random workloads to random Services elsewhere.
  const workloads = nodes.filter((node) => node.category === 'workload');
  for (let k = 0; k < 30; k++) {
    const from = pick(workloads);
    const others = services.filter((list) => !list[0].id.includes(`/${from.namespace}/`));
    edge('calls', from.id, pick(pick(others)).id, '8080');
  }
  const unique = [...new Map(edges.map((e) => [e.id, e])).values()];
  return {
    nodes,
    edges: unique,
    assumptions: { defaultNamespace: 'default' },
    summary: { files: nodes.length, objects: nodes.length, findings: 0 },
  };
}

function installed(name) {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

/** One classic script with cytoscape, the installed extensions and the webview's pure modules. */
async function pageBundle(extensions) {
  const imports = extensions.map((name, i) => `import ext${i} from '${name}';`).join('\n');
  const uses = extensions.map((_, i) => `cytoscape.use(ext${i});`).join('\n');
  const contents = `import cytoscape from 'cytoscape';
${imports}
import { toElements } from './webview/elements.ts';
import { buildStylesheet } from './webview/stylesheet.ts';
import { paletteFromVariables } from './webview/palette.ts';
import { layoutInput } from './webview/layout.ts';
import { layeredLayout } from './webview/layered.ts';
${uses}
window.bench = { cytoscape, toElements, layoutInput, layeredLayout, style: buildStylesheet(paletteFromVariables('light', () => '')) };`;
  const result = await esbuild.build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

/** Runs in the page: lays out once, then measures what makes a picture readable. */
async function layoutOnce({ graph, options: given, screenshot }) {
  const { cytoscape, toElements, layoutInput, layeredLayout, style } = window.bench;
  const shipped = given === 'shipped';
  const options = shipped ? { name: 'preset' } : given;
  document.body.replaceChildren();
  const container = document.createElement('div');
  container.style.width = '1600px';
  container.style.height = '1000px';
  document.body.append(container);
  const { elements } = toElements(graph);
  const cy = cytoscape({
    container,
    elements,
    style,
    textureOnViewport: true,
    hideEdgesOnViewport: true,
    pixelRatio: 1,
  });
  const extra = {};
  if (options.nodeLayoutOptions === 'layeredInsideParents') {
    extra.nodeLayoutOptions = (node) =>
      node.isParent()
        ? {
            algorithm: 'layered',
            'elk.direction': 'RIGHT',
            'elk.spacing.nodeNode': 20,
            'elk.layered.spacing.nodeNodeBetweenLayers': 40,
          }
        : {};
  }
  if (options.nodeLayoutOptions === 'boxInsideParents') {
    extra.nodeLayoutOptions = (node) =>
      node.isParent() ? { algorithm: 'box', 'elk.spacing.nodeNode': 20 } : {};
  }
  const start = performance.now();
  if (shipped) {
    const input = layoutInput(elements);
    extra.positions = Object.fromEntries(
      layeredLayout(input.nodes, input.edges, { aspectRatio: 1.6, boxed: true }),
    );
  }
  const layout = cy.layout({ ...options, ...extra, animate: false, fit: true, padding: 30 });
  const stopped = layout.promiseOn('layoutstop');
  let error;
  try {
    layout.run();
    await stopped;
  } catch (caught) {
    error = String(caught);
  }
  const ms = performance.now() - start;
  const boxes = (collection) =>
    collection.map((ele) => ({
      id: ele.id(),
      ns: ele.data('namespace'),
      ...ele.boundingBox({ includeLabels: false }),
    }));
  const real = boxes(cy.nodes().not('.namespace'));
  const parents = boxes(cy.nodes('.namespace'));
  const intersects = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
  let nodeOverlaps = 0;
  for (let i = 0; i < real.length; i++)
    for (let j = i + 1; j < real.length; j++) if (intersects(real[i], real[j])) nodeOverlaps++;
  let namespaceOverlaps = 0;
  for (let i = 0; i < parents.length; i++)
    for (let j = i + 1; j < parents.length; j++) if (intersects(parents[i], parents[j])) namespaceOverlaps++;
  // A node drawn inside another namespace's box: the picture lies about where it lives.
  let intruders = 0;
  for (const node of real)
    if (node.ns && parents.some((p) => p.ns !== node.ns && intersects(node, p))) intruders++;
  cy.fit(undefined, 30);
  const fitZoom = cy.zoom();
  const bb = cy.elements().boundingBox();
  const positions = real.map((n) => `${Math.round(n.x1)},${Math.round(n.y1)}`).join(';');
  if (!screenshot) cy.destroy();
  const parentBoxes = parents.map(
    (p) => `${p.ns}: x ${Math.round(p.x1)}..${Math.round(p.x2)} y ${Math.round(p.y1)}..${Math.round(p.y2)}`,
  );
  return {
    ms,
    error,
    nodeOverlaps,
    namespaceOverlaps,
    intruders,
    fitZoom,
    aspect: bb.w / bb.h,
    positions,
    parentBoxes,
  };
}

const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];

async function main() {
  const wanted = CANDIDATES.filter((c) => !values.only || values.only.split(',').includes(c.name));
  const available = wanted.filter((candidate) => !candidate.extension || installed(candidate.extension));
  for (const candidate of wanted.filter((c) => !available.includes(c))) {
    console.log(`skipped ${candidate.name}: npm install --no-save ${candidate.extension}`);
  }
  const extensions = [...new Set(available.map((c) => c.extension).filter(Boolean))];
  const script = await pageBundle(extensions);
  const graph = syntheticGraph(NODE_TARGET);
  console.log(
    `graph: ${graph.nodes.length} nodes in 10 namespaces, ${graph.edges.length} edges; ${RUNS} runs each`,
  );
  const outDir = path.join(root, 'test-results', 'bench-layouts');
  mkdirSync(outDir, { recursive: true });

  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  const rows = [];
  try {
    for (const candidate of available) {
      // A fresh page per candidate, so the first run pays the JIT warm-up the user pays on opening the panel.
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      await page.setContent('<!DOCTYPE html><html><body style="margin:0"></body></html>');
      await page.addScriptTag({ content: script });
      const runs = [];
      for (let run = 0; run < RUNS; run++) {
        const last = run === RUNS - 1;
        runs.push(await page.evaluate(layoutOnce, { graph, options: candidate.options, screenshot: last }));
        if (last)
          await page.screenshot({ path: path.join(outDir, `${candidate.name.replace(/\W+/g, '-')}.png`) });
      }
      const lastRun = runs.at(-1);
      // Readability numbers are medians over the runs: randomised layouts differ from run to run.
      const metric = (key) => median(runs.map((r) => r[key]));
      rows.push({
        name: candidate.name,
        first: runs[0].ms,
        ms: median(runs.slice(RUNS > 1 ? 1 : 0).map((r) => r.ms)),
        error: runs.find((r) => r.error)?.error,
        deterministic: runs.every((r) => r.positions === runs[0].positions),
        nodeOverlaps: metric('nodeOverlaps'),
        namespaceOverlaps: metric('namespaceOverlaps'),
        intruders: metric('intruders'),
        fitZoom: metric('fitZoom'),
        aspect: metric('aspect'),
        parentBoxes: lastRun.parentBoxes,
      });
      await page.close();
      console.log(`measured ${candidate.name}`);
      if (values.verbose) console.log('  ' + lastRun.parentBoxes.join('\n  '));
    }
  } finally {
    await browser.close();
  }

  console.log(
    '\n| layout | first run (cold) | median of later runs | node overlaps | namespace box overlaps | nodes inside a foreign namespace box | zoom to fit 1600×1000 | aspect | same result every run |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) {
    const time = row.error
      ? `failed: ${row.error.slice(0, 60)} |`
      : `${Math.round(row.first)} ms | ${Math.round(row.ms)} ms`;
    console.log(
      `| ${row.name} | ${time} | ${row.nodeOverlaps} | ${row.namespaceOverlaps} | ${row.intruders} | ${row.fitZoom.toFixed(2)} | ${row.aspect.toFixed(2)} | ${row.deterministic ? 'yes' : 'no'} |`,
    );
  }
  console.log('(overlap counts, zoom and aspect: medians over the runs; first run: in a fresh page)');
  console.log(`\nscreenshots: ${path.relative(root, outDir)}/`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
