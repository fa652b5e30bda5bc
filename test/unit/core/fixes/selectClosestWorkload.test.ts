import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { closestWorkload } from '../../../../src/core/rules/closestWorkload';
import { assertGolden } from '../../../helpers/golden';
import { analyze, type Files } from './fixesFixtures';
import { applyOffer, assertParses, editedTexts, findingKeys, findingsOf, offersOn } from './fixHarness';

const GOLDEN = path.join(__dirname, '../../../fixtures/fixes/select-closest-workload.yaml');

const deployment = (name: string, labels: string) => `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
spec:
  template:
    metadata:
      labels: ${labels}
    spec:
      containers: [{name: main, image: ${name}, ports: [{containerPort: 8080}]}]
`;

const policy = (name: string, matchLabels: string, comment = '') => `---
${comment}apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${name}
  namespace: shop
spec:
  podSelector:
    matchLabels:
${matchLabels}
  policyTypes: [Ingress]
  ingress:
    - from: [{podSelector: {matchLabels: {app: orders}}}]
`;

const WORKLOADS =
  deployment('payments', '{app: payments, tier: backend}') +
  deployment('orders', '{app: orders, tier: backend}') +
  deployment('api-1', '{app: api-1}') +
  deployment('api-2', '{app: api-2}') +
  deployment('cart', '{app: cart}');

const POLICIES =
  policy(
    'payments-allow',
    '      app: paymnts # only checkout\n      tier: backend',
    '# Payments: only checkout.\n',
  ) +
  policy('orders-allow', '      app: "order"\n      tier: backend') +
  policy('api-allow', '      app: api-3') +
  policy('cart-allow', '      app: crat');

const FILES: Files = { 'shop/workloads.yaml': WORKLOADS, 'shop/policies.yaml': POLICIES };

describe('Select <closest workload>', () => {
  const before = analyze(FILES);

  it('is offered as a suggestion when a label typo is the likely cause, and only then', () => {
    const offered = findingsOf(before, 'policy-selects-nothing').map((finding) => {
      const name = /NetworkPolicy '([^']+)'/.exec(finding.message)?.[1];
      return [
        name,
        offersOn(before, FILES, 'policy-selects-nothing', `'${name}'`).map((offer) => [
          offer.title,
          offer.preferred,
        ]),
      ];
    });
    assert.deepEqual(offered, [
      ['payments-allow', [['Select payments (app: paymnts → payments)', false]]],
      ['orders-allow', [['Select orders (app: order → orders)', false]]],
      // api-1 and api-2 are equally close: no way to tell which was meant.
      ['api-allow', []],
      // A transposition in a four-letter value is half of it: another name, not a typo.
      ['cart-allow', []],
    ]);
  });

  it('replaces only the mistyped value, keeping comments and quoting, and then the policy selects the workload', () => {
    const payments = applyOffer(
      before,
      FILES,
      offersOn(before, FILES, 'policy-selects-nothing', "'payments-allow'")[0],
    );
    const orders = applyOffer(
      before,
      FILES,
      offersOn(before, FILES, 'policy-selects-nothing', "'orders-allow'")[0],
    );
    assert.deepEqual(
      payments.edits.map((edit) => [FILES[edit.file]!.slice(edit.start, edit.end), edit.newText]),
      [['paymnts', 'payments']],
    );
    assert.deepEqual(
      orders.edits.map((edit) => [FILES[edit.file]!.slice(edit.start, edit.end), edit.newText]),
      [['"order"', '"orders"']],
    );
    assertGolden(editedTexts(payments), GOLDEN);
    assertParses(payments, FILES);
    assert.ok(payments.files['shop/policies.yaml']!.includes('      app: payments # only checkout\n'));
    // The intended change: the finding is gone, the policy selects payments for ingress (so
    // payments is isolated now), and payments admits only orders, on every port (the policy names
    // none).
    assert.deepEqual(
      findingKeys(payments.after),
      findingKeys(before).filter(
        (key) =>
          !key.startsWith("policy-selects-nothing shop/policies.yaml NetworkPolicy 'payments-allow'") &&
          !key.startsWith(
            "workload-not-isolated shop/workloads.yaml No NetworkPolicy selects Deployment 'payments'",
          ),
      ),
    );
    const workload = payments.after.model.workloadsById.get('Deployment/shop/payments')!;
    assert.deepEqual(
      payments.after.graph.policy.policiesFor(workload, 'ingress').map((item) => item.object.id),
      ['NetworkPolicy/shop/payments-allow'],
    );
    assert.deepEqual(
      payments.diff.blocked.map(
        (change) => `${change.src} => ${change.dst} : ${change.before} → ${change.after}`,
      ),
      [
        '0.0.0.0-255.255.255.255[External] => shop/payments[Deployment] : All Connections → No Connections',
        'shop/api-1[Deployment] => shop/payments[Deployment] : All Connections → No Connections',
        'shop/api-2[Deployment] => shop/payments[Deployment] : All Connections → No Connections',
        'shop/cart[Deployment] => shop/payments[Deployment] : All Connections → No Connections',
      ],
    );
    assert.deepEqual(payments.diff.opened, []);
  });

  describe('closestWorkload', () => {
    const workloads = analyze(FILES).model.workloads;
    const selector = (matchLabels: Record<string, string>) => ({ matchLabels, matchExpressions: [] });

    it('calls one or two characters off a typo, relative to the length of the value', () => {
      assert.equal(closestWorkload(selector({ app: 'paymnts' }), workloads)?.typo, true);
      assert.equal(closestWorkload(selector({ app: 'paymetns' }), workloads)?.typo, true);
      assert.equal(closestWorkload(selector({ app: 'pay' }), workloads)?.typo, false);
      assert.equal(closestWorkload(selector({ app: 'crat' }), workloads)?.typo, false);
      assert.equal(closestWorkload(selector({ app: 'cart', tier: 'backend' }), workloads)?.typo, false);
    });

    it('is no typo when the closest workload lacks a key, matches already, or ties with another', () => {
      const missing = closestWorkload(selector({ app: 'payments', zone: 'a' }), workloads);
      assert.equal(missing?.workload.object.name, 'payments');
      assert.equal(missing.typo, false);
      assert.equal(closestWorkload(selector({ app: 'api-3' }), workloads)?.typo, false);
      assert.equal(closestWorkload(selector({ app: 'api-3' }), workloads)?.workload.object.name, 'api-1');
    });
  });
});
