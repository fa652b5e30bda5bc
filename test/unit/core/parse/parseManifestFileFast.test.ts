import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { needsExactTier } from '../../../../src/core/parse/exactTierTriggers';
import {
  parseManifestFileFast,
  parseManifestFileFastInSteps,
} from '../../../../src/core/parse/parseManifestFileFast';
import { assertSameAsExact } from './sameAsExact';
import { seededRandom } from './seededRandom';

// The fast tier must give exactly what the exact tier gives (docs/PERFORMANCE.md: js-yaml for bulk
// indexing, yaml v2 for ranges): the same objects, ranges, skips, syntax problems and locate().

const repo = path.join(__dirname, '../../../..');
const sharedCorpus = path.join(repo, '../shared/corpus');
const at = (text: string, range: { start: number; end: number } | undefined) =>
  range ? text.slice(range.start, range.end) : undefined;

function manifestFiles(directory: string): string[] {
  if (!fs.existsSync(directory)) return [];
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return manifestFiles(full);
    return /\.(ya?ml|json)$/i.test(entry.name) ? [full] : [];
  });
}

describe('parseManifestFileFast: same results as parseManifestFile', () => {
  it('on every YAML and JSON file of the shared corpus', function () {
    const files = manifestFiles(sharedCorpus);
    if (files.length === 0) this.skip();
    let objects = 0;
    for (const file of files) {
      objects += assertSameAsExact(path.relative(sharedCorpus, file), fs.readFileSync(file, 'utf8'), 400)
        .objects.length;
    }
    assert.ok(objects > 500, `read ${objects} objects`);
  });

  it('on every test fixture', () => {
    const files = manifestFiles(path.join(repo, 'test/fixtures'));
    assert.ok(files.length > 5);
    for (const file of files) assertSameAsExact(path.relative(repo, file), fs.readFileSync(file, 'utf8'));
  });

  it('on mutated corpus documents (broken indentation, quotes, markers, tabs, CRs)', function () {
    const texts = manifestFiles(sharedCorpus)
      .map((file) => fs.readFileSync(file, 'utf8'))
      .filter((text) => text.length < 20_000);
    if (texts.length === 0) this.skip();
    const tokens = [
      '\t',
      '  ',
      '"',
      "'",
      ': ',
      '- ',
      '#',
      '\n',
      '{',
      '[',
      ']',
      '|',
      '? ',
      '*a',
      '&a ',
      '---\n',
    ];
    const next = seededRandom(7);
    for (let n = 0; n < 150; n++) {
      let text = texts[Math.floor(next() * texts.length)]!;
      const at = Math.floor(next() * text.length);
      if (next() < 0.7)
        text = text.slice(0, at) + tokens[Math.floor(next() * tokens.length)]! + text.slice(at);
      else text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
      assertSameAsExact(`mutation-${n}.yaml`, text, 150);
    }
  });
});

describe('parseManifestFileFast: cases where the parsers differ or ranges are unusual', () => {
  const manifest = (body: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n${body}`;

  it('List items, each with its own span, name and locate', () => {
    const text =
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: one\n  spec:\n    ports:\n    - port: 80\n      targetPort: http\n\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: two, namespace: n}\n';
    const result = assertSameAsExact('list.yaml', text);
    assert.deepEqual(
      result.objects.map((object) => [object.kind, object.name, object.itemIndex]),
      [
        ['Service', 'one', 0],
        ['Deployment', 'two', 1],
      ],
    );
    const [one] = result.objects;
    assert.equal(
      at(text, one!.range),
      'apiVersion: v1\n  kind: Service\n  metadata:\n    name: one\n  spec:\n    ports:\n    - port: 80\n      targetPort: http',
    );
    assert.equal(at(text, one!.locate(['spec', 'ports', 0, 'targetPort'])), 'http');
    assert.equal(at(text, result.objects[1]!.nameRange), 'two');
  });

  it('CRLF line ends', () => {
    const text =
      'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: s\r\nspec:\r\n  ports:\r\n  - port: 80\r\n    targetPort: 8080\r\n---\r\napiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: c\r\ndata:\r\n  a: |\r\n    x\r\n';
    const result = assertSameAsExact('crlf.yaml', text);
    assert.equal(at(text, result.objects[0]!.locate(['spec', 'ports', 0, 'targetPort'])), '8080');
    assert.equal(at(text, result.objects[0]!.range)?.endsWith('8080'), true);
  });

  it('JSON manifests, one line or pretty-printed', () => {
    assertSameAsExact('one.json', '{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "j"}}');
    const pretty = JSON.stringify(
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'j', namespace: 'n' },
        spec: { ports: [{ port: 80 }] },
      },
      null,
      2,
    );
    assert.equal(assertSameAsExact('pretty.json', `${pretty}\n`).objects[0]!.declaredNamespace, 'n');
  });

  it('flow style collections', () => {
    assertSameAsExact('flow.yaml', manifest('data: {a: "1", b: [x, y]}\nlist: [1, 2,\n  3]\n'));
    assertSameAsExact('flow-map.yaml', '{apiVersion: v1, kind: Service, metadata: {name: f}}\n');
  });

  it('anchors, aliases and tags', () => {
    assertSameAsExact('anchors.yaml', manifest('data:\n  a: &v hello\n  b: *v\n  c: !!str 12\n'));
  });

  it('block scalars of every chomping', () => {
    assertSameAsExact(
      'blocks.yaml',
      manifest(
        'data:\n  clip: |\n    a\n    b\n\n  strip: |-\n    c\n  keep: |+\n    d\n\n  folded: >\n    e\n    f\n  last: x\n',
      ),
    );
  });

  it('documents ended with ... and content on the --- line', () => {
    assertSameAsExact('ends.yaml', `${manifest('')}...\n---\n${manifest('data: {}\n')}...\n`);
    assertSameAsExact(
      'inline.yaml',
      `--- ${JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'i' } })}\n`,
    );
  });

  it('an alias bomb is reported, not expanded', () => {
    const lines = [manifest('data:'), '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const current = String.fromCharCode(97 + level);
      lines.push(`  ${current}: &${current} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const result = assertSameAsExact('bomb.yaml', lines.join('\n'));
    assert.equal(result.objects.length, 0);
    assert.match(result.syntaxProblems[0]!.message, /aliases more than 100 times/);
  });

  it("duplicate keys, with yaml v2's message", () => {
    const result = assertSameAsExact(
      'dup.yaml',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  name: b\n',
    );
    assert.match(result.syntaxProblems[0]!.message, /unique/i);
    // js-yaml also rejects keys that are equal only as strings; yaml v2 keeps both.
    assertSameAsExact('dup-types.yaml', manifest('data:\n  1: a\n  "1": b\n'));
  });

  it('Helm templates are skipped', () => {
    const result = assertSameAsExact(
      'chart.yaml',
      `${manifest('')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "x" . }}\n`,
    );
    assert.equal(result.skipped, 'template');
    assertSameAsExact('quoted.yaml', manifest("data:\n  alert: 'down {{ $labels.instance }}'\n"));
  });

  it('scalars js-yaml resolves differently from yaml v2', () => {
    const result = assertSameAsExact(
      'scalars.yaml',
      manifest(
        'data:\n  a: 0b11\n  b: -0x1F\n  c: 1_000\n  d: 2020-01-01\n  e: yes\n  f: 0o17\n  g: .5\n  h: 1e3\n  i: .NaN\n  j: -.inf\n  k: 010\n  l: ~\n  m: Null\n  n: +12\n  o: 0x1f\n',
      ),
    );
    assert.deepEqual(result.objects[0]!.body.data, {
      a: '0b11',
      b: '-0x1F',
      c: '1_000',
      d: '2020-01-01',
      e: 'yes',
      f: 15,
      g: 0.5,
      h: 1000,
      i: NaN,
      j: -Infinity,
      k: 10,
      l: null,
      m: null,
      n: 12,
      o: 31,
    });
  });

  it('null, empty and complex keys, merge keys, directives', () => {
    assertSameAsExact('null-key.yaml', manifest('data:\n  ~: a\n  null: b\n'));
    assertSameAsExact('flow-null-key.yaml', manifest('spec:\n  egress:\n  - {null}\n  - {a, ~}\n'));
    assertSameAsExact('empty-key.yaml', manifest('data:\n  : a\n'));
    // In flow collections a colon before a flow indicator also ends a key (js-yaml "null", yaml v2 "").
    for (const flow of ['[:]', '[: x]', '[a, :]', '[a,:]', '[ :]', '[:,]', '{:}', '{a, :}', '{a: 1,:}']) {
      assertSameAsExact('flow-empty-key.yaml', manifest(`spec:\n  ingress: ${flow}\n`));
    }
    for (const flow of ['[~:]', '[~: 1]', '[null: 1]', '{null:}', '[[:]]', '[a, {b: c},\n    :]']) {
      assertSameAsExact('flow-null-key.yaml', manifest(`spec:\n  ingress: ${flow}\n`));
    }
    assertSameAsExact('complex-key.yaml', manifest('data:\n  ? [a, b]\n  : c\n  [d]: e\n'));
    // Flow collections as keys inside flow mappings (js-yaml "a", yaml v2 "[ a ]").
    for (const flow of ['{[a]}', '{a, [b]}', '[{[a]}]', '{a: 1, {b}}', '{a: {b: c},\n    [d]}']) {
      assertSameAsExact('flow-collection-key.yaml', manifest(`spec:\n  ingress: ${flow}\n`));
    }
    assertSameAsExact('merge.yaml', manifest('base: &b {x: 1}\ndata:\n  <<: *b\n  y: 2\n'));
    assertSameAsExact('plain-merge.yaml', manifest('data:\n  <<: {x: 1}\n'));
    assertSameAsExact('yaml11.yaml', `%YAML 1.1\n---\n${manifest('data:\n  a: yes\n  b: 0b11\n')}`);
  });

  it('text yaml v2 rejects and js-yaml accepts', () => {
    assertSameAsExact('lone-cr.yaml', manifest('data:\n  a: x\r  b: y\n'));
    // Also where the scan skips text: in quoted scalars and comments (js-yaml: "x y" and a key c).
    assertSameAsExact('lone-cr-double.yaml', manifest('data:\n  a: "x\ry"\n'));
    assertSameAsExact('lone-cr-single.yaml', manifest("data:\n  a: 'x\ry'\n"));
    assertSameAsExact('lone-cr-flow.yaml', manifest('data:\n  a: [b, "x\ry"]\n'));
    assertSameAsExact('lone-cr-comment.yaml', manifest('data:\n  a: b # x\r  c: d\n'));
    assertSameAsExact('quote.yaml', manifest('data:\n  a: "first\n  second"\n'));
    assertSameAsExact('quote-shallow.yaml', manifest('data:\n    a: "first\n  second"\n'));
    assertSameAsExact('flow-shallow.yaml', manifest('data:\n    a: [first,\n  second]\n'));
    // Left open although a nested collection closes on the line.
    assertSameAsExact('flow-nested-shallow.yaml', manifest('data:\n  a: [{b: c},\nd]\n'));
    // A `#` right after a quoted scalar or a flow collection: a comment for js-yaml only.
    for (const value of ['"x"#c', "'x'#c", '[x]#c', '{}#c', '" "#"1"']) {
      assertSameAsExact('hash-after.yaml', manifest(`data:\n  a: ${value}\n  b: y\n`));
    }
    assertSameAsExact('tab.yaml', manifest('data:\n\ta: x\n'));
    assertSameAsExact('dash-tab.yaml', manifest('resources:\n - a.yaml\n -\t b.yaml\n - c.yaml\n'));
  });

  it('an empty sequence item followed by a shallower `-` (js-yaml puts it in the inner sequence)', () => {
    // js-yaml reads `x:\n  - -\n  - a` as {x: [[null, 'a']]}, yaml v2 as {x: [[null], 'a']}.
    const first = assertSameAsExact('empty-item.yaml', manifest('x:\n  - -\n  - a\n'));
    assert.deepEqual(first.objects[0]!.body.x, [[null], 'a']);
    assertSameAsExact('indentless.yaml', manifest('x:\n- -\n- a\n'));
    assertSameAsExact('deeper.yaml', manifest('x:\n  - - -\n    - a\n'));
    assertSameAsExact('deeper-two.yaml', manifest('x:\n  - - -\n  - a\n'));
    assertSameAsExact('comments.yaml', manifest('x:\n  - - # c\n\n  # d\n# e\n  - a\n'));
    assertSameAsExact('trailing-space.yaml', manifest('x:\n  - -  \n  - a\n'));
    assertSameAsExact('crlf.yaml', manifest('x:\n  - -\n  - a\n').replace(/\n/g, '\r\n'));
    assertSameAsExact('empty-last.yaml', manifest('x:\n  - -\n  -'));
    assertSameAsExact('empty-both.yaml', manifest('x:\n  - -\n  -\n'));
    assertSameAsExact('in-mapping.yaml', manifest('x:\n  - a:\n    -\n  - b\n'));
    // yaml v2 rejects a sequence left of the key's own; js-yaml reads {x: [null, 'b']}.
    assertSameAsExact('left-of-key.yaml', manifest('x:\n  -\n- b\n'));
    // Not the quirk: the same shapes without a shallower `-` stay with the fast tier's readers.
    assertSameAsExact('at-end.yaml', manifest('x:\n  - -\n'));
    assertSameAsExact('at-end-then-key.yaml', manifest('x:\n  - -\ny: 1\n'));
    assertSameAsExact('before-document.yaml', `${manifest('x:\n  - -\n')}---\n- a\n`);
    for (const body of [
      'x:\n  - - a\n  -\n  - - b\n',
      'x:\n  -\n    a: 1\n  -\n  - b\n',
      'x:\n  - -\n    - a\n',
    ]) {
      assert.equal(needsExactTier(manifest(body)), false, body);
      assertSameAsExact('same-column.yaml', manifest(body));
    }
  });

  it('comments, blank lines and empty values around what locate finds', () => {
    assertSameAsExact(
      'comments.yaml',
      `# header\n\n---\n# lead\n${manifest('data:\n  a: x # trailing\n  b: "y" # c\n  c:\n  # inside\n  d:\n    e: 1\n  # after\n')}  # indented tail\n# tail\n`,
    );
    // yaml v2 ends a mapping whose last value is empty and commented after the next line's spaces.
    const emptyLast = manifest('data:\n  a:\n    b: # c\n  d: 1\n').replace(/\n/g, '\r\n');
    assert.equal(
      at(emptyLast, assertSameAsExact('crlf-empty.yaml', emptyLast).objects[0]!.locate(['data', 'a'])),
      'b: # c\r\n  ',
    );
    assertSameAsExact('empty.yaml', '# only a comment\n---\n');
    assertSameAsExact('not-k8s.yaml', 'name: build\non: [push]\n');
  });

  it('steps through documents one at a time', () => {
    const text = `${manifest('')}---\n${manifest('')}---\n${manifest('')}`;
    const steps = parseManifestFileFastInSteps('s.yaml', text);
    let count = 0;
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) {
        assert.equal(step.value.objects.length, 3);
        break;
      }
      count += 1;
    }
    assert.equal(count, 3);
    assert.deepEqual(parseManifestFileFast('b.yaml', 'apiVersion: v1\u0000').skipped, 'binary');
  });
});
