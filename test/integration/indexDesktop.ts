// Entry point of the same integration suite in desktop VS Code (Node extension host), loaded by
// @vscode/test-electron through runDesktop.ts. Mocha here is the Node package, not the browser build.
import { createPlainReporter } from './reporter';

export async function run(): Promise<void> {
  // mocha is external to this bundle; 12.x is an ES module, so it is loaded with import().
  const { default: MochaClass } = await import('mocha');
  const mocha = new MochaClass({ ui: 'tdd', reporter: createPlainReporter(MochaClass), timeout: 60_000 });
  // Defines `suite`, `test`, ... on the global object, as `mocha.run` would for files it loads itself.
  mocha.suite.emit(MochaClass.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, 'suites', mocha);
  await import('./suites');
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed.`);
}
