import * as assert from 'node:assert/strict';
import { closestWorkload, editDistance } from '../../../../src/core/rules/closestWorkload';
import {
  assertRange,
  deployment,
  docs,
  networkPolicy,
  rangeOf,
  run,
  single,
  textOf,
  type Files,
} from './policyRuleFixtures';

const CODE = 'policy-selects-nothing';

const PAYMENTS = deployment('payments', 'shop', { app: 'payments' });
const ORDERS = deployment('orders', 'shop', { app: 'orders' });

/** A policy on `selector` (YAML lines under `podSelector:`, or a flow mapping after it). */
function selecting(selector: string, name = 'payments-allow', namespace = 'shop'): string {
  return networkPolicy(name, namespace, `  podSelector: ${selector}\n  ingress: [{}]\n`);
}

describe('rule policy-selects-nothing', () => {
  it('reports a label typo on the podSelector key, as a warning naming the closest workload', () => {
    const policy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: payments-allow, namespace: shop}
spec:
  podSelector:
    matchLabels:
      app: payment
  ingress: [{}]
`;
    const files: Files = { 'shop.yaml': docs(ORDERS, PAYMENTS, policy) };
    const finding = single(run(CODE, files));
    assert.equal(finding.code, CODE);
    assert.equal(finding.severity, 'warning');
    assertRange(files, finding.range, rangeOf(files, 'shop.yaml', 'podSelector'));
    assert.equal(
      finding.message,
      "NetworkPolicy 'payments-allow' selects pods with app=payment, but no workload in namespace 'shop' has pods " +
        'with these labels, so it has no effect. Did you mean Deployment/shop/payments, whose pods are labelled app=payments?',
    );
    assert.deepEqual(finding.related, [
      { range: rangeOf(files, 'shop.yaml', 'payments', { after: 'name: ' }), message: 'closest workload' },
    ]);
    // Fixing the typo clears it.
    assert.deepEqual(
      run(CODE, { 'shop.yaml': docs(ORDERS, PAYMENTS, policy.replace('app: payment', 'app: payments')) }),
      [],
    );
  });

  it('prefers the workload missing the fewest labels, then the smallest edit distance', () => {
    // cart has the app but not the tier; carts has both keys, one value a letter off.
    const cart = deployment('cart', 'shop', { app: 'cart' });
    const carts = deployment('carts', 'shop', { app: 'carts', tier: 'web' });
    const files = { 'shop.yaml': docs(cart, carts, selecting('{matchLabels: {app: cart, tier: web}}')) };
    const finding = single(run(CODE, files));
    assert.match(
      finding.message,
      /Did you mean Deployment\/shop\/carts, whose pods are labelled app=carts, tier=web\?$/,
    );
    assert.deepEqual(
      finding.related?.map((item) => textOf(files, item.range)),
      ['carts'],
    );
  });

  it('gives no hint when no workload shares a label key with the selector', () => {
    const files = { 'shop.yaml': docs(PAYMENTS, selecting('{matchLabels: {role: db}}')) };
    const finding = single(run(CODE, files));
    assert.match(
      finding.message,
      /selects pods with role=db, but no workload in namespace 'shop' has pods with these labels, so it has no effect\.$/,
    );
    assert.equal(finding.related, undefined);
  });

  it('reports a matchExpressions selector that matches nothing, without a hint', () => {
    const files = {
      'shop.yaml': docs(
        PAYMENTS,
        selecting('\n    matchExpressions: [{key: app, operator: In, values: [cart]}]'),
      ),
    };
    const finding = single(run(CODE, files));
    assertRange(files, finding.range, rangeOf(files, 'shop.yaml', 'podSelector'));
    assert.match(finding.message, /selects pods with app in \(cart\)/);
    assert.equal(finding.related, undefined);
    assert.deepEqual(
      run(CODE, {
        'shop.yaml': docs(
          PAYMENTS,
          selecting('{matchExpressions: [{key: app, operator: In, values: [payments]}]}'),
        ),
      }),
      [],
    );
  });

  it('is silent for a selector that matches, and for an empty or absent podSelector (every pod)', () => {
    assert.deepEqual(
      run(CODE, { 'shop.yaml': docs(PAYMENTS, selecting('{matchLabels: {app: payments}}')) }),
      [],
    );
    assert.deepEqual(run(CODE, { 'shop.yaml': docs(PAYMENTS, selecting('{}')) }), []);
    assert.deepEqual(
      run(CODE, { 'shop.yaml': docs(PAYMENTS, networkPolicy('deny', 'shop', '  policyTypes: [Ingress]\n')) }),
      [],
    );
  });

  it('is silent in a namespace without any workload in the workspace: its pods may be defined elsewhere', () => {
    // The manifests of billing's workloads live in another repository or chart; only its
    // policies are here. Reporting each of them would be noise.
    const files = {
      'shop.yaml': PAYMENTS,
      'billing.yaml': selecting('{matchLabels: {app: payments}}', 'p', 'billing'),
    };
    assert.deepEqual(run(CODE, files), []);
    // One workload in billing is enough for the policy to be judged.
    files['billing.yaml'] = docs(
      deployment('invoices', 'billing', { app: 'invoices' }),
      files['billing.yaml'],
    );
    const finding = single(run(CODE, files));
    assertRange(files, finding.range, rangeOf(files, 'billing.yaml', 'podSelector'));
    assert.match(finding.message, /no workload in namespace 'billing'/);
  });

  it('only looks at workloads of the policy’s namespace', () => {
    const elsewhere = deployment('payments', 'billing', { app: 'payments' });
    const files = {
      'shop.yaml': docs(ORDERS, selecting('{matchLabels: {app: payments}}')),
      'billing.yaml': elsewhere,
    };
    const finding = single(run(CODE, files));
    assertRange(files, finding.range, rangeOf(files, 'shop.yaml', 'podSelector'));
    // The hint comes from shop only: orders, the one workload there sharing the key (however far its
    // value is), never billing/payments.
    assert.deepEqual(
      finding.related?.map((item) => item.range),
      [rangeOf(files, 'shop.yaml', 'orders', { after: 'name: ' })],
    );
  });

  it('finds workloads and the closest one in other files of the same namespace', () => {
    const files = {
      'apps/payments.yaml': PAYMENTS,
      'apps/orders.yaml': ORDERS,
      'policies/payments.yaml': selecting('{matchLabels: {app: paymnts}}'),
    };
    const finding = single(run(CODE, files));
    assertRange(files, finding.range, rangeOf(files, 'policies/payments.yaml', 'podSelector'));
    assert.deepEqual(finding.related, [
      {
        range: rangeOf(files, 'apps/payments.yaml', 'payments', { after: 'name: ' }),
        message: 'closest workload',
      },
    ]);
    files['policies/payments.yaml'] = selecting('{matchLabels: {app: payments}}');
    assert.deepEqual(run(CODE, files), []);
  });

  it('says info, not warning, when an operator’s custom resource probably creates the pods', () => {
    const files = {
      'monitoring.yaml': docs(
        `apiVersion: monitoring.coreos.com/v1
kind: Prometheus
metadata: {name: main, namespace: monitoring}
spec: {replicas: 2}
`,
        deployment('grafana', 'monitoring', { app: 'grafana' }),
        selecting('{matchLabels: {app.kubernetes.io/name: prometheus}}', 'prometheus', 'monitoring'),
      ),
    };
    const finding = single(run(CODE, files));
    assert.equal(finding.severity, 'info');
    assertRange(files, finding.range, rangeOf(files, 'monitoring.yaml', 'podSelector'));
    assert.match(finding.message, /probably created by an operator from Prometheus\/monitoring\/main/);
  });

  it('reports nothing for Helm templates', () => {
    const plain = docs(PAYMENTS, selecting('{matchLabels: {app: payment}}'));
    const template = plain.replace('image: example/payments', 'image: {{ .Values.image }}');
    assert.notEqual(template, plain);
    assert.deepEqual(run(CODE, { 'templates/all.yaml': template }), []);
    assert.equal(run(CODE, { 'all.yaml': plain }).length, 1);
  });

  describe('closestWorkload', () => {
    it('measures edit distance between label values', () => {
      assert.equal(editDistance('payment', 'payments'), 1);
      assert.equal(editDistance('paymnts', 'payments'), 1);
      assert.equal(editDistance('cart', 'crat'), 2);
      assert.equal(editDistance('', 'abc'), 3);
      assert.equal(editDistance('same', 'same'), 0);
    });

    it('is undefined for a selector without matchLabels', () => {
      assert.equal(closestWorkload({ matchLabels: {}, matchExpressions: [] }, []), undefined);
    });
  });
});
