import * as assert from 'node:assert/strict';
import { LabelIndex } from '../../../../src/core/select/labelIndex';
import { readLabelSelector } from '../../../../src/core/select/labelSelector';

describe('LabelIndex', () => {
  interface Item {
    name: string;
    labels: Record<string, string>;
  }
  const index = new LabelIndex<Item>((item) => item.labels);
  index.add('a', { name: 'cart', labels: { app: 'cart', tier: 'backend' } });
  index.add('a', { name: 'web', labels: { app: 'web', tier: 'frontend' } });
  index.add('b', { name: 'cart-b', labels: { app: 'cart' } });
  const names = (items: Item[]) => items.map((item) => item.name);

  it('answers matchLabels within the namespace only', () => {
    assert.deepEqual(names(index.select('a', readLabelSelector({ matchLabels: { app: 'cart' } }))), ['cart']);
    assert.deepEqual(names(index.select('b', readLabelSelector({ matchLabels: { app: 'cart' } }))), [
      'cart-b',
    ]);
    assert.deepEqual(names(index.select('c', readLabelSelector({}))), []);
  });

  it('applies expressions on top of the posting list, and scans for expression-only selectors', () => {
    const selector = readLabelSelector({
      matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['backend'] }],
    });
    assert.deepEqual(names(index.select('a', selector)), ['web']);
    assert.deepEqual(names(index.select('a', readLabelSelector({}))), ['cart', 'web']);
  });

  it('returns nothing for a label no item carries', () => {
    assert.deepEqual(names(index.select('a', readLabelSelector({ matchLabels: { app: 'nope' } }))), []);
  });
});
