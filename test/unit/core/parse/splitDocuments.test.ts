import * as assert from 'node:assert/strict';
import { splitDocuments } from '../../../../src/core/parse/splitDocuments';

function chunks(text: string): string[] {
  return splitDocuments(text).map((span) => text.slice(span.start, span.end));
}

describe('splitDocuments', () => {
  it('cuts at --- lines and keeps every character', () => {
    const text = 'a: 1\n---\nb: 2\n--- # third\nc: 3\n';
    assert.deepEqual(chunks(text), ['a: 1\n', '---\nb: 2\n', '--- # third\nc: 3\n']);
    assert.equal(chunks(text).join(''), text);
  });

  it('does not cut at ---x or at an indented ---', () => {
    assert.deepEqual(chunks('a: ---x\n---x: 1\n  ---\n'), ['a: ---x\n---x: 1\n  ---\n']);
  });

  it('keeps directives with the document they introduce', () => {
    const text = 'a: 1\n%YAML 1.2\n---\nb: 2\n';
    assert.deepEqual(chunks(text), ['a: 1\n', '%YAML 1.2\n---\nb: 2\n']);
  });

  it('handles CRLF line ends and a leading ---', () => {
    assert.deepEqual(chunks('---\r\na: 1\r\n---\r\nb: 2'), ['---\r\na: 1\r\n', '---\r\nb: 2']);
  });

  it('returns one empty span for empty text', () => {
    assert.deepEqual(splitDocuments(''), [{ start: 0, end: 0 }]);
  });
});
