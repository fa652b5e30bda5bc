// Builds every bundle of Kube Topology with esbuild.
//   node esbuild.js               one development build (sourcemaps, no minify)
//   node esbuild.js --production  minified, no sourcemaps (what the .vsix ships)
//   node esbuild.js --watch       rebuild on change; prints the markers the
//                                 "esbuild-watch" problem matcher in .vscode/tasks.json waits for
const esbuild = require('esbuild');
const fs = require('node:fs');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Bundles being built right now, over all contexts: the markers bracket the whole build, not each bundle. */
let building = 0;

/** Logs build start/end and errors in a shape VS Code's background problem matcher understands. */
const problemMatcherPlugin = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    build.onStart(() => {
      if (building++ === 0) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (--building === 0) console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  plugins: [problemMatcherPlugin],
};

// The web extension host is a web worker: no Node built-ins, no `process`, no `global`.
// A tiny shim gives libraries that peek at `process.env` (assert, util) something to read.
const webWorker = {
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  external: ['vscode'],
  define: { global: 'globalThis' },
  inject: ['./scripts/shims/process.js'],
};

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  // Desktop extension host (Node).
  {
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node16',
    external: ['vscode'],
    inject: ['./src/vscode/node/webcryptoGlobal.ts'],
  },
  // Web extension host (vscode.dev, github.dev, test-web).
  { entryPoints: ['src/extension.ts'], outfile: 'dist/web/extension.js', ...webWorker },
  // The webview app: one classic script loaded with a nonce.
  {
    entryPoints: ['webview/main.ts'],
    outfile: 'dist/webview/main.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  // The CLI: `kube-topology` on the PATH through package.json "bin".
  {
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
  // The integration suite for the web extension host (test-web loads it with --extensionTestsPath).
  { entryPoints: ['test/integration/index.ts'], outfile: 'dist/web/test/index.js', ...webWorker },
  // The same suite and its launcher for desktop VS Code (`npm run test:desktop`).
  {
    entryPoints: ['test/integration/indexDesktop.ts', 'test/integration/runDesktop.ts'],
    outdir: 'dist/test/desktop',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', '@vscode/test-electron', 'mocha'],
  },
];

async function main() {
  if (production) fs.rmSync('dist', { recursive: true, force: true });
  const contexts = await Promise.all(builds.map((options) => esbuild.context({ ...common, ...options })));
  if (watch) {
    await Promise.all(contexts.map((context) => context.watch()));
    return;
  }
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
