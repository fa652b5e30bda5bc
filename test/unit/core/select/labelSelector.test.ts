import * as assert from 'node:assert/strict';
import {
  formatSelector,
  matchesSelector,
  readLabelSelector,
  selectorFromMap,
} from '../../../../src/core/select/labelSelector';

describe('label selectors', () => {
  const pod = { app: 'cart', tier: 'backend' };

  it('matchLabels is equality on every key', () => {
    assert.equal(matchesSelector(readLabelSelector({ matchLabels: { app: 'cart' } }), pod), true);
    assert.equal(
      matchesSelector(readLabelSelector({ matchLabels: { app: 'cart', tier: 'web' } }), pod),
      false,
    );
  });

  it('an empty selector selects everything', () => {
    assert.equal(matchesSelector(readLabelSelector({}), pod), true);
    assert.equal(matchesSelector(readLabelSelector(undefined), {}), true);
  });

  it('In / NotIn / Exists / DoesNotExist follow apimachinery', () => {
    const check = (expression: object, labels: Record<string, string>) =>
      matchesSelector(readLabelSelector({ matchExpressions: [expression] }), labels);
    assert.equal(check({ key: 'tier', operator: 'In', values: ['backend', 'db'] }, pod), true);
    assert.equal(check({ key: 'tier', operator: 'In', values: ['db'] }, pod), false);
    assert.equal(check({ key: 'zone', operator: 'In', values: ['a'] }, pod), false);
    assert.equal(check({ key: 'tier', operator: 'NotIn', values: ['backend'] }, pod), false);
    assert.equal(
      check({ key: 'zone', operator: 'NotIn', values: ['a'] }, pod),
      true,
      'missing key matches NotIn',
    );
    assert.equal(check({ key: 'tier', operator: 'Exists' }, pod), true);
    assert.equal(check({ key: 'zone', operator: 'Exists' }, pod), false);
    assert.equal(check({ key: 'zone', operator: 'DoesNotExist' }, pod), true);
    assert.equal(check({ key: 'app', operator: 'DoesNotExist' }, pod), false);
  });

  it('matchLabels and matchExpressions are ANDed', () => {
    const selector = readLabelSelector({
      matchLabels: { app: 'cart' },
      matchExpressions: [{ key: 'tier', operator: 'In', values: ['web'] }],
    });
    assert.equal(matchesSelector(selector, pod), false);
  });

  it('a malformed selector selects nothing', () => {
    assert.equal(
      matchesSelector(readLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Near' }] }), pod),
      false,
    );
    assert.equal(matchesSelector(readLabelSelector('app=cart'), pod), false);
    assert.equal(matchesSelector(selectorFromMap(['app']), pod), false);
  });

  it('stringifies non-string label values like the API server', () => {
    assert.equal(matchesSelector(selectorFromMap({ version: 2 }), { version: '2' }), true);
  });

  it('formats selectors for people', () => {
    assert.equal(
      formatSelector(
        readLabelSelector({
          matchLabels: { app: 'a' },
          matchExpressions: [
            { key: 't', operator: 'In', values: ['x', 'y'] },
            { key: 'e', operator: 'Exists' },
          ],
        }),
      ),
      'app=a, t in (x,y), e',
    );
    assert.equal(formatSelector(readLabelSelector({})), '(everything)');
  });
});
