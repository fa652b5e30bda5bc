// Mocha reporter for the Node tiers: the usual spec output, then one machine-readable line
// `N passed, M failed` that scripts/test.mjs adds up across tiers.
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    let passed = 0;
    let failed = 0;
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, () => (passed += 1));
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, () => (failed += 1));
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      // After Spec's epilogue, so it is the last line of the tier's output.
      setImmediate(() => console.log(`${passed} passed, ${failed} failed`));
    });
  }
}

module.exports = SummaryReporter;
