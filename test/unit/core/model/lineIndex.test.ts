import * as assert from 'node:assert/strict';
import { LineIndex } from '../../../../src/core/model/lineIndex';

describe('LineIndex', () => {
  it('converts offsets to 0-based positions with LF, CRLF and CR line ends', () => {
    const index = new LineIndex('ab\ncd\r\nef\rgh');
    assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(index.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(7), { line: 2, character: 0 });
    assert.deepEqual(index.positionAt(10), { line: 3, character: 0 });
    assert.deepEqual(index.positionAt(99), { line: 3, character: 2 });
    assert.equal(index.lineCount, 4);
  });

  it('round-trips positions and offsets', () => {
    const text = 'apiVersion: v1\nkind: Service\n\nmetadata:\n  name: x\n';
    const index = new LineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) {
      assert.equal(index.offsetAt(index.positionAt(offset)), offset);
    }
  });
});
