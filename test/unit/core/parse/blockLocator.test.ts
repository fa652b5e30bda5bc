import * as assert from 'node:assert/strict';
import {
  documentContentSpan,
  isContentFree,
  locateInBlock,
  locateSequenceItem,
} from '../../../../src/core/parse/blockLocator';
import { needsExactTier } from '../../../../src/core/parse/exactTierTriggers';

const slice = (text: string, span: [number, number] | undefined) => (span ? text.slice(...span) : undefined);

describe('blockLocator', () => {
  const text =
    'kind: Deployment\nmetadata:\n  name: web # the name\nspec:\n  template:\n    spec:\n      containers:\n      - name: main\n        env:\n          - name: A\n            value: "x:1"\n          - name: B\n            value: plain text\n        args: [a, b]\n        script: |\n          echo hi\n\n      volumes: []\n';

  it('finds one-line scalars and keys through block maps and sequences', () => {
    const env = ['spec', 'template', 'spec', 'containers', 0, 'env'];
    assert.equal(slice(text, locateInBlock(text, 0, ['metadata', 'name'])), 'web');
    assert.equal(slice(text, locateInBlock(text, 0, ['metadata', 'name'], 'key')), 'name');
    assert.equal(slice(text, locateInBlock(text, 0, [...env, 0, 'value'])), '"x:1"');
    assert.equal(slice(text, locateInBlock(text, 0, [...env, 1, 'value'])), 'plain text');
    assert.equal(
      slice(text, locateInBlock(text, 0, [...env, 1])),
      'name: B\n            value: plain text\n',
    );
  });

  it('leaves keys that are not strings in yaml v2 (null, booleans, numbers) to it, and finds words like them', () => {
    for (const key of [
      'null',
      'Null',
      'NULL',
      '~',
      'true',
      'True',
      'TRUE',
      'false',
      'False',
      'FALSE',
      '1',
      '-2.5',
      '.inf',
      '0x1f',
    ]) {
      assert.equal(locateInBlock(`${key}: a\nb: c\n`, 0, ['b']), undefined, key);
    }
    for (const key of ['nulls', 'name', 'trust', 'falsy', 'fa', 'n', 'tr', 'x1', 'nul']) {
      assert.equal(slice(`${key}: a\nb: c\n`, locateInBlock(`${key}: a\nb: c\n`, 0, ['b'])), 'c', key);
    }
  });

  it('spans block scalars and collections the way yaml v2 does, and leaves flow style to it', () => {
    const container = ['spec', 'template', 'spec', 'containers', 0];
    assert.equal(slice(text, locateInBlock(text, 0, [...container, 'script'])), '|\n          echo hi\n');
    assert.equal(locateInBlock(text, 0, [...container, 'args']), undefined);
    assert.equal(locateInBlock(text, 0, [...container, 'args', 0]), undefined);
    assert.equal(locateInBlock(text, 0, ['spec', 'template', 'spec', 'volumes']), undefined);
  });

  it('gives up on multi-line plain scalars, non-string keys and tabs', () => {
    assert.equal(locateInBlock('a: one\n  two\nb: 1\n', 0, ['a']), undefined);
    assert.equal(locateInBlock('1: one\n', 0, ['1']), undefined);
    assert.equal(locateInBlock('a:\n\tb: 1\n', 0, ['a', 'b']), undefined);
  });

  it('reads the top-level span, stopping before trailing column-0 comments', () => {
    const chunk = '---\n# lead\napiVersion: v1\nkind: X\n\n# tail\n';
    assert.equal(slice(chunk, documentContentSpan(chunk)), 'apiVersion: v1\nkind: X');
    assert.equal(documentContentSpan('a: 1\n  # indented tail\n'), undefined);
    assert.equal(documentContentSpan('--- {a: 1}\n'), undefined);
    assert.equal(isContentFree('# c\n\n'), true);
    assert.equal(isContentFree('---\n'), false);
  });

  it('spans List items up to their last content line', () => {
    const list = 'kind: List\nitems:\n- kind: A\n  metadata:\n    name: a\n\n- kind: B\n';
    assert.equal(slice(list, locateSequenceItem(list, 0, ['items'], 0)), 'kind: A\n  metadata:\n    name: a');
    assert.equal(slice(list, locateSequenceItem(list, 0, ['items'], 1)), 'kind: B');
    assert.equal(locateSequenceItem('items:\n- kind: A\n  # note\n- kind: B\n', 0, ['items'], 0), undefined);
  });
});

describe('needsExactTier', () => {
  it('passes plain block YAML, quoted strings and comments with special characters', () => {
    assert.equal(
      needsExactTier("a: \"x * y & z\"\nb: 'it''s'\n# *not an alias: [\nc: [1, 2]\nd: x:y\n"),
      false,
    );
  });

  for (const [what, text] of [
    ['an alias', 'a: *x\n'],
    ['an anchor', 'a: &x 1\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a directive', '%YAML 1.1\n---\na: 1\n'],
    ['a document end', 'a: 1\n...\n'],
    ['content on the --- line', '--- a: 1\n'],
    ['an explicit key', '? a\n: b\n'],
    ['an empty key', 'a:\n  : b\n'],
    ['a null key', 'null: b\n'],
    ['a flow key', '[a]: b\n'],
    ['a lone CR', 'a: 1\rb: 2\n'],
    ['an open double quote', 'a: "x\n  y"\n'],
    ['an open single quote', "a: 'x\n  y'\n"],
    ['an open flow collection', 'a: [x,\n  y]\n'],
  ] as const) {
    it(`sends ${what} to yaml v2`, () => assert.equal(needsExactTier(text), true));
  }

  it('looks only inside the given span', () => {
    const text = 'a: 1\n---\nb: *x\n';
    assert.equal(needsExactTier(text, 0, 5), false);
    assert.equal(needsExactTier(text, 5, text.length), true);
  });
});
