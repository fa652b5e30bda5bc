import assert from 'node:assert/strict';
import {
  MAX_EXPORT_LENGTH,
  PROTOCOL_VERSION,
  isHostToWebview,
  isWebviewToHost,
} from '../../../src/shared/protocol';

describe('shared/protocol', () => {
  it('accepts every message the webview sends, well formed', () => {
    for (const message of [
      { type: 'webview/ready', protocolVersion: PROTOCOL_VERSION },
      { type: 'node/reveal', id: 'Service/shop/cart' },
      { type: 'edge/reveal', id: 'calls:a->b:80' },
      { type: 'edge/reveal', id: 'calls:a->b:80', evidence: 2 },
      { type: 'object/reveal', id: 'NetworkPolicy/shop/allow' },
      { type: 'node/selected', id: 'Service/shop/cart', origin: 'editor' },
      { type: 'node/selected', id: null, origin: 'user' },
      { type: 'graph/rendered', revision: 1, nodeCount: 2, edgeCount: 3 },
      { type: 'graph/rendered', revision: 1, nodeCount: 2, edgeCount: 3, layoutMs: 4.5 },
      { type: 'export/save', format: 'png', data: 'iVBORw0KGgo=' },
      { type: 'export/save', format: 'svg', data: '<svg/>' },
      { type: 'webview/error', message: 'x' },
    ]) {
      assert.ok(isWebviewToHost(message), JSON.stringify(message));
    }
  });

  it('rejects malformed or unknown messages from the webview (it is not trusted)', () => {
    for (const message of [
      null,
      'node/reveal',
      { type: 'node/reveal' },
      { type: 'node/reveal', id: '' },
      { type: 'node/reveal', id: 'x'.repeat(1025) },
      { type: 'edge/reveal', id: 'e', evidence: -1 },
      { type: 'edge/reveal', id: 'e', evidence: 1.5 },
      { type: 'node/selected', id: 'a', origin: 'script' },
      { type: 'export/save', format: 'pdf', data: 'x' },
      { type: 'export/save', format: 'png', data: '' },
      { type: 'export/save', format: 'png', data: { length: 1 } },
      { type: 'file/open', path: '/etc/passwd' },
    ]) {
      assert.ok(!isWebviewToHost(message), JSON.stringify(message));
    }
    assert.ok(
      !isWebviewToHost({ type: 'export/save', format: 'svg', data: 'x'.repeat(MAX_EXPORT_LENGTH + 1) }),
    );
  });

  it('narrows host messages in the webview', () => {
    const graph = { nodes: [], edges: [] };
    assert.ok(
      isHostToWebview({ type: 'graph/didChange', revision: 1, graph, config: { largeGraphThreshold: 300 } }),
    );
    assert.ok(!isHostToWebview({ type: 'graph/didChange', revision: 1, graph }), 'config is required');
    assert.ok(isHostToWebview({ type: 'editor/didSelect', id: null }));
    assert.ok(isHostToWebview({ type: 'editor/didSelect', id: 'Service/a/b' }));
    assert.ok(!isHostToWebview({ type: 'editor/didSelect', id: 3 }));
    assert.ok(isHostToWebview({ type: 'export/didFinish', format: 'svg', outcome: 'cancelled' }));
    assert.ok(!isHostToWebview({ type: 'export/didFinish', format: 'svg', outcome: 'maybe' }));
    assert.ok(!isHostToWebview({ type: 'unknown' }));
  });
});
