// Lists the packaged .vsix and fails if it holds anything beyond what users need:
// dist/ bundles (no tests, no sourcemaps), media/, package.json, README, LICENSE, CHANGELOG.
import { execFileSync } from 'node:child_process';

const vsix = process.argv[2] ?? 'kube-topology.vsix';
const listing = execFileSync(
  'python3',
  ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', vsix],
  { encoding: 'utf8' },
)
  .split('\n')
  .filter(Boolean);

// vsce's own bookkeeping files, plus our payload under extension/.
const allowed = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/dist\/(extension\.js|cli\.js|web\/extension\.js|webview\/[^/]+\.(js|css))$/,
  /^extension\/media\/[^/]+$/,
  /^extension\/(package\.json|readme\.md|README\.md|LICENSE(\.txt)?|changelog\.md|CHANGELOG\.md)$/,
];
const unexpected = listing.filter((entry) => !allowed.some((pattern) => pattern.test(entry)));
const required = [
  'extension/dist/extension.js',
  'extension/dist/web/extension.js',
  'extension/dist/webview/main.js',
  'extension/dist/cli.js',
  'extension/package.json',
];
const missing = required.filter((entry) => !listing.includes(entry));
console.log(listing.map((entry) => `  ${entry}`).join('\n'));
if (unexpected.length > 0 || missing.length > 0) {
  if (unexpected.length > 0) console.error(`Unexpected files in ${vsix}:\n${unexpected.join('\n')}`);
  if (missing.length > 0) console.error(`Missing from ${vsix}:\n${missing.join('\n')}`);
  process.exit(1);
}
console.log(`${vsix}: ${listing.length} entries, only dist/, media/ and the package files.`);
