import * as assert from 'node:assert/strict';
import type { Finding } from '../../../../src/core/rules/finding';
import {
  assertRange,
  deployment,
  docs,
  networkPolicy,
  rangeOf,
  run,
  service,
  single,
  textOf,
  type Files,
} from './policyRuleFixtures';

const CODE = 'policy-blocks-ingress-path';

// web serves on container port 8080 (named http) behind Service web, port 80.
const WEB = deployment('web', 'shop', { app: 'web' }, { ports: '[{name: http, containerPort: 8080}]' });

/** The ingress rules of a policy on web (YAML lines under `ingress:`, or a flow list). */
function webPolicy(ingress: string, name = 'web-policy'): string {
  return networkPolicy(name, 'shop', `  podSelector: {matchLabels: {app: web}}\n  ingress: ${ingress}\n`);
}

/** web behind a Service of `type`, with `policies`. */
function exposed(type: string, ...policies: string[]): Files {
  return {
    'shop.yaml': docs(
      service('web', 'shop', { app: 'web' }, '[{port: 80, targetPort: 8080}]', type),
      WEB,
      ...policies,
    ),
  };
}

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: site, namespace: shop}
spec:
  ingressClassName: nginx
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port: {number: 80}
`;

/** web behind a ClusterIP Service and the Ingress `site`, with `policies`. */
function routed(...policies: string[]): Files {
  return {
    'shop.yaml': docs(
      service('web', 'shop', { app: 'web' }, '[{port: 80, targetPort: 8080}]'),
      WEB,
      ...policies,
    ),
    'ingress.yaml': INGRESS,
  };
}

/** Where the Ingress names its backend: the finding's range for Ingress paths. */
function backendName(files: Files) {
  return rangeOf(files, 'ingress.yaml', 'web', { after: 'service:' });
}

function related(files: Files, finding: Finding): { text: string; message: string }[] {
  return (finding.related ?? []).map((item) => ({ text: textOf(files, item.range), message: item.message }));
}

const DENY_ALL = webPolicy('[]', 'web-deny');

describe('rule policy-blocks-ingress-path', () => {
  describe('LoadBalancer and NodePort Services (clients outside the cluster)', () => {
    it('reports a LoadBalancer whose pods admit nobody, on the type, as an error naming the policy', () => {
      const files = exposed('LoadBalancer', DENY_ALL);
      const finding = single(run(CODE, files));
      assert.equal(finding.code, CODE);
      assert.equal(finding.severity, 'error');
      assertRange(files, finding.range, rangeOf(files, 'shop.yaml', 'LoadBalancer'));
      assert.equal(
        finding.message,
        'Traffic from clients outside the cluster to Service/shop/web port 80 is blocked by NetworkPolicies: ' +
          'blocked at Deployment/shop/web:8080 by NetworkPolicy/shop/web-deny.',
      );
      assert.deepEqual(related(files, finding), [
        {
          text: 'web-deny',
          message:
            'NetworkPolicy/shop/web-deny isolates the ingress of Deployment/shop/web and does not allow this',
        },
      ]);
      assert.deepEqual(
        finding.related?.map((item) => item.range),
        [rangeOf(files, 'shop.yaml', 'web-deny')],
      );
    });

    it('reports a NodePort the same way', () => {
      const files = exposed('NodePort', DENY_ALL);
      const finding = single(run(CODE, files));
      assertRange(files, finding.range, rangeOf(files, 'shop.yaml', 'NodePort'));
      assert.equal(finding.severity, 'error');
    });

    it('is silent for a ClusterIP Service, for pods no policy isolates, and for a Service without pods', () => {
      assert.deepEqual(run(CODE, exposed('ClusterIP', DENY_ALL)), []);
      assert.deepEqual(run(CODE, exposed('LoadBalancer')), []);
      const noPods = {
        'shop.yaml': docs(
          service('web', 'shop', { app: 'nothing' }, '[{port: 80, targetPort: 8080}]', 'LoadBalancer'),
          WEB,
          DENY_ALL,
        ),
      };
      assert.deepEqual(run(CODE, noPods), []);
    });

    it('is silent when an ipBlock admits every address on the container port, not the Service port', () => {
      assert.deepEqual(
        run(
          CODE,
          exposed(
            'LoadBalancer',
            webPolicy('[{from: [{ipBlock: {cidr: 0.0.0.0/0}}], ports: [{port: 8080}]}]'),
          ),
        ),
        [],
      );
      assert.deepEqual(
        run(
          CODE,
          exposed(
            'LoadBalancer',
            webPolicy('[{from: [{ipBlock: {cidr: 0.0.0.0/0}}], ports: [{port: http}]}]'),
          ),
        ),
        [],
        'a named port, resolved on the pod',
      );
      const servicePort = exposed(
        'LoadBalancer',
        webPolicy('[{from: [{ipBlock: {cidr: 0.0.0.0/0}}], ports: [{port: 80}]}]'),
      );
      assert.equal(single(run(CODE, servicePort)).severity, 'error');
    });

    it('reports pods that admit every pod of the cluster but no outside address', () => {
      // API reference: namespaceSelector {} selects all namespaces, i.e. pods; outside clients are
      // admitted only by ipBlock (or a rule without `from`).
      const files = exposed('LoadBalancer', webPolicy('[{from: [{namespaceSelector: {}}]}]'));
      assert.equal(single(run(CODE, files)).severity, 'error');
      assert.deepEqual(run(CODE, exposed('LoadBalancer', webPolicy('[{ports: [{port: 8080}]}]'))), []);
    });

    it('is silent when the pods admit some outside addresses on purpose (a client CIDR)', () => {
      const office = webPolicy('[{from: [{ipBlock: {cidr: 203.0.113.0/24}}]}]');
      assert.deepEqual(run(CODE, exposed('LoadBalancer', office)), []);
      // A CIDR admitted only on another port does not open the path.
      const otherPort = webPolicy('[{from: [{ipBlock: {cidr: 203.0.113.0/24}}], ports: [{port: 9090}]}]');
      assert.equal(run(CODE, exposed('LoadBalancer', otherPort)).length, 1);
    });
  });

  describe('Ingress backends (the Ingress controller)', () => {
    it('reports a backend the pods do not admit from an unknown controller, on the backend name, saying what was assumed', () => {
      const files = routed(webPolicy('[{from: [{podSelector: {matchLabels: {app: api}}}]}]'));
      const finding = single(run(CODE, files));
      assert.equal(finding.severity, 'error');
      assertRange(files, finding.range, backendName(files));
      assert.equal(
        finding.message,
        'Traffic from the Ingress controller through Ingress/shop/site to Service/shop/web port 80 is blocked by ' +
          'NetworkPolicies: blocked at Deployment/shop/web:8080 by NetworkPolicy/shop/web-policy. The Ingress controller ' +
          'is unknown (set kubeTopology.ingressController or --ingress-controller), so it was taken to be an arbitrary ' +
          'pod in an arbitrary namespace.',
      );
      assert.deepEqual(
        finding.related?.map((item) => item.range),
        [rangeOf(files, 'shop.yaml', 'web-policy')],
      );
    });

    it('downgrades to info when the pods admit some namespace on the target port, which may be the controller’s', () => {
      const files = routed(
        webPolicy(
          '[{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}}], ports: [{port: 8080}]}]',
        ),
      );
      const finding = single(run(CODE, files));
      assert.equal(finding.severity, 'info');
      assertRange(files, finding.range, backendName(files));
      assert.match(
        finding.message,
        /the pods do admit some namespaces, which may include the controller’s\.$/,
      );
    });

    it('stays an error when the namespaces admitted are admitted on another port only', () => {
      // Letting a monitoring namespace scrape port 9090 says nothing about the path to 8080.
      const files = routed(
        webPolicy(
          '[{from: [{namespaceSelector: {matchLabels: {team: monitoring}}}], ports: [{port: 9090}]}]',
        ),
      );
      const finding = single(run(CODE, files));
      assert.equal(finding.severity, 'error');
      assert.doesNotMatch(finding.message, /may include the controller/);
    });

    it('is silent when the pods admit any pod of any namespace (which includes an unknown controller)', () => {
      assert.deepEqual(run(CODE, routed(webPolicy('[{from: [{namespaceSelector: {}}]}]'))), []);
      assert.deepEqual(
        run(
          CODE,
          routed(webPolicy('[{from: [{namespaceSelector: {}, podSelector: {}}], ports: [{port: http}]}]')),
        ),
        [],
      );
    });

    it('judges a configured controller by its namespace and labels, without the assumption', () => {
      const admitsNginx = webPolicy(
        `[{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}, podSelector: {matchLabels: {app.kubernetes.io/name: ingress-nginx}}}]}]`,
      );
      const files = routed(admitsNginx);
      assert.deepEqual(
        run(CODE, files, { ingressController: 'ingress-nginx/app.kubernetes.io/name=ingress-nginx' }),
        [],
      );
      const elsewhere = single(run(CODE, files, { ingressController: 'traefik/app=traefik' }));
      assert.equal(elsewhere.severity, 'error');
      assertRange(files, elsewhere.range, backendName(files));
      assert.doesNotMatch(elsewhere.message, /unknown/);
      assert.match(
        elsewhere.message,
        /^Traffic from the Ingress controller through Ingress\/shop\/site to Service\/shop\/web port 80 is blocked/,
      );
      // The namespace alone is not enough when the policy also asks for pod labels.
      assert.equal(run(CODE, files, { ingressController: 'ingress-nginx' }).length, 1);
    });

    it('is silent for a backend Service that selects no pods', () => {
      const files = {
        'shop.yaml': docs(
          service('web', 'shop', { app: 'nothing' }, '[{port: 80, targetPort: 8080}]'),
          WEB,
          DENY_ALL,
        ),
        'ingress.yaml': INGRESS,
      };
      assert.deepEqual(run(CODE, files), []);
    });
  });

  it('reports a Gateway API route backend on its backendRef name', () => {
    const gateway = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: shop}
spec:
  gatewayClassName: envoy
  listeners: [{name: http, protocol: HTTP, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop-route, namespace: shop}
spec:
  parentRefs: [{name: public}]
  rules:
    - backendRefs:
        - name: web
          port: 80
`;
    const files = {
      'shop.yaml': docs(
        service('web', 'shop', { app: 'web' }, '[{port: 80, targetPort: 8080}]'),
        WEB,
        DENY_ALL,
      ),
      'gateway.yaml': gateway,
    };
    const finding = single(run(CODE, files));
    assertRange(files, finding.range, rangeOf(files, 'gateway.yaml', 'web', { after: 'backendRefs:' }));
    assert.match(
      finding.message,
      /^Traffic from the Ingress controller through HTTPRoute\/shop\/shop-route to Service\/shop\/web port 80/,
    );
  });

  it('reports nothing for Helm templates', () => {
    const plain = exposed('LoadBalancer', DENY_ALL)['shop.yaml']!;
    const template = plain.replace('image: example/web', 'image: {{ .Values.image }}');
    assert.notEqual(template, plain);
    assert.deepEqual(run(CODE, { 'templates/web.yaml': template }), []);
  });
});
