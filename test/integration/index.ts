// Entry point of the integration suite in the web extension host (a web worker), loaded by
// @vscode/test-web through `--extensionTestsPath=dist/web/test/index.js`. See scripts/testIntegration.mjs.
import { createPlainReporter } from './reporter';

/** Called by VS Code once the extension development host is up; rejecting makes the run exit with 1. */
export async function run(): Promise<void> {
  // mocha's browser build, imported here rather than at the top on purpose. mocha 12 is `type: module`,
  // so esbuild inlines this UMD file as an ES module, where its header sees this bundle's CommonJS
  // `module` and sets `module.exports = mocha`. Evaluated at load time, that would replace the `run`
  // VS Code is about to call; evaluated now, VS Code already holds our exports. Either way the file
  // defines the globals `mocha` and `Mocha`.
  await import('mocha/mocha');
  mocha.setup({ ui: 'tdd', reporter: createPlainReporter(Mocha), timeout: 60_000 });
  // After `setup`: the test files call `suite` and `test` when they are evaluated.
  await import('./suites');
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed.`);
}
