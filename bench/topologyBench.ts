// The topology view's own benchmark, in headless Chromium with the shipped bundle under the shipped CSP
// (the page of test/webview/harness.ts): time to first meaningful paint (a snapshot posted → the
// webview reports it drawn, after the frame that shows it) and the time spent placing nodes, at 200,
// 1,000 and 5,000 nodes, expanded and with the default large-graph threshold (namespaces collapsed);
// then the frame time while panning at 1,000 nodes.
//
//   npx tsx bench/topologyBench.ts [--runs 3] [--sizes 200,1000,5000]
//
// Each size gets a fresh page, so the first run pays what a user pays on opening the panel. Noise on a
// shared machine is large: compare rows of one run, not numbers across runs (PERFORMANCE.md).
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchBrowser, openSession, startServer } from '../test/webview/harness';
import { syntheticGraph } from '../test/webview/syntheticGraph';
import type { GraphDto } from '../src/shared/graphDto';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    sizes: { type: 'string', default: '200,1000,5000' },
  },
});
const RUNS = Number(values.runs);
const SIZES = (values.sizes ?? '').split(',').map(Number);
const VIEWPORT = { width: 1600, height: 1000 };

interface Paint {
  readonly ms: number;
  readonly layoutMs: number;
}

// The page-side code is plain JavaScript text: tsx would wrap named functions in a helper (`__name`)
// that does not exist in the page.
const PAINT = `(message) => new Promise((resolve) => {
  const probe = globalThis.__probe;
  const seen = probe.posted().length;
  const start = performance.now();
  probe.send(message);
  const check = () => {
    const done = probe.posted().slice(seen).find((posted) => posted.type === 'graph/rendered');
    if (done) resolve({ ms: performance.now() - start, layoutMs: done.layoutMs ?? 0 });
    else setTimeout(check, 2);
  };
  check();
})`;

/** Records animation-frame intervals for `ms` milliseconds. */
const FRAMES = `(ms) => new Promise((resolve) => {
  const intervals = [];
  let last = performance.now();
  const end = last + ms;
  const frame = (now) => {
    intervals.push(now - last);
    last = now;
    if (now < end) requestAnimationFrame(frame);
    else resolve(intervals.slice(2));
  };
  requestAnimationFrame(frame);
})`;

/** Posts a snapshot and measures, in the page, until the webview reports it drawn. */
function paint(page: Page, revision: number, graph: GraphDto, threshold: number): Promise<Paint> {
  const message = { type: 'graph/didChange', revision, graph, config: { largeGraphThreshold: threshold } };
  return page.evaluate<Paint>(`(${PAINT})(${JSON.stringify(message)})`);
}

/**
 * Drags the background with the mouse, as a user pans (Cytoscape's viewport texture applies to
 * gestures, not to programmatic pans), while the page records its frame intervals.
 */
async function panFrames(page: Page): Promise<number[]> {
  const canvas = await page.locator('#canvas').boundingBox();
  if (!canvas) throw new Error('no canvas');
  const recording = page.evaluate<number[]>(`(${FRAMES})(2500)`);
  // The fit leaves padding around the graph: the corner is background.
  const x = canvas.x + 8;
  const y = canvas.y + 8;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let step = 1; step <= 120; step++) {
    await page.mouse.move(x + (step % 60) * 5, y + (step % 40) * 3);
  }
  await page.mouse.up();
  return recording;
}

const median = (numbers: readonly number[]) =>
  [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] ?? 0;
const percentile = (numbers: readonly number[], p: number) =>
  [...numbers].sort((a, b) => a - b)[Math.min(numbers.length - 1, Math.floor(numbers.length * p))] ?? 0;

async function main(): Promise<void> {
  const server = await startServer();
  const browser = await launchBrowser();
  const rows: string[] = [];
  try {
    for (const size of SIZES) {
      const graph = syntheticGraph(size);
      for (const [mode, threshold] of [
        ['expanded', Number.MAX_SAFE_INTEGER],
        ['default threshold (300)', 300],
      ] as const) {
        if (size <= 300 && mode !== 'expanded') continue;
        const firsts: Paint[] = [];
        for (let run = 0; run < RUNS; run++) {
          // A fresh page per run: the first snapshot in a page is what opening the panel costs.
          const session = await openSession(browser, server, { viewport: VIEWPORT });
          firsts.push(await paint(session.page, 1, graph, threshold));
          await session.close();
        }
        const ms = firsts.map((run) => run.ms);
        const layout = firsts.map((run) => run.layoutMs);
        rows.push(
          `| ${graph.nodes.length} | ${graph.edges.length} | ${mode} | ${Math.round(median(ms))} ms (${ms
            .map((value) => Math.round(value))
            .join(', ')}) | ${median(layout).toFixed(1)} ms |`,
        );
        console.log(`measured ${size} ${mode}`);
      }
    }
    const session = await openSession(browser, server, { viewport: VIEWPORT });
    await paint(session.page, 1, syntheticGraph(1000), Number.MAX_SAFE_INTEGER);
    const intervals = await panFrames(session.page);
    await session.close();
    console.log('\n| nodes | edges | namespaces | first meaningful paint, median (runs) | placing nodes |');
    console.log('|---|---|---|---|---|');
    for (const row of rows) console.log(row);
    console.log(
      `\nPanning at 1,000 nodes (expanded): ${intervals.length} frames, median ${median(intervals).toFixed(1)} ms, ` +
        `p95 ${percentile(intervals, 0.95).toFixed(1)} ms, worst ${Math.max(...intervals).toFixed(1)} ms`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
