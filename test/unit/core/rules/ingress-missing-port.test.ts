import * as assert from 'node:assert/strict';
import { findingsOf, onlyFinding, positionOf, rangeOf } from './backendRuleHelpers';

const CODE = 'ingress-missing-port';

/** Service `web` in `shop`: port 80 (http) → 8080 and port 9000 (admin). */
const WEB = `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: 8080}, {name: admin, port: 9000}]
`;

/** Ingress `public` in `shop` whose one rule sends `/` to `backend` (a flow map for `service:`). */
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

/** The range of the `ports:` value of the Service in `file` (a flow sequence), from the fixture text. */
function portsOf(files: Record<string, string>, file: string, after: readonly string[] = []) {
  const open = rangeOf(files, file, 'ports: [', after);
  const close = rangeOf(files, file, ']\n', [...after, 'ports: [']);
  return { file, start: open.end - 1, end: close.start + 1 };
}

describe('ingress-missing-port', () => {
  describe('reports', () => {
    it('a port number the Service does not have (here its targetPort), on the number', () => {
      const files = { 'shop.yaml': [WEB, ingress('{name: web, port: {number: 8080}}')].join('---\n') };
      const finding = onlyFinding(CODE, files);
      assert.equal(finding.code, CODE);
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.range, rangeOf(files, 'shop.yaml', '8080', ['kind: Ingress']));
      // Line 18: `              service: {name: web, port: {number: 8080}}`, the number after 50 characters.
      assert.deepEqual(positionOf(files['shop.yaml'], finding.range.start), { line: 18, character: 50 });
      assert.equal(finding.message, "Service 'web' has no port 8080; it exposes 80 (http), 9000 (admin).");
      assert.deepEqual(finding.related, [
        { range: portsOf(files, 'shop.yaml'), message: "ports of Service 'web'" },
      ]);
    });

    it('a port name the Service does not have, on the name', () => {
      const files = { 'shop.yaml': [WEB, ingress('{name: web, port: {name: metrics}}')].join('---\n') };
      const finding = onlyFinding(CODE, files);
      assert.deepEqual(finding.range, rangeOf(files, 'shop.yaml', 'metrics'));
      assert.equal(
        finding.message,
        "Service 'web' has no port named 'metrics'; it exposes 80 (http), 9000 (admin).",
      );
    });

    it('a port name on a Service whose single port has no name', () => {
      const single = `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{port: 8080, protocol: TCP}]
`;
      const files = { 'shop.yaml': [single, ingress('{name: web, port: {name: http}}')].join('---\n') };
      const finding = onlyFinding(CODE, files);
      assert.deepEqual(finding.range, rangeOf(files, 'shop.yaml', 'http', ['port: {name: ']));
      assert.equal(finding.message, "Service 'web' has no port named 'http'; it exposes 8080.");
    });

    it('the defaultBackend port', () => {
      const files = {
        'shop.yaml': [
          WEB,
          ingress(
            '{name: web, port: {number: 80}}',
            '  defaultBackend:\n    service: {name: web, port: {number: 9090}}\n',
          ),
        ].join('---\n'),
      };
      const finding = onlyFinding(CODE, files);
      assert.deepEqual(finding.range, rangeOf(files, 'shop.yaml', '9090'));
    });

    it('a legacy extensions/v1beta1 servicePort, by number and by name', () => {
      const legacy = `apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: old, namespace: shop}
spec:
  backend: {serviceName: web, servicePort: 8081}
  rules:
    - http:
        paths:
          - {path: /a, backend: {serviceName: web, servicePort: admin}}
          - {path: /b, backend: {serviceName: web, servicePort: grpc}}
`;
      const files = { 'shop.yaml': [WEB, legacy].join('---\n') };
      const findings = findingsOf(CODE, files);
      assert.deepEqual(
        findings.map((finding) => finding.range),
        [rangeOf(files, 'shop.yaml', '8081'), rangeOf(files, 'shop.yaml', 'grpc')],
      );
      assert.match(findings[1]!.message, /has no port named 'grpc'/);
    });

    it('a port on a Service with no ports at all, related to the Service name', () => {
      const portless = `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  clusterIP: None
  selector: {app: web}
`;
      const files = { 'shop.yaml': [portless, ingress('{name: web, port: {number: 80}}')].join('---\n') };
      const finding = onlyFinding(CODE, files);
      assert.equal(finding.message, "Service 'web' has no port 80; it exposes no ports.");
      assert.deepEqual(finding.related, [
        {
          range: rangeOf(files, 'shop.yaml', 'web', ['metadata: {name: ']),
          message: "ports of Service 'web'",
        },
      ]);
    });

    it('a port name on an ExternalName Service without that name', () => {
      const external = `apiVersion: v1
kind: Service
metadata: {name: docs, namespace: shop}
spec: {type: ExternalName, externalName: docs.example.com}
`;
      const files = { 'shop.yaml': [external, ingress('{name: docs, port: {name: https}}')].join('---\n') };
      const finding = onlyFinding(CODE, files);
      assert.deepEqual(finding.range, rangeOf(files, 'shop.yaml', 'https'));
    });

    it('across files, with the namespace of the default namespace option', () => {
      const files = {
        'svc.yaml': WEB,
        'ingress.yaml': ingress('{name: web, port: {number: 443}}').replace(
          'metadata: {name: public, namespace: shop}',
          'metadata: {name: public}',
        ),
      };
      const finding = onlyFinding(CODE, files, 'shop');
      assert.deepEqual(finding.range, rangeOf(files, 'ingress.yaml', '443'));
      assert.deepEqual(finding.related?.[0]?.range, portsOf(files, 'svc.yaml'));
    });
  });

  describe('does not report', () => {
    const cases: Record<string, Record<string, string>> = {
      'backends by port number and by port name, rule and defaultBackend': {
        'shop.yaml': [
          WEB,
          ingress(
            '{name: web, port: {number: 80}}',
            '  defaultBackend:\n    service: {name: web, port: {name: admin}}\n',
          ),
        ].join('---\n'),
      },
      'a port number to a Service with a single unnamed port': {
        'shop.yaml': [
          `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{port: 8080}]
`,
          ingress('{name: web, port: {number: 8080}}'),
        ].join('---\n'),
      },
      'a missing Service (ingress-missing-service says so)': {
        'shop.yaml': ingress('{name: api, port: {number: 80}}'),
      },
      'a Service in another namespace with the port (the backend is missing, not its port)': {
        'shop.yaml': [
          WEB.replace('namespace: shop', 'namespace: other'),
          ingress('{name: web, port: {number: 8080}}'),
        ].join('---\n'),
      },
      'a port number on an ExternalName Service without ports (the controller connects to that port of the external name)':
        {
          'shop.yaml': [
            `apiVersion: v1
kind: Service
metadata: {name: docs, namespace: shop}
spec: {type: ExternalName, externalName: docs.example.com}
`,
            ingress('{name: docs, port: {number: 443}}'),
          ].join('---\n'),
        },
      'a legacy backend by port name and by number': {
        'shop.yaml': [
          WEB,
          `apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: old, namespace: shop}
spec:
  backend: {serviceName: web, servicePort: 80}
  rules: [{http: {paths: [{path: /, backend: {serviceName: web, servicePort: admin}}]}}]
`,
        ].join('---\n'),
      },
      'a resource backend': {
        'shop.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: assets, namespace: shop}
spec:
  defaultBackend:
    resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: static-assets}
`,
      },
      'the Service and the Ingress in different files of the same namespace': {
        'a/service.yaml': WEB,
        'b/ingress.yaml': ingress('{name: web, port: {name: http}}'),
      },
    };
    for (const [name, files] of Object.entries(cases)) {
      it(name, () => assert.deepEqual(findingsOf(CODE, files), []));
    }

    it('a Helm template (the same Ingress without its template line is reported)', () => {
      const template = [
        WEB,
        ingress('{name: web, port: {number: 8080}}').replace(
          'metadata: {name: public, namespace: shop}',
          'metadata:\n  name: public\n  namespace: shop\n  labels:\n    chart: {{ .Chart.Name }}-{{ .Chart.Version }}',
        ),
      ];
      assert.deepEqual(
        findingsOf(CODE, { 'svc.yaml': template[0]!, 'chart/templates/ingress.yaml': template[1]! }),
        [],
      );
      const rendered = { 'svc.yaml': template[0]!, 'ingress.yaml': template[1]!.replace(/^.*\{\{.*\n/m, '') };
      assert.equal(findingsOf(CODE, rendered).length, 1);
    });

    it('YAML that is not a Kubernetes manifest (no apiVersion), which would be reported if it were one', () => {
      const text = ingress('{name: web, port: {number: 8080}}').replace(/^apiVersion: .*\n/, '');
      assert.deepEqual(findingsOf(CODE, { 'svc.yaml': WEB, 'notes.yaml': text }), []);
      const manifest = `apiVersion: networking.k8s.io/v1\n${text}`;
      assert.equal(findingsOf(CODE, { 'svc.yaml': WEB, 'notes.yaml': manifest }).length, 1);
    });
  });
});
