// `npm test`: builds once, then runs the three tiers in order (unit + corpus in plain Node, the
// extension in a real VS Code workbench, the webview in real Chromium). Every tier prints its own
// `N passed, M failed`; the last line of this script is the total over all tiers.
import { spawn } from 'node:child_process';

const tiers = [
  { name: 'unit', command: 'npx', args: ['mocha'] },
  { name: 'integration', command: 'node', args: ['scripts/testIntegration.mjs'] },
  { name: 'webview', command: 'node', args: ['scripts/testWebview.mjs'] },
];

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk.toString();
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** The tier's own summary: the last `N passed, M failed` line it printed. */
function summaryOf(output) {
  const matches = [...output.matchAll(/^(\d+) passed, (\d+) failed\s*$/gm)];
  const last = matches.at(-1);
  return last ? { passed: Number(last[1]), failed: Number(last[2]) } : undefined;
}

const build = await run('node', ['esbuild.js']);
if (build.code !== 0) {
  console.log('build failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

let passed = 0;
let failed = 0;
const lines = [];
for (const tier of tiers) {
  console.log(`\n=== ${tier.name} tier ===`);
  const { code, output } = await run(tier.command, tier.args);
  const summary = summaryOf(output);
  if (!summary) {
    // A tier that crashed before reporting counts as one failure, never as a silent pass.
    lines.push(`${tier.name}: no summary (exit code ${code}), counted as 1 failed`);
    failed += 1;
    continue;
  }
  if (code !== 0 && summary.failed === 0) summary.failed = 1;
  lines.push(`${tier.name}: ${summary.passed} passed, ${summary.failed} failed`);
  passed += summary.passed;
  failed += summary.failed;
}
console.log('\n' + lines.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
