// The reporter of the integration suite, in the web worker and in desktop VS Code alike: one line per
// test (failures with their message), then the plain `N passed, M failed` line that
// scripts/testIntegration.mjs and scripts/test.mjs read. It writes with console.log only, because
// that is what reaches the terminal from both extension hosts.

/** Makes the reporter class from the Mocha namespace at hand (the browser build's global, or Node's). */
export function createPlainReporter(mochaNamespace: typeof Mocha): Mocha.ReporterConstructor {
  const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_SUITE_BEGIN, EVENT_RUN_END } =
    mochaNamespace.Runner.constants;

  return class PlainReporter extends mochaNamespace.reporters.Base {
    constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
      super(runner, options);
      let passed = 0;
      let failed = 0;
      runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
        if (suite.title) console.log(`\n${suite.fullTitle()}`);
      });
      runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => {
        passed += 1;
        console.log(`  ✓ ${test.title} (${test.duration ?? 0} ms)`);
      });
      runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => console.log(`  - ${test.title} (skipped)`));
      // Failing hooks arrive here too: each counts as one failure.
      runner.on(EVENT_TEST_FAIL, (test: Mocha.Runnable, error: unknown) => {
        failed += 1;
        const message = error instanceof Error ? error.message : String(error);
        console.log(`  ✗ ${test.title}\n      ${message.replace(/\n/g, '\n      ')}`);
      });
      runner.once(EVENT_RUN_END, () => console.log(`\n${passed} passed, ${failed} failed`));
    }
  };
}
