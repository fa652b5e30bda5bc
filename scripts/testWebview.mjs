// `npm run test:webview`: the webview bundle in real Chromium (TESTING.md, tier 3). Runs mocha over
// test/webview/**/*.test.ts with its own options (not .mocharc.json's spec list), so the last line is
// the summary reporter's `N passed, M failed`.
//
// The tests load dist/webview/main.js. `npm test` builds everything first; when this script runs alone
// and the bundle is missing or older than its sources, it builds the webview entry with the options of
// esbuild.js's webview build (development mode).
//   UPDATE_SCREENSHOTS=1 node scripts/testWebview.mjs   also rewrites docs/images/topology-light.png
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'esbuild';
import { chromiumPath } from './chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'webview', 'main.js');

function newestSource(dirs) {
  let newest = 0;
  for (const dir of dirs) {
    for (const entry of readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts')) {
        newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
      }
    }
  }
  return newest;
}

if (!existsSync(chromiumPath)) {
  console.log(`Chromium is missing at ${chromiumPath}: apt-get install -y chromium (see TESTING.md)`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

if (!existsSync(bundle) || statSync(bundle).mtimeMs < newestSource(['webview', 'src/shared'])) {
  console.log('building dist/webview/main.js');
  await esbuild.build({
    entryPoints: [path.join(root, 'webview', 'main.ts')],
    outfile: bundle,
    bundle: true,
    sourcemap: true,
    sourcesContent: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    logLevel: 'warning',
  });
}

const mocha = path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
const args = [
  mocha,
  '--no-config',
  '--no-package',
  '--node-option',
  'import=tsx',
  '--extension',
  'ts',
  '--reporter',
  path.join(root, 'scripts', 'summaryReporter.cjs'),
  '--timeout',
  '90000',
  'test/webview/**/*.test.ts',
];
const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
child.on('close', (code) => process.exit(code ?? 1));
