import assert from 'node:assert/strict';
import type { NodeSingular } from 'cytoscape';
import {
  LAYERED_NAMESPACE_LIMIT,
  namespaceLayoutOptions,
  presetLayoutOptions,
  topologyLayoutOptions,
} from '../../../webview/layout';

function fakeNode(isParent: boolean, childCount = 0): NodeSingular {
  return { isParent: () => isParent, children: () => ({ length: childCount }) } as unknown as NodeSingular;
}

describe('webview/layout', () => {
  it('packs namespaces with ELK and leaves fitting to the view', () => {
    const options = topologyLayoutOptions(1.5);
    assert.equal(options.name, 'elk');
    assert.equal(options.fit, false);
    assert.equal(options.animate, false);
    assert.equal(options.elk.algorithm, 'rectpacking');
    assert.equal(options.elk['elk.hierarchyHandling'], 'SEPARATE_CHILDREN');
    assert.equal(options.elk['elk.aspectRatio'], 1.5);
  });

  it('clamps the aspect ratio of odd canvases', () => {
    assert.equal(topologyLayoutOptions(0).elk['elk.aspectRatio'], 1.6);
    assert.equal(topologyLayoutOptions(Number.NaN).elk['elk.aspectRatio'], 1.6);
    assert.equal(topologyLayoutOptions(100).elk['elk.aspectRatio'], 4);
    assert.equal(topologyLayoutOptions(0.1).elk['elk.aspectRatio'], 0.5);
  });

  it('lays out a namespace left to right, and packs very large ones as boxes', () => {
    const options = topologyLayoutOptions(1.6);
    assert.deepEqual(options.nodeLayoutOptions(fakeNode(false)), {});
    const small = options.nodeLayoutOptions(fakeNode(true, 12));
    assert.equal(small.algorithm, 'layered');
    assert.equal(small['elk.direction'], 'RIGHT');
    assert.equal(namespaceLayoutOptions(LAYERED_NAMESPACE_LIMIT).algorithm, 'layered');
    assert.equal(namespaceLayoutOptions(LAYERED_NAMESPACE_LIMIT + 1).algorithm, 'box');
  });

  it('puts nodes back where they were for a snapshot with the same nodes', () => {
    const options = presetLayoutOptions(new Map([['Service/shop/cart', { x: 10, y: 20 }]])) as {
      name: string;
      fit: boolean;
      positions: Record<string, { x: number; y: number }>;
    };
    assert.equal(options.name, 'preset');
    assert.equal(options.fit, false);
    assert.deepEqual(options.positions, { 'Service/shop/cart': { x: 10, y: 20 } });
  });
});
