import * as assert from 'node:assert/strict';
import { workloadSelector } from '../../../../src/core/fixes/workloadSelector';
import { analyze } from './fixesFixtures';

/** Deployments in namespace `ns` with these pod template labels (YAML flow maps), by name. */
function deployments(labels: Record<string, string>): ReturnType<typeof analyze> {
  const text = Object.entries(labels)
    .map(
      ([name, map]) =>
        `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ns}\nspec: {template: {metadata: {labels: ${map}}}}\n`,
    )
    .join('---\n');
  return analyze({ 'ns.yaml': text });
}

function selectorOf(labels: Record<string, string>, name: string) {
  const analysis = deployments(labels);
  const workload = analysis.model.workloadsById.get(`Deployment/ns/${name}`);
  assert.ok(workload);
  return workloadSelector(analysis.model, workload);
}

describe('the labels that select one workload', () => {
  it('takes the smallest subset that selects only it, preferring the name label', () => {
    const labels = {
      web: '{app.kubernetes.io/name: web, app.kubernetes.io/part-of: shop, tier: front}',
      api: '{app.kubernetes.io/name: api, app.kubernetes.io/part-of: shop, tier: back}',
    };
    assert.deepEqual(selectorOf(labels, 'web'), {
      labels: { 'app.kubernetes.io/name': 'web' },
      exact: true,
      alsoSelects: [],
    });
  });

  it('keeps the name label when another one alone would be smaller', () => {
    const labels = {
      stable: '{app: cart, track: stable}',
      canary: '{app: cart, track: canary}',
    };
    assert.deepEqual(selectorOf(labels, 'canary').labels, { app: 'cart', track: 'canary' });
  });

  it('does not rest on a version label alone', () => {
    const labels = {
      'reviews-v1': '{app: reviews, version: v1}',
      'reviews-v3': '{app: reviews, version: v3}',
      'details-v1': '{app: details, version: v1}',
      odd: '{version: v9, tier: x}',
    };
    assert.deepEqual(selectorOf(labels, 'reviews-v3').labels, { app: 'reviews', version: 'v3' });
    assert.deepEqual(selectorOf(labels, 'odd').labels, { tier: 'x' });
  });

  it('never selects with no label, even for the only workload of a namespace', () => {
    assert.deepEqual(selectorOf({ only: '{app: only, team: a}' }, 'only').labels, { app: 'only' });
  });

  it('says so when no subset is exact', () => {
    const labels = { a: '{app: same}', b: '{app: same}', c: '{}' };
    assert.deepEqual(selectorOf(labels, 'a'), {
      labels: { app: 'same' },
      exact: false,
      alsoSelects: ['Deployment/ns/b'],
    });
    assert.deepEqual(selectorOf(labels, 'c'), {
      labels: {},
      exact: false,
      alsoSelects: ['Deployment/ns/a', 'Deployment/ns/b'],
    });
  });
});
