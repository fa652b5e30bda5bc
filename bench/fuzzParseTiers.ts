// Differential fuzzing of the two parse tiers: mutates manifests (inserted indicators, quotes,
// markers, tabs, CRs, deleted characters, re-indented lines) and checks that parseManifestFileFast
// gives exactly what parseManifestFile gives: objects, ranges, skips, syntax problems and locate()
// for every path of every object; and that the block YAML reader raises its hint on every
// document it reads that needsExactTier takes (the fast tier asks needsExactTier only then). Run it
// after any change to src/core/parse; the unit tests run a small fixed sample of the same idea.
//
//   npx tsx bench/fuzzParseTiers.ts [--cases 2000] [--seed 1] [DIR...]   (default: ../shared/corpus)
//
// Failing inputs are written to test-results/fuzz-parse/ to be turned into unit tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { mayNeedExactTier, NOT_SIMPLE, readBlockYaml } from '../src/core/parse/blockYamlReader';
import { needsExactTier } from '../src/core/parse/exactTierTriggers';
import { parseManifestFile } from '../src/core/parse/parseManifestFile';
import { parseManifestFileFast } from '../src/core/parse/parseManifestFileFast';
import { parsedObjectData, type FileParse } from '../src/core/parse/parsedFile';
import { splitDocuments } from '../src/core/parse/splitDocuments';
import type { PathSegment } from '../src/core/parse/yamlNodes';
import { seededRandom } from '../test/unit/core/parse/seededRandom';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { cases: { type: 'string', default: '2000' }, seed: { type: 'string', default: '1' } },
});
const root = path.join(__dirname, '..');
const dirs = positionals.length > 0 ? positionals : [path.join(root, '../shared/corpus')];
const out = path.join(root, 'test-results/fuzz-parse');

function* manifests(directory: string): Generator<string> {
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) yield* manifests(full);
    else if (/\.(ya?ml|json)$/i.test(entry.name)) yield full;
  }
}

function pathsOf(value: unknown, prefix: PathSegment[] = [], paths: PathSegment[][] = []): PathSegment[][] {
  paths.push(prefix);
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...prefix, index], paths));
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], paths);
  return paths;
}

const comparable = (parse: FileParse) => ({
  ...parse,
  objects: parse.objects.map(parsedObjectData),
});

/** The first difference between the tiers on `text`, or undefined when they agree. */
function difference(text: string): string | undefined {
  for (const span of splitDocuments(text)) {
    const read = readBlockYaml(text, span.start, span.end);
    if (read !== NOT_SIMPLE && !mayNeedExactTier() && needsExactTier(text, span.start, span.end)) {
      return `document at ${span.start}: read without a hint, but needsExactTier takes it`;
    }
  }
  const exact = parseManifestFile('f.yaml', text);
  const fast = parseManifestFileFast('f.yaml', text);
  if (!isDeepStrictEqual(comparable(fast), comparable(exact))) return 'objects, skips or problems differ';
  for (const [index, object] of exact.objects.entries()) {
    for (const where of pathsOf(object.body)) {
      for (const target of ['value', 'key'] as const) {
        const expected = object.locate(where, target);
        const actual = fast.objects[index]!.locate(where, target);
        if (!isDeepStrictEqual(actual, expected)) {
          return `locate(${JSON.stringify(where)}, ${target}): ${JSON.stringify(actual)} instead of ${JSON.stringify(expected)}`;
        }
      }
    }
  }
  return undefined;
}

const TOKENS = [
  '\t',
  ' ',
  '  ',
  '"',
  "'",
  ':',
  ': ',
  '- ',
  '#',
  ' #',
  '\n',
  '{',
  '}',
  '[',
  ']',
  ',',
  '|',
  '>',
];
TOKENS.push('|-', '? ', '*a', '&a ', '!!str ', '---\n', '...\n', '%', '\\', '\r\n', '\r', '0x1', 'null', '~');
TOKENS.push('"a\\"b"', "'it''s'", '\n  ', 'x: y', '<<', '\u00a0', ' : ', '{{ x }}');
TOKENS.push('- -\n', ' -\n', ' ?', ':]', '{null}', "['a']", ' "#"', '[:]');

const next = seededRandom(Number(values.seed));
const texts = dirs
  .flatMap((dir) => [...manifests(dir)])
  .map((file) => fs.readFileSync(file, 'utf8'))
  .filter((text) => text.length < 20_000);
let failures = 0;
const cases = Number(values.cases);
for (let n = 0; n < cases; n++) {
  let text = texts[Math.floor(next() * texts.length)]!;
  for (let edit = 0, edits = 1 + Math.floor(next() * 3); edit < edits; edit++) {
    const at = Math.floor(next() * text.length);
    const kind = next();
    if (kind < 0.6) text = text.slice(0, at) + TOKENS[Math.floor(next() * TOKENS.length)]! + text.slice(at);
    else if (kind < 0.8) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
    else {
      const lineStart = text.lastIndexOf('\n', at) + 1;
      text =
        text.slice(0, lineStart) +
        (next() < 0.5 ? '  ' : '') +
        text.slice(lineStart + (next() < 0.5 ? 2 : 0));
    }
  }
  const found = difference(text);
  if (found) {
    failures += 1;
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, `case-${n}.yaml`), text);
    console.log(`case ${n}: ${found}`);
  }
}
console.log(`${cases - failures} passed, ${failures} failed`);
process.exitCode = failures > 0 ? 1 : 0;
