// The test files of the integration suite, imported explicitly (esbuild has no require.context).
// Both entry points import this module only after mocha has defined `suite` and `test`.
import './smoke.test';
import './diagnostics.test';
import './hover.test';
import './panel.test';
import './badInput.test';
import './editing.test';
