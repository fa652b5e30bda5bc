import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { load } from 'js-yaml';
import { mayNeedExactTier, NOT_SIMPLE, readBlockYaml } from '../../../../src/core/parse/blockYamlReader';
import { needsExactTier } from '../../../../src/core/parse/exactTierTriggers';
import { YAML_V2_CORE_SCHEMA } from '../../../../src/core/parse/fastYamlSchema';
import { splitDocuments } from '../../../../src/core/parse/splitDocuments';
import { seededRandom } from './seededRandom';

// The block YAML reader must give exactly what js-yaml gives (the fast tier's reference, see
// parseManifestFileFast.ts), or bail out: every answer it gives is compared with js-yaml's. And
// when it reads a document without raising its hint, needsExactTier must answer false for it (the
// fast tier then skips that pass): checked on every document read here too.

const repo = path.join(__dirname, '../../../..');
const sharedCorpus = path.join(repo, '../shared/corpus');

function yamlFiles(directory: string): string[] {
  if (!fs.existsSync(directory)) return [];
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/i.test(entry.name) ? [full] : [];
  });
}

type JsYamlResult = { value: unknown } | { error: string };

function jsYaml(chunk: string): JsYamlResult {
  try {
    return { value: load(chunk, { schema: YAML_V2_CORE_SCHEMA }) };
  } catch (error) {
    return { error: String(error) };
  }
}

/** Fails when the reader read `text.slice(start, end)` unhinted but needsExactTier would take it. */
function checkHint(name: string, text: string, start: number, end: number): void {
  if (mayNeedExactTier() || !needsExactTier(text, start, end)) return;
  assert.fail(
    `${name}@${start}: read without a hint, but needsExactTier takes it:\n${text.slice(start, end)}`,
  );
}

/**
 * Reads every document of `text` and checks each answer against js-yaml: the same value when the
 * reader reads it, and a bail whenever js-yaml throws; and the hint against needsExactTier. Returns
 * how many it read (and of those, how many with the hint raised) and bailed on.
 */
function checkDocuments(name: string, text: string): { read: number; hinted: number; bailed: number } {
  let read = 0;
  let hinted = 0;
  let bailed = 0;
  for (const span of splitDocuments(text)) {
    const actual = readBlockYaml(text, span.start, span.end);
    if (actual === NOT_SIMPLE) {
      bailed += 1;
      continue;
    }
    read += 1;
    if (mayNeedExactTier()) hinted += 1;
    checkHint(name, text, span.start, span.end);
    const chunk = text.slice(span.start, span.end);
    const expected = jsYaml(chunk);
    if ('error' in expected) assert.fail(`${name}@${span.start}: js-yaml throws (${expected.error})`);
    if (!isDeepStrictEqual(actual, expected.value)) {
      assert.deepStrictEqual(actual, expected.value, `${name}@${span.start}:\n${chunk}`);
    }
  }
  return { read, hinted, bailed };
}

/** The reader reads `text` (does not bail) and gives what js-yaml gives; returns the value. */
function reads(text: string): unknown {
  const actual = readBlockYaml(text, 0, text.length);
  assert.notEqual(actual, NOT_SIMPLE, `bailed on ${JSON.stringify(text)}`);
  checkHint(JSON.stringify(text), text, 0, text.length);
  const expected = jsYaml(text);
  assert.ok('value' in expected, `js-yaml throws on ${JSON.stringify(text)}`);
  assert.deepStrictEqual(actual, expected.value, JSON.stringify(text));
  return actual;
}

function bails(text: string): void {
  assert.equal(readBlockYaml(text, 0, text.length), NOT_SIMPLE, JSON.stringify(text));
}

/** A random block YAML document of the reader's kind, with its edge cases (and some beyond). */
function generatedDocument(next: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const scalars = ['a', 'b c', '1', '-1', '0x1F', '010', '.5', '~', 'true', '"q"', "'it''s'", '"a\\"b"'];
  scalars.push('x#y', 'x #c', 'k:v', '[]', '{}', '[a, "b", 1]', '[a,]', '-', ':x', '"x" # c', 'é', 'a  ');
  const keys = ['a', 'b', 'name', 'c d', '1', '"q"', "'s'", 'k:v', 'true', '~', '0x1'];
  const blockScalar = (indent: number): string => {
    const contentIndent = indent + 1 + Math.floor(next() * 3);
    let text = `${pick(['|', '|-', '|+', '>', '>-', '>+', '| # c'])}\n`;
    for (let line = 0, lines = 1 + Math.floor(next() * 5); line < lines; line++) {
      const kind = next();
      if (kind < 0.2) text += `${' '.repeat(Math.floor(next() * (contentIndent + 3)))}\n`;
      else if (kind < 0.35) text += `${' '.repeat(contentIndent + 1)}${pick(['more', '\tt'])}\n`;
      else text += `${' '.repeat(contentIndent)}${pick(['line', 'a: b', '# no comment', '- x'])}\n`;
    }
    return text;
  };
  const value = (indent: number, depth: number): string => {
    const kind = next();
    if (depth > 3 || kind < 0.45) return ` ${pick(scalars)}\n`;
    if (kind < 0.55) return ` ${blockScalar(indent)}`;
    if (kind < 0.6) return '\n';
    const deeper = next() < 0.15 ? indent : indent + 1 + Math.floor(next() * 3);
    if (kind < 0.8) return `\n${mapping(deeper, depth + 1)}`;
    return `\n${sequence(next() < 0.5 ? indent : deeper, depth + 1)}`;
  };
  const mapping = (indent: number, depth: number): string => {
    let text = '';
    for (let entry = 0, entries = 1 + Math.floor(next() * 4); entry < entries; entry++) {
      if (next() < 0.1) text += `${' '.repeat(Math.floor(next() * 6))}# c\n`;
      text += `${' '.repeat(indent)}${pick(keys)}:${value(indent, depth)}`;
    }
    return text;
  };
  const sequence = (indent: number, depth: number): string => {
    let text = '';
    for (let item = 0, items = 1 + Math.floor(next() * 3); item < items; item++) {
      const kind = next();
      if (kind < 0.3) text += `${' '.repeat(indent)}- ${mapping(indent + 2, depth + 1).slice(indent + 2)}`;
      else if (kind < 0.4)
        text += `${' '.repeat(indent)}- ${sequence(indent + 2, depth + 1).slice(indent + 2)}`;
      else text += `${' '.repeat(indent)}-${value(indent, depth)}`;
    }
    return text;
  };
  const text =
    (next() < 0.2 ? '---\n' : '') + (next() < 0.2 ? sequence(0, 0) : mapping(next() < 0.1 ? 2 : 0, 0));
  return next() < 0.1 ? text.replace(/\n/g, '\r\n') : text;
}

describe('readBlockYaml: same as js-yaml or a bail', () => {
  it('on every document of the shared corpus', function () {
    const files = yamlFiles(sharedCorpus);
    if (files.length === 0) this.skip();
    let read = 0;
    let hinted = 0;
    let bailed = 0;
    for (const file of files) {
      const counts = checkDocuments(path.relative(sharedCorpus, file), fs.readFileSync(file, 'utf8'));
      read += counts.read;
      hinted += counts.hinted;
      bailed += counts.bailed;
    }
    // 645 of 688 when written (the rest: multi-line scalars, flow mappings, templates, and block
    // scalars that needsExactTier takes), 2 of them with the hint raised (needsExactTier must run).
    assert.ok(read > 0.9 * (read + bailed), `read ${read} documents, bailed on ${bailed}`);
    assert.ok(hinted < 0.05 * read, `hint raised on ${hinted} of ${read} documents read`);
  });

  it('on every document of the test fixtures', () => {
    const files = yamlFiles(path.join(repo, 'test/fixtures'));
    assert.ok(files.length > 5);
    let read = 0;
    for (const file of files) {
      read += checkDocuments(path.relative(repo, file), fs.readFileSync(file, 'utf8')).read;
    }
    assert.ok(read > 10, `read ${read} documents`);
  });

  it('on mutated corpus documents', function () {
    const texts = yamlFiles(sharedCorpus)
      .map((file) => fs.readFileSync(file, 'utf8'))
      .filter((text) => text.length < 20_000);
    if (texts.length === 0) this.skip();
    const tokens = [
      '\t',
      ' ',
      '  ',
      '"',
      "'",
      ':',
      ': ',
      '- ',
      '- -\n',
      '-\n',
      '#',
      ' #',
      '\n',
      '\n  ',
      '{',
      '}',
      '[',
      ']',
      ',',
      '|',
      '>-',
      '|+',
      '? ',
      '*a',
      '&a ',
      '!!str ',
      '---\n',
      '...\n',
      '\\',
      '\r\n',
      '\r',
      '0x1',
      '~',
      '<<',
      '__proto__',
      '\u0001',
    ];
    const next = seededRandom(11);
    let read = 0;
    let bailed = 0;
    for (let n = 0; n < 600; n++) {
      let text = texts[Math.floor(next() * texts.length)]!;
      for (let edit = 0, edits = 1 + Math.floor(next() * 3); edit < edits; edit++) {
        const at = Math.floor(next() * text.length);
        const kind = next();
        if (kind < 0.6)
          text = text.slice(0, at) + tokens[Math.floor(next() * tokens.length)]! + text.slice(at);
        else if (kind < 0.8) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
        else {
          const lineStart = text.lastIndexOf('\n', at) + 1;
          text =
            text.slice(0, lineStart) +
            (next() < 0.5 ? '  ' : '') +
            text.slice(lineStart + (next() < 0.5 ? 2 : 0));
        }
      }
      const counts = checkDocuments(`mutation-${n}.yaml`, text);
      read += counts.read;
      bailed += counts.bailed;
    }
    assert.ok(read > 0 && bailed > 0, `read ${read} documents, bailed on ${bailed}`);
  });
});

describe('readBlockYaml: generated documents', () => {
  it('reads random block YAML as js-yaml does, or bails', () => {
    const next = seededRandom(5);
    let read = 0;
    for (let n = 0; n < 4000; n++)
      read += checkDocuments(`generated-${n}.yaml`, generatedDocument(next)).read;
    assert.ok(read > 1000, `read ${read} of 4000 documents`);
  });
});

describe('readBlockYaml: what it reads', () => {
  it('nested block mappings and sequences, compact and indentless', () => {
    assert.deepEqual(reads('a:\n  b:\n    c: 1\n  d: x\ne: y\n'), { a: { b: { c: 1 }, d: 'x' }, e: 'y' });
    assert.deepEqual(reads('- name: a\n  value: b\n-   name: c\n    ports:\n    - 80\n'), [
      { name: 'a', value: 'b' },
      { name: 'c', ports: [80] },
    ]);
    assert.deepEqual(reads('key:\n- a\n- b\nother: 1\n'), { key: ['a', 'b'], other: 1 });
    assert.deepEqual(reads('- - a\n  - b\n- - - c\n'), [['a', 'b'], [['c']]]);
    assert.deepEqual(reads('-\n  a: 1\n- \n  - x\n'), [{ a: 1 }, ['x']]);
    reads('  indented: top\n  level: 1\n');
    reads('- a:\n  - x\n  b: 1\n');
    reads('a:\n    deep: 1\nb: 2\n');
  });

  it('empty values as null', () => {
    assert.deepEqual(reads('a:\nb:\n  c:\nd: ~\n'), { a: null, b: { c: null }, d: null });
    assert.deepEqual(reads('-\n- a\n-\n'), [null, 'a', null]);
    assert.deepEqual(reads('- a:\n  b: 1\n'), [{ a: null, b: 1 }]);
  });

  it('plain scalars: comments, # and : inside', () => {
    assert.deepEqual(reads('a: b#c\nd: e # f\ng: key:value\nh: http://x:80/y?q=1#top\ni: a b  c   \n'), {
      a: 'b#c',
      d: 'e',
      g: 'key:value',
      h: 'http://x:80/y?q=1#top',
      i: 'a b  c',
    });
    assert.deepEqual(reads('a: -x\nb: ?y\nc: ---\nd: "x"\ne: a "b" c\n'), {
      a: '-x',
      b: '?y',
      c: '---',
      d: 'x',
      e: 'a "b" c',
    });
    assert.deepEqual(reads('key:value: 1\n'), { 'key:value': 1 });
  });

  it('numbers, nulls and bools as YAML_V2_CORE_SCHEMA resolves them', () => {
    const data = reads(
      'a: 010\nb: 0o17\nc: 1e3\nd: .5\ne: +1\nf: 0x1F\ng: 1_000\nh: .inf\ni: -.Inf\nj: .NaN\nk: ~\nl: "true"\nm: true\nn: TRUE\no: yes\np: -0\nq: 0b11\nr: 1.\ns: -1.5e-3\nt: 12345678901234567890\nu: Null\nv: nULL\nw: -0x1\n',
    );
    assert.deepEqual(data, {
      a: 10,
      b: 15,
      c: 1000,
      d: 0.5,
      e: 1,
      f: 31,
      g: '1_000',
      h: Infinity,
      i: -Infinity,
      j: NaN,
      k: null,
      l: 'true',
      m: true,
      n: true,
      o: 'yes',
      p: -0,
      q: '0b11',
      r: 1,
      s: -0.0015,
      t: 1.2345678901234567e19,
      u: null,
      v: 'nULL',
      w: '-0x1',
    });
    assert.deepEqual(reads('- 1\n- [1, true, ~, x, "2"]\n'), [1, [1, true, null, 'x', '2']]);
  });

  it('keys made strings as js-yaml makes them', () => {
    assert.deepEqual(Object.keys(reads('1: a\n0x1F: b\ntrue: c\n~: d\n1.5: e\n.inf: f\nz: g\n')!), [
      '1',
      '31',
      'true',
      'null',
      '1.5',
      'Infinity',
      'z',
    ]);
    assert.deepEqual(reads('"quoted key": 1\n\'single\': 2\na b: 3\n"x": y\n'), {
      'quoted key': 1,
      single: 2,
      'a b': 3,
      x: 'y',
    });
    // Integer-like keys come first in both (V8 orders them so).
    assert.deepEqual(Object.keys(reads('b: 1\n2: 2\na: 3\n1: 4\n')!), ['1', '2', 'b', 'a']);
  });

  it('quoted scalars on one line, with escapes', () => {
    assert.deepEqual(
      reads(
        'a: "q\\"b\\\\c\\n\\t\\/"\nb: \'it\'\'s\'\nc: ""\nd: \'\'\ne: "#no comment" # comment\nf: "\\x41\\u00e9\\U0001F600\\0\\e\\N\\_"\ng: \'\\n\'\n',
      ),
      {
        a: 'q"b\\c\n\t/',
        b: "it's",
        c: '',
        d: '',
        e: '#no comment',
        f: 'A\u00e9\u{1F600}\u0000\u001b\u0085\u00a0',
        g: '\\n',
      },
    );
    assert.deepEqual(reads('- "a": 1\n  b: "2"\n'), [{ a: 1, b: '2' }]);
  });

  it('comments and blank lines anywhere between nodes', () => {
    reads(
      '# head\n\n---   # marker\n# lead\na: 1 # trailing\n  # indented\n\nb:\n# column 0\n  - x\n  # between\n  - y\n# tail\n',
    );
  });

  it('CRLF line ends', () => {
    assert.deepEqual(reads('a: b\r\nc:\r\n  - d # e\r\n\r\nf: |\r\n  x\r\n\r\n  y\r\ng: "h"\r\n'), {
      a: 'b',
      c: ['d'],
      f: 'x\n\ny\n',
      g: 'h',
    });
  });

  it('literal and folded block scalars of every chomping', () => {
    const data = reads(
      'a: |\n  x\n   y\n\n  z\n\n\nb: |-\n  x\n\nc: |+\n  x\n\n\nd: >\n  one\n  two\n\n  three\n    more\n  four\ne: >-\n  x\n  y\nf: >+\n  x\n\ng: | # comment\n  x\nh: |\nz: 1\n',
    );
    assert.deepEqual(data, {
      a: 'x\n y\n\nz\n',
      b: 'x',
      c: 'x\n\n\n',
      d: 'one two\nthree\n  more\nfour\n',
      e: 'x y',
      f: 'x\n\n',
      g: 'x\n',
      h: '',
      z: 1,
    });
    reads('- |\n  in a sequence\n- >\n  folded\n  here\n-   x: |+\n      kept\n\n');
    reads('a: |+\n  kept at the end\n\n\n');
    reads('a: >\n  \n\n  leading blank lines\n   more\n  \n  back\n');
    // A blank line before the first content line may raise the indentation.
    reads('a: |\n  \n    more spaces than the blank line\n');
    reads('a: |\n  \tx\n  tab after the indentation\n');
  });

  it('empty and one-line flow collections', () => {
    assert.deepEqual(
      reads('a: {}\nb: []\nc: [ ]\nd: { }\ne: ["--port", "8080"]\nf: [a, b,]\ng: [ a b ,c]\n'),
      {
        a: {},
        b: [],
        c: [],
        d: {},
        e: ['--port', '8080'],
        f: ['a', 'b'],
        g: ['a b', 'c'],
      },
    );
    reads('- []\n- {} # empty\n');
  });

  it('empty and comment-only documents', () => {
    assert.equal(reads('---\n'), null);
    assert.equal(reads('# only a comment\n'), null);
    assert.equal(reads(''), undefined);
    assert.equal(reads('  \n'), undefined);
    assert.equal(reads('\n\n'), null);
    assert.equal(reads('--- # c\n# d\n'), null);
  });

  it('a span inside a file, not the whole text', () => {
    const text = 'a: 1\n---\nb: [x]\nc: |\n  y\n---\nd: 2\n';
    const [, second] = splitDocuments(text);
    assert.deepEqual(readBlockYaml(text, second!.start, second!.end), { b: ['x'], c: 'y\n' });
  });
});

describe('readBlockYaml: where it bails', () => {
  it('anchors, aliases, tags, complex and merge keys, __proto__', () => {
    bails('a: &x 1\nb: *x\n');
    bails('a: !!str 1\n');
    bails('? a\n: b\n');
    bails('a:\n  <<: {x: 1}\n');
    bails('a: 1\n__proto__: 2\n');
  });

  it('duplicate keys, also equal only as strings', () => {
    bails('a: 1\na: 2\n');
    bails('1: a\n"1": b\n');
  });

  it('tabs in indentation or between tokens', () => {
    bails('a:\n\tb: 1\n');
    bails('a:\tb\n');
    bails('- a\n-\tb\n');
    bails('a: b\tc\n');
    bails('a: >\n\tx\n');
  });

  it('multi-line plain and quoted scalars', () => {
    bails('a: first\n  second\n');
    bails('a: "first\n  second"\n');
    bails("a: 'first\n  second'\n");
    bails('a:\n  on the next line\n');
    bails('a: [x,\n  y]\n');
    bails('a: "x\\\n  y"\n');
  });

  it('flow mappings and nested flow collections', () => {
    bails('a: {b: 1}\n');
    bails('a: [[x]]\n');
    bails('a: [x: 1]\n');
    bails('a: [x, # c\n  ]\n');
    bails('{"apiVersion": "v1"}\n');
  });

  it('directives, document markers inside, content on the --- line', () => {
    bails('%YAML 1.2\n---\na: 1\n');
    bails('a: 1\n---\nb: 2\n');
    bails('a: 1\n...\n');
    bails('--- a: 1\n');
    bails('---x\n');
  });

  it('explicit indentation and odd block scalar headers', () => {
    bails('a: |2\n   x\n');
    bails('a: |-2\n  x\n');
    bails('a: |x\n  y\n');
    bails('a: |#c\n  y\n');
    // js-yaml rejects this one: the blank line's spaces set the indentation.
    bails('a: |\n    \n  less than the blank line\n');
  });

  it('what js-yaml rejects', () => {
    bails('a: b: c\n');
    bails('a: 1\n  b: 2\n');
    bails('a: "x" y\n');
    bails('- a\nb: 1\n');
    bails('a: @b\n');
    bails('a: "\\q"\n');
    bails('a: [,]\n');
  });

  it('unusual characters: control characters, lone CR, byte order mark, non-BMP text', () => {
    bails('a: b\u0001\n');
    bails('a: b\rc: d\n');
    bails('\ufeffa: 1\n');
    bails('a: \u{1F600}\n');
  });

  it("js-yaml's own reading of an empty item followed by a shallower one", () => {
    // js-yaml gives [[null, 'a']], as if `- a` were indented like the inner `-`.
    bails('- -\n- a\n');
    bails('x:\n  - -\n  - a\n');
    assert.deepEqual(reads('- -\n  - a\n'), [[null, 'a']]);
    assert.deepEqual(reads('- -\n'), [[null]]);
  });

  it('top-level scalars and spaces before a colon', () => {
    bails('just a string\n');
    bails('a : 1\n');
  });
});

describe('readBlockYaml: the hint that needsExactTier must still look', () => {
  const flagged = (text: string) => readBlockYaml(text, 0, text.length) === NOT_SIMPLE || mayNeedExactTier();

  it('raised (or a bail) wherever needsExactTier takes the document', () => {
    const documents = [
      // Alias, anchor, tag, quote and flow starts after a node boundary inside plain scalars.
      'a: b *c\n',
      'a: b &c\n',
      'a: b !c\n',
      'a: "b"#c\n',
      'a: b"c"#d\n',
      '- [a"b"#c]\n',
      'a: b {[c]}\n',
      'a: x:*y\n',
      'a: b,*c\n',
      'a *b: c\n',
      'a: b "c\n',
      "a: b 'c\n",
      'a: x "b #c" *d\n',
      'a: b [c\n',
      'a: b {null}\n',
      'a: {} # {null}\n',
      // Explicit key marks, colons before flow indicators, a value ending in ` -`.
      'a: b ? c\n',
      'a: b ?\n',
      'a: b-? c # d\n',
      'a: x,:]\n',
      'a: :{\n',
      '- a: b -\n- c\n',
      '- a: b - # c\n- c\n',
      // Keys ending in a flow indicator, `?`, `-`, a null word or a Unicode space; a leading colon.
      'a-: b\n',
      'a]: b\n',
      'a}: b\n',
      'a?: b\n',
      'a,: b\n',
      'a ~: b\n',
      'a null: b\n',
      'x,NULL: b\n',
      'a\u00a0: b\n',
      ':x: 1\n',
      // Flow sequences, and block scalars (needsExactTier's own pass, down to the document end).
      '- [a *b]\n',
      '- [a ? b]\n',
      '- [a-? b]\n',
      'a: |\n  x *y\nb: 1\n',
      '- a: |\n    x -\n- b\n',
    ];
    for (const text of documents) {
      assert.ok(needsExactTier(text), `needsExactTier takes ${JSON.stringify(text)}`);
      assert.ok(flagged(text), `no hint on ${JSON.stringify(text)}`);
    }
  });

  it('down on what needsExactTier passes, so that it need not run', () => {
    const documents = [
      "fieldPath: metadata.labels['app.kubernetes.io/component']\n",
      'description: in {$labels.namespace} namespace, see [docs](http://x)\n',
      'command: echo "hi" # c\n',
      "a: b 'c' d\n",
      'a: {}  \r\nb: [x, "y", 1] # [\n',
      'protocol: TCP\nnull-ish: x\nurl: http://x:80/?q=a&b=*\n',
      'a: x-y\nb: -c\n',
      '- -\n  - a\n-\n- b\n',
      'a: |\n  echo "x" y # z\nb: 1\n',
    ];
    for (const text of documents) {
      assert.equal(needsExactTier(text), false, JSON.stringify(text));
      reads(text);
      assert.equal(mayNeedExactTier(), false, `hint on ${JSON.stringify(text)}`);
    }
  });
});
