import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import * as esbuild from 'esbuild';

// The core must run where there is no Node and no DOM: the web extension host, the webview,
// the CLI. This bundles src/core for a neutral platform (a Node built-in import fails to resolve)
// and runs the bundle in a bare V8 context without require, process, Buffer or document.

const repo = path.join(__dirname, '../../..');

function coreEntryPoints(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return coreEntryPoints(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('core isolation', () => {
  it('imports no vscode, Node built-in or DOM module in any file', () => {
    const offenders = [
      ...coreEntryPoints(path.join(repo, 'src/core')),
      ...coreEntryPoints(path.join(repo, 'src/shared')),
    ].filter((file) =>
      /from ['"](vscode|node:[a-z_/]+|fs|path|os|child_process|crypto|util|events|stream|buffer|url)['"]/.test(
        fs.readFileSync(file, 'utf8'),
      ),
    );
    assert.deepEqual(offenders, []);
  });

  it('bundles for a neutral platform and analyses a manifest in a bare context', async () => {
    const entry = `
      export { analyzeWorkspace } from './src/core/analysis';
      export { parseManifestFile } from './src/core/parse/parseManifestFile';
    `;
    const result = await esbuild.build({
      stdin: { contents: entry, resolveDir: repo, loader: 'ts' },
      bundle: true,
      write: false,
      platform: 'neutral',
      mainFields: ['module', 'main'],
      format: 'iife',
      globalName: 'core',
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    const context = vm.createContext({});
    vm.runInContext(`${code}\nglobalThis.core = core;`, context);
    assert.equal(
      vm.runInContext('typeof require + typeof process + typeof Buffer + typeof document', context),
      'undefinedundefinedundefinedundefined',
    );
    const text =
      'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {selector: {app: a}}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec: {template: {metadata: {labels: {app: a}}}}\n';
    context.text = text;
    const edges = vm.runInContext(
      `JSON.stringify(core.analyzeWorkspace([core.parseManifestFile('a.yaml', text)], {defaultNamespace: 'ns'}).graph.edges.map(e => e.from + '>' + e.to))`,
      context,
    ) as string;
    assert.deepEqual(JSON.parse(edges), ['Service/ns/a>Deployment/ns/a']);
  });
});
