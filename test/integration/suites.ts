// The test files of the integration suite, imported explicitly (esbuild has no require.context).
// Both entry points import this module only after mocha has defined `suite` and `test`.
import './smoke.test';
import './diagnostics.test';
import './hover.test';
import './panel.test';
import './badInput.test';
import './editing.test';
// The sample workspace (examples/shop under sample/). Diagnostics first: its first test checks the
// Problems view before any sample file has been opened.
import './sampleDiagnostics.test';
import './sampleHover.test';
import './sampleNavigation.test';
// Quick fixes last: they edit the fixture and the sample (and put both back).
import './quickFixes.test';
