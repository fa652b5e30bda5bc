import * as assert from 'node:assert/strict';
import type { Finding } from '../../../../src/core/rules/finding';
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

const CODE = 'policy-blocks-call';

// frontend calls cart through its Service: Service port 80, container port 8080 (named http).
const CART_SERVICE = `apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec:
  selector: {app: cart}
  ports: [{port: 80, targetPort: 8080}]
`;
const CART = deployment('cart', 'shop', { app: 'cart' }, { ports: '[{name: http, containerPort: 8080}]' });
const FRONTEND = deployment(
  'frontend',
  'shop',
  { app: 'frontend' },
  { env: '            - {name: CART_URL, value: http://cart:80}' },
);

/** Ingress of cart from frontend on `ports` (YAML flow list). */
function cartIngress(ports: string, name = 'cart-ingress'): string {
  return networkPolicy(
    name,
    'shop',
    `  podSelector: {matchLabels: {app: cart}}
  ingress:
    - from: [{podSelector: {matchLabels: {app: frontend}}}]
      ports: ${ports}
`,
  );
}

/** Egress of frontend to cart on `ports`. */
function frontendEgress(ports: string, name = 'frontend-egress'): string {
  return networkPolicy(
    name,
    'shop',
    `  podSelector: {matchLabels: {app: frontend}}
  policyTypes: [Egress]
  egress:
    - to: [{podSelector: {matchLabels: {app: cart}}}]
      ports: ${ports}
`,
  );
}

function shop(...policies: string[]): Files {
  return { 'shop.yaml': docs(CART_SERVICE, CART, FRONTEND, ...policies) };
}

/** The finding's related locations as the text they cover and their message. */
function related(files: Files, finding: Finding): { text: string; message: string }[] {
  return (finding.related ?? []).map((item) => ({ text: textOf(files, item.range), message: item.message }));
}

describe('rule policy-blocks-call', () => {
  it('is silent when no policy isolates either side, and when the policies allow the call', () => {
    assert.deepEqual(run(CODE, shop()), []);
    assert.deepEqual(run(CODE, shop(cartIngress('[{port: 8080}]'), frontendEgress('[{port: 8080}]'))), []);
  });

  it('reports a call the callee’s ingress denies, on the env value, as an error naming the policy', () => {
    // The policy allows the Service port; NetworkPolicies see the pod's port (8080).
    const files = shop(cartIngress('[{port: 80}]'));
    const finding = single(run(CODE, files));
    assert.equal(finding.code, CODE);
    assert.equal(finding.severity, 'error');
    assertRange(files, finding.range, rangeOf(files, 'shop.yaml', 'http://cart:80'));
    assert.equal(
      finding.message,
      'Deployment/shop/frontend calls Service/shop/cart on port 80 (pod port 8080), but NetworkPolicies block it: ' +
        'blocked at Deployment/shop/cart:8080 by NetworkPolicy/shop/cart-ingress.',
    );
    assert.deepEqual(
      finding.related?.map((item) => item.range),
      [rangeOf(files, 'shop.yaml', 'cart-ingress')],
    );
    assert.deepEqual(related(files, finding), [
      {
        text: 'cart-ingress',
        message:
          'NetworkPolicy/shop/cart-ingress isolates the ingress of Deployment/shop/cart and does not allow this',
      },
    ]);
  });

  it('translates the Service port to the targetPort: a policy on the container port allows the call', () => {
    assert.deepEqual(run(CODE, shop(cartIngress('[{port: 8080}]'))), []);
    assert.equal(run(CODE, shop(cartIngress('[{port: 80}]'))).length, 1);
  });

  it('reports a call the callee admits but the caller’s egress denies, naming only the caller’s policy', () => {
    const files = shop(cartIngress('[{port: 8080}]'), frontendEgress('[{port: 80}]'));
    const finding = single(run(CODE, files));
    assertRange(files, finding.range, rangeOf(files, 'shop.yaml', 'http://cart:80'));
    assert.match(finding.message, /by NetworkPolicy\/shop\/frontend-egress\.$/);
    assert.deepEqual(related(files, finding), [
      {
        text: 'frontend-egress',
        message:
          'NetworkPolicy/shop/frontend-egress isolates the egress of Deployment/shop/frontend and does not allow this',
      },
    ]);
  });

  it('reports a call the caller’s egress allows but the callee’s ingress denies, naming only the callee’s policy', () => {
    const denyFrontend = networkPolicy(
      'cart-ingress',
      'shop',
      `  podSelector: {matchLabels: {app: cart}}
  ingress:
    - from: [{podSelector: {matchLabels: {app: admin}}}]
`,
    );
    const files = shop(denyFrontend, frontendEgress('[{port: 8080}]'));
    const finding = single(run(CODE, files));
    assert.deepEqual(
      related(files, finding).map((item) => item.text),
      ['cart-ingress'],
    );
    assert.match(finding.message, /by NetworkPolicy\/shop\/cart-ingress\.$/);
  });

  it('names the caller’s and the callee’s policies when both deny', () => {
    const files = shop(cartIngress('[{port: 80}]'), frontendEgress('[{port: 80}]'));
    const finding = single(run(CODE, files));
    assert.deepEqual(
      finding.related?.map((item) => item.range),
      [rangeOf(files, 'shop.yaml', 'frontend-egress'), rangeOf(files, 'shop.yaml', 'cart-ingress')],
    );
    assert.match(related(files, finding)[0]?.message ?? '', /the egress of Deployment\/shop\/frontend/);
    assert.match(related(files, finding)[1]?.message ?? '', /the ingress of Deployment\/shop\/cart/);
  });

  it('resolves named ports in rules on each destination pod, not on the caller', () => {
    // Both Services target 8080. cart names 8080 "http"; legacy names 9090 "http" and serves on
    // 8080 unnamed. A rule on port "http" therefore admits the call to cart only.
    const legacyService = CART_SERVICE.replaceAll('cart', 'legacy');
    const legacy = deployment(
      'legacy',
      'shop',
      { app: 'legacy' },
      { ports: '[{name: http, containerPort: 9090}, {containerPort: 8080}]' },
    );
    const caller = deployment(
      'frontend',
      'shop',
      { app: 'frontend' },
      {
        // The caller's own "http" (3000) plays no part.
        ports: '[{name: http, containerPort: 3000}]',
        env: '            - {name: CART_URL, value: http://cart:80}\n            - {name: LEGACY_URL, value: http://legacy:80}',
      },
    );
    const allowHttp = networkPolicy(
      'allow-http',
      'shop',
      `  podSelector: {}
  ingress:
    - from: [{podSelector: {matchLabels: {app: frontend}}}]
      ports: [{port: http}]
`,
    );
    const files = { 'shop.yaml': docs(CART_SERVICE, CART, legacyService, legacy, caller, allowHttp) };
    const finding = single(run(CODE, files));
    assertRange(files, finding.range, rangeOf(files, 'shop.yaml', 'http://legacy:80'));
    assert.match(
      finding.message,
      /blocked at Deployment\/shop\/legacy:8080 by NetworkPolicy\/shop\/allow-http/,
    );

    // The same on the egress side: "http" is looked up on the destination pod.
    const egressHttp = frontendEgress('[{port: http}]').replace('{app: cart}', '{}');
    const egressFiles = { 'shop.yaml': docs(CART_SERVICE, CART, legacyService, legacy, caller, egressHttp) };
    const egressFinding = single(run(CODE, egressFiles));
    assertRange(egressFiles, egressFinding.range, rangeOf(egressFiles, 'shop.yaml', 'http://legacy:80'));
    assert.deepEqual(
      related(egressFiles, egressFinding).map((item) => item.text),
      ['frontend-egress'],
    );
  });

  describe('namespaceSelector and podSelector', () => {
    // frontend runs in namespace web (team=web) and calls cart in shop by its cluster name.
    const web = `apiVersion: v1
kind: Namespace
metadata: {name: web, labels: {team: web}}
`;
    const frontend = deployment(
      'frontend',
      'web',
      { app: 'frontend' },
      { env: '            - {name: CART_URL, value: "http://cart.shop.svc.cluster.local:80"}' },
    );
    function calls(from: string): Files {
      const policy = networkPolicy(
        'cart-from',
        'shop',
        `  podSelector: {matchLabels: {app: cart}}
  ingress:
    - from: ${from}
`,
      );
      return { 'web.yaml': docs(web, frontend), 'shop.yaml': docs(CART_SERVICE, CART, policy) };
    }

    it('ANDs both selectors of one peer', () => {
      const files = calls(
        '[{namespaceSelector: {matchLabels: {team: web}}, podSelector: {matchLabels: {app: admin}}}]',
      );
      const finding = single(run(CODE, files));
      // Quoted in the manifest: the range is the scalar as written, quotes included.
      assertRange(
        files,
        finding.range,
        rangeOf(files, 'web.yaml', '"http://cart.shop.svc.cluster.local:80"'),
      );
      assert.match(
        finding.message,
        /^Deployment\/web\/frontend calls Service\/shop\/cart on port 80 \(pod port 8080\)/,
      );
      assert.deepEqual(
        finding.related?.map((item) => item.range),
        [rangeOf(files, 'shop.yaml', 'cart-from')],
      );
      assert.deepEqual(
        run(
          CODE,
          calls(
            '[{namespaceSelector: {matchLabels: {team: web}}, podSelector: {matchLabels: {app: frontend}}}]',
          ),
        ),
        [],
      );
    });

    it('ORs separate peers', () => {
      assert.deepEqual(
        run(
          CODE,
          calls(
            '[{namespaceSelector: {matchLabels: {team: web}}}, {podSelector: {matchLabels: {app: admin}}}]',
          ),
        ),
        [],
      );
    });

    it('reads a podSelector without namespaceSelector as the policy’s own namespace', () => {
      assert.equal(run(CODE, calls('[{podSelector: {matchLabels: {app: frontend}}}]')).length, 1);
    });

    it('matches the automatic kubernetes.io/metadata.name label, also of a namespace not declared', () => {
      assert.deepEqual(
        run(CODE, calls('[{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: web}}}]')),
        [],
      );
      const undeclared = calls('[{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: web}}}]');
      undeclared['web.yaml'] = frontend;
      assert.deepEqual(run(CODE, undeclared), []);
    });
  });

  it('lists the other values that imply the same call as related locations', () => {
    const caller = deployment(
      'frontend',
      'shop',
      { app: 'frontend' },
      {
        env: '            - {name: CART_URL, value: http://cart:80}\n            - {name: CART_ADDR, value: "cart:80"}',
      },
    );
    const files = { 'shop.yaml': docs(CART_SERVICE, CART, caller, cartIngress('[{port: 80}]')) };
    const finding = single(run(CODE, files));
    assertRange(files, finding.range, rangeOf(files, 'shop.yaml', 'http://cart:80'));
    assert.deepEqual(related(files, finding), [
      { text: '"cart:80"', message: 'also implies this call: CART_ADDR=cart:80' },
      {
        text: 'cart-ingress',
        message:
          'NetworkPolicy/shop/cart-ingress isolates the ingress of Deployment/shop/cart and does not allow this',
      },
    ]);
  });

  it('puts the finding in the caller’s file and the policy in its own, for objects split across files', () => {
    const files = {
      'apps/frontend.yaml': FRONTEND,
      'apps/cart.yaml': docs(CART_SERVICE, CART),
      'policies/cart.yaml': cartIngress('[{port: 80}]'),
    };
    const finding = single(run(CODE, files));
    assertRange(files, finding.range, rangeOf(files, 'apps/frontend.yaml', 'http://cart:80'));
    assert.deepEqual(
      finding.related?.map((item) => item.range),
      [rangeOf(files, 'policies/cart.yaml', 'cart-ingress')],
    );
  });

  it('reports a call that reaches some pods of the Service but not others, naming the blocked one', () => {
    // The Service targets the port named http: 8080 on cart, 9000 on the canary (also app=cart).
    const service = CART_SERVICE.replace('targetPort: 8080', 'targetPort: http');
    const canary = deployment(
      'cart-canary',
      'shop',
      { app: 'cart', track: 'canary' },
      { ports: '[{name: http, containerPort: 9000}]' },
    );
    const files = { 'shop.yaml': docs(service, CART, canary, FRONTEND, cartIngress('[{port: 8080}]')) };
    const finding = single(run(CODE, files));
    assertRange(files, finding.range, rangeOf(files, 'shop.yaml', 'http://cart:80'));
    assert.match(
      finding.message,
      /blocked at Deployment\/shop\/cart-canary:9000 by NetworkPolicy\/shop\/cart-ingress\.$/,
    );
    assert.deepEqual(
      related(files, finding).map((item) => item.message),
      [
        'NetworkPolicy/shop/cart-ingress isolates the ingress of Deployment/shop/cart, Deployment/shop/cart-canary and does not allow this',
      ],
    );
    // Admitting the canary's port as well clears it.
    assert.deepEqual(
      run(CODE, {
        'shop.yaml': docs(service, CART, canary, FRONTEND, cartIngress('[{port: 8080}, {port: 9000}]')),
      }),
      [],
    );
  });

  it('leaves a call to a Service that selects no pods to service-no-endpoints', () => {
    const files = { 'shop.yaml': docs(CART_SERVICE, FRONTEND, cartIngress('[{port: 80}]')) };
    assert.deepEqual(run(CODE, files), []);
  });

  it('reports nothing for Helm templates', () => {
    const plain = docs(CART_SERVICE, CART, FRONTEND, cartIngress('[{port: 80}]'));
    const template = plain.replace('image: example/frontend', 'image: {{ .Values.image }}');
    assert.notEqual(template, plain);
    assert.deepEqual(run(CODE, { 'templates/all.yaml': template }), []);
    assert.equal(
      run(CODE, { 'all.yaml': plain }).length,
      1,
      'the same manifests without the template expression',
    );
  });
});
