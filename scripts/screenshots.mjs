// `node scripts/screenshots.mjs`: screenshots of the real product for the README, taken the way a user
// would get there. Serves examples/shop like `npm start`, opens it in headless Chromium, and drives the
// workbench with the keyboard (Ctrl+P to open a manifest, F1 to run commands). Writes:
//   docs/images/workbench-with-panel.png  a manifest beside the topology panel
//   docs/images/hover.png                 the hover on a Service
//   docs/images/problems.png              the Problems view and the squiggle on a YAML syntax error
// Not part of `npm test`: it only takes pictures, and asserts nothing beyond reaching each state.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot, setupTestWeb, testWebArgs, testWebCli } from './setupTestWeb.mjs';
import { freePort } from './chromium.mjs';

const workspace = path.join(repoRoot, 'examples', 'shop');
const outDir = path.join(repoRoot, 'docs', 'images');
const viewport = { width: 1600, height: 1000 };
/** Each step waits at most this long for the state it needs. */
const STEP_TIMEOUT = 60_000;

/** Starts test-web without a browser and resolves once it listens. */
function startServer(sha, env, port) {
  const server = spawn(process.execPath, [testWebCli, ...testWebArgs({ sha, port, folder: workspace })], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => {
      if (/Listening on /.test(chunk.toString())) resolve(server);
    });
    server.once('close', (code) => reject(new Error(`vscode-test-web exited with code ${code}`)));
  });
}

/** Polls `probe` until it returns a truthy value; fails with `what` at the deadline. */
async function waitUntil(what, probe, timeoutMs = STEP_TIMEOUT) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Waits until two screenshots of `locator` in a row are identical: layouts and animations are done. */
async function waitUntilStill(what, locator) {
  let previous;
  await waitUntil(`${what} to stop moving`, async () => {
    const current = await locator.screenshot();
    const still = previous !== undefined && current.equals(previous);
    previous = current;
    return still;
  });
}

/** Runs a command by its title through the command palette (F1), as a user does. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
}

/** Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor tab. */
async function openFile(page, relativePath) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  await input.fill(relativePath);
  const name = path.basename(relativePath);
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: name })
    .first()
    .waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  await page.keyboard.press('Enter');
  await page
    .locator('.tabs-container .tab.active', { hasText: name })
    .waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
}

/** Moves the cursor to a 1-based line and column, typing `:line:column` into Quick Open. */
async function goTo(page, line, column) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  await input.fill(`:${line}:${column}`);
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: `${line}` })
    .first()
    .waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
}

/** 1-based line and column of the first `needle` after `anchor` in a workspace file. */
function positionInFile(relativePath, anchor, needle) {
  const text = fs.readFileSync(path.join(workspace, relativePath), 'utf8');
  const offset = text.indexOf(needle, text.indexOf(anchor));
  if (offset < 0) throw new Error(`"${needle}" after "${anchor}" not found in ${relativePath}`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1).length + 1 };
}

async function main() {
  const build = spawnSync('node', ['esbuild.js'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('node esbuild.js failed');
  const { sha, env, standIn } = setupTestWeb();
  const port = await freePort();
  const server = await startServer(sha, env, port);
  // The stand-in is the same cookie-enabled Chromium the integration tier uses: without it webviews
  // cannot register their service worker and the panel stays blank.
  const browser = await chromium.launch({ executablePath: standIn, headless: true });
  try {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    await page.goto(`http://localhost:${port}`);
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: STEP_TIMEOUT });
    // The extension's status bar item appears once the workspace is analysed.
    await page
      .locator('.statusbar-item', { hasText: /objects?, \d+ findings?/ })
      .waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    await runCommand(page, 'View: Close All Editors');
    fs.mkdirSync(outDir, { recursive: true });

    // 1. A manifest with the topology panel beside it.
    await openFile(page, 'core/cart.yaml');
    await runCommand(page, 'Kube Topology: Show Topology');
    // Webview content lives in nested iframes on <uuid>.localhost; the editor's minimap is a canvas too.
    await waitUntil('the topology panel to draw', async () => {
      for (const frame of page.frames()) {
        if (!new URL(frame.url()).hostname.endsWith('.localhost')) continue;
        if ((await frame.locator('canvas').count()) > 0) return frame;
      }
      return undefined;
    });
    await waitUntilStill('the topology panel', page.locator('iframe.webview').first());
    await page.screenshot({ path: path.join(outDir, 'workbench-with-panel.png') });

    // 2. The hover on the Service's name (Show or Focus Hover, Ctrl+K Ctrl+I, at the cursor).
    await runCommand(page, 'View: Close All Editors');
    await openFile(page, 'core/cart.yaml');
    const at = positionInFile('core/cart.yaml', 'kind: Service', 'name: cart');
    await goTo(page, at.line, at.column + 'name: '.length + 1);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover', { hasText: 'Service' }).first();
    await hover.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    await waitUntilStill('the hover', hover);
    await page.screenshot({ path: path.join(outDir, 'hover.png') });
    await page.keyboard.press('Escape');

    // 3. The Problems view with the YAML syntax error, and the squiggle in the editor.
    await openFile(page, 'scratch/broken.yaml');
    await page.keyboard.press('Control+Shift+M');
    await page
      .locator('.markers-panel .monaco-list-row', { hasText: /yaml-syntax|YAML/ })
      .first()
      .waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    await page.locator('.squiggly-error').first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    await page.screenshot({ path: path.join(outDir, 'problems.png') });

    console.log(`Screenshots written to ${path.relative(repoRoot, outDir)}/`);
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
