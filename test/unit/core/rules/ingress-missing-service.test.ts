import * as assert from 'node:assert/strict';
import { findingsOf, onlyFinding, positionOf, rangeOf } from './backendRuleHelpers';

const CODE = 'ingress-missing-service';

/** Service `name` in `shop` with one port 80 named http. */
function service(name: string, namespace = 'shop'): string {
  return `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  selector: {app: ${name}}
  ports: [{name: http, port: 80}]
`;
}

/** Ingress `public` in `shop` whose one rule sends `/` on shop.example.com to `backend` (a flow map). */
function ingress(backend: string, extraSpec = ''): string {
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: public, namespace: shop}
spec:
${extraSpec}  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: ${backend}
`;
}

describe('ingress-missing-service', () => {
  describe('reports', () => {
    it('a rule backend naming a Service that does not exist, on the name, listing the Services there', () => {
      const files = {
        'shop.yaml': [service('web'), service('cart'), ingress('{name: api, port: {number: 80}}')].join(
          '---\n',
        ),
      };
      const finding = onlyFinding(CODE, files);
      assert.equal(finding.code, CODE);
      assert.equal(finding.severity, 'error');
      assert.deepEqual(
        finding.range,
        rangeOf(files, 'shop.yaml', 'api', ['kind: Ingress', 'service: {name: ']),
      );
      // Line 25 of the file: `              service: {name: api, ...}`, the name after 30 characters.
      assert.deepEqual(positionOf(files['shop.yaml'], finding.range.start), { line: 25, character: 30 });
      assert.equal(
        finding.message,
        "Ingress 'public' routes shop.example.com/ to Service 'api', which does not exist in namespace 'shop'. Services there: web, cart.",
      );
      assert.equal(finding.related, undefined);
    });

    it('each missing backend of several rules and paths, with host and path', () => {
      const text = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: public, namespace: shop}
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
          - {path: /search, pathType: Prefix, backend: {service: {name: search, port: {number: 80}}}}
    - http:
        paths:
          - {pathType: Prefix, backend: {service: {name: legacy, port: {number: 80}}}}
`;
      const files = { 'shop.yaml': [service('web'), text].join('---\n') };
      const findings = findingsOf(CODE, files);
      assert.deepEqual(
        findings.map((finding) => finding.range),
        [rangeOf(files, 'shop.yaml', 'search', ['/search', 'name: ']), rangeOf(files, 'shop.yaml', 'legacy')],
      );
      assert.match(findings[0]!.message, /routes shop\.example\.com\/search to Service 'search'/);
      // A rule without host serves every host; a path without `path` is the root.
      assert.match(findings[1]!.message, /routes \*\/ to Service 'legacy'/);
    });

    it('a defaultBackend naming a missing Service', () => {
      const files = {
        'shop.yaml': [
          service('web'),
          ingress(
            '{name: web, port: {number: 80}}',
            '  defaultBackend:\n    service: {name: fallback, port: {name: http}}\n',
          ),
        ].join('---\n'),
      };
      const finding = onlyFinding(CODE, files);
      assert.deepEqual(finding.range, rangeOf(files, 'shop.yaml', 'fallback'));
      assert.match(finding.message, /^Ingress 'public' routes \(default backend\) to Service 'fallback'/);
    });

    it('a legacy extensions/v1beta1 backend (serviceName) on the serviceName value', () => {
      const legacy = `apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: old, namespace: shop}
spec:
  backend:
    serviceName: gone
    servicePort: 80
  rules:
    - host: old.example.com
      http:
        paths:
          - path: /app
            backend: {serviceName: web, servicePort: http}
`;
      const files = { 'old.yaml': [service('web'), legacy].join('---\n') };
      const finding = onlyFinding(CODE, files);
      assert.deepEqual(finding.range, rangeOf(files, 'old.yaml', 'gone'));
      assert.match(finding.message, /^Ingress 'old' routes \(default backend\) to Service 'gone'/);
    });

    it('a Service of that name in another namespace only (backends are looked up in the Ingress namespace)', () => {
      const files = {
        'shop.yaml': [service('web', 'other'), ingress('{name: web, port: {number: 80}}')].join('---\n'),
      };
      const finding = onlyFinding(CODE, files);
      assert.match(finding.message, /which does not exist in namespace 'shop'\. Services there: none\.$/);
    });

    it('an Ingress without namespace looks in the default namespace option', () => {
      const files = {
        'svc.yaml': service('web'),
        'ingress.yaml': ingress('{name: web, port: {number: 80}}').replace(
          'metadata: {name: public, namespace: shop}',
          'metadata: {name: public}',
        ),
      };
      const finding = onlyFinding(CODE, files, 'default');
      assert.deepEqual(finding.range, rangeOf(files, 'ingress.yaml', 'web'));
      assert.match(finding.message, /does not exist in namespace 'default'/);
    });
  });

  describe('does not report', () => {
    const cases: Record<string, Record<string, string>> = {
      'backends by port number and by port name to existing Services': {
        'shop.yaml': [
          service('web'),
          service('cart'),
          ingress(
            '{name: web, port: {number: 80}}',
            '  defaultBackend:\n    service: {name: cart, port: {name: http}}\n',
          ),
        ].join('---\n'),
      },
      'a backend whose Service port does not exist (ingress-missing-port says so)': {
        'shop.yaml': [service('web'), ingress('{name: web, port: {number: 8080}}')].join('---\n'),
      },
      'a resource backend (not a Service)': {
        'shop.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: assets, namespace: shop}
spec:
  defaultBackend:
    resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: static-assets}
`,
      },
      'an ExternalName Service as backend': {
        'shop.yaml': [
          `apiVersion: v1
kind: Service
metadata: {name: docs, namespace: shop}
spec: {type: ExternalName, externalName: docs.example.com}
`,
          ingress('{name: docs, port: {number: 443}}'),
        ].join('---\n'),
      },
      'a headless Service, and a Service without selector, as backends': {
        'shop.yaml': [
          service('web').replace('  selector: {app: web}\n', '  clusterIP: None\n  selector: {app: web}\n'),
          service('legacy').replace('  selector: {app: legacy}\n', ''),
          ingress(
            '{name: web, port: {number: 80}}',
            '  defaultBackend:\n    service: {name: legacy, port: {number: 80}}\n',
          ),
        ].join('---\n'),
      },
      'the Service and the Ingress in different files of the same namespace': {
        'a/service.yaml': service('web'),
        'b/ingress.yaml': ingress('{name: web, port: {number: 80}}'),
      },
    };
    for (const [name, files] of Object.entries(cases)) {
      it(name, () => assert.deepEqual(findingsOf(CODE, files), []));
    }

    it('an Ingress without namespace and a Service in the default namespace option', () => {
      const files = {
        'svc.yaml': service('web'),
        'ingress.yaml': ingress('{name: web, port: {number: 80}}').replace(
          'metadata: {name: public, namespace: shop}',
          'metadata: {name: public}',
        ),
      };
      assert.deepEqual(findingsOf(CODE, files, 'shop'), []);
    });

    it('a Helm template (the same Ingress without its template line is reported)', () => {
      const template = ingress('{name: api, port: {number: 80}}').replace(
        'metadata: {name: public, namespace: shop}',
        'metadata:\n  name: public\n  namespace: shop\n  labels:\n    chart: {{ .Chart.Name }}-{{ .Chart.Version }}',
      );
      assert.deepEqual(findingsOf(CODE, { 'chart/templates/ingress.yaml': template }), []);
      assert.equal(findingsOf(CODE, { 'ingress.yaml': template.replace(/^.*\{\{.*\n/m, '') }).length, 1);
    });

    it('YAML that is not a Kubernetes manifest (no apiVersion), which would be reported if it were one', () => {
      const text = ingress('{name: api, port: {number: 80}}').replace(/^apiVersion: .*\n/, '');
      assert.deepEqual(findingsOf(CODE, { 'notes.yaml': text }), []);
      assert.equal(findingsOf(CODE, { 'notes.yaml': `apiVersion: networking.k8s.io/v1\n${text}` }).length, 1);
    });
  });
});
