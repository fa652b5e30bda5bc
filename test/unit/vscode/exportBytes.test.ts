import assert from 'node:assert/strict';
import { exportBytes } from '../../../src/vscode/exportBytes';

// The 8-byte PNG signature followed by an IHDR chunk's start: enough for the check.
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

describe('vscode/exportBytes', () => {
  it('decodes a base64 PNG and checks its signature', () => {
    assert.deepEqual(exportBytes('png', PNG.toString('base64')), new Uint8Array(PNG));
    assert.equal(exportBytes('png', Buffer.from('GIF89a').toString('base64')), undefined);
    assert.equal(exportBytes('png', '***not base64***'), undefined);
  });

  it('takes an SVG document as UTF-8 text, and nothing else', () => {
    const svg =
      '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"><text>ü</text></svg>';
    assert.deepEqual(exportBytes('svg', svg), new TextEncoder().encode(svg));
    assert.ok(exportBytes('svg', '<svg/>'));
    assert.equal(exportBytes('svg', '<html><script>x</script></html>'), undefined);
    assert.equal(exportBytes('svg', '#!/bin/sh\n'), undefined);
  });
});
