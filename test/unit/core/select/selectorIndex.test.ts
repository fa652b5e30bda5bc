import * as assert from 'node:assert/strict';
import {
  matchesSelector,
  readLabelSelector,
  SELECT_NOTHING,
  type LabelSelector,
} from '../../../../src/core/select/labelSelector';
import { SelectorIndex } from '../../../../src/core/select/selectorIndex';
import { seededRandom } from '../parse/seededRandom';

interface Policy {
  readonly name: string;
  readonly selector: LabelSelector;
}

const policy = (name: string, selector: unknown): Policy => ({ name, selector: readLabelSelector(selector) });
const names = (policies: Policy[]) => policies.map((p) => p.name);

describe('SelectorIndex', () => {
  const policies = [
    policy('all', {}),
    policy('cart', { matchLabels: { app: 'cart' } }),
    policy('cart-or-web', {
      matchExpressions: [{ key: 'app', operator: 'In', values: ['cart', 'web', 'cart'] }],
    }),
    policy('not-web', { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] }),
    policy('backend-cart', { matchLabels: { tier: 'backend', app: 'cart' } }),
    policy('nothing', SELECT_NOTHING),
    policy('in-none', { matchExpressions: [{ key: 'app', operator: 'In', values: [] }] }),
  ];
  const index = new SelectorIndex(policies, (p) => p.selector);

  it('finds filed and unfiled selectors, each once, in the order given', () => {
    assert.deepEqual(names(index.matching({ app: 'cart', tier: 'backend' })), [
      'all',
      'cart',
      'cart-or-web',
      'not-web',
      'backend-cart',
    ]);
    assert.deepEqual(names(index.matching({ app: 'web' })), ['all', 'cart-or-web']);
    assert.deepEqual(names(index.matching({})), ['all', 'not-web']);
  });

  it('answers exactly as testing every selector does, on random selectors and labels', () => {
    const random = seededRandom(7);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
    const keys = ['app', 'tier', 'team', 'version'];
    const values = ['a', 'b', 'c'];
    const randomLabels = () => {
      const labels: Record<string, string> = {};
      for (const key of keys) if (random() < 0.6) labels[key] = pick(values);
      return labels;
    };
    const randomSelector = (): LabelSelector => {
      const matchLabels = random() < 0.5 ? randomLabels() : {};
      const matchExpressions = Array.from({ length: Math.floor(random() * 3) }, () => ({
        key: pick(keys),
        operator: pick(['In', 'NotIn', 'Exists', 'DoesNotExist'] as const),
        values: Array.from({ length: Math.floor(random() * 3) }, () => pick(values)),
      }));
      return { matchLabels, matchExpressions };
    };
    const randomPolicies = Array.from({ length: 200 }, (_, i) => ({
      name: `p${i}`,
      selector: randomSelector(),
    }));
    const randomIndex = new SelectorIndex(randomPolicies, (p) => p.selector);
    for (let i = 0; i < 500; i++) {
      const labels = randomLabels();
      const expected = randomPolicies.filter((p) => matchesSelector(p.selector, labels));
      assert.deepEqual(names(randomIndex.matching(labels)), names(expected), JSON.stringify(labels));
    }
  });
});
