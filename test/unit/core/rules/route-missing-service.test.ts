import * as assert from 'node:assert/strict';
import { findingsOf, onlyFinding, positionOf, rangeOf } from './backendRuleHelpers';

const CODE = 'route-missing-service';

/** Service `name` in `namespace` with one port 80 named http. */
function service(name: string, namespace = 'shop'): string {
  return `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  selector: {app: ${name}}
  ports: [{name: http, port: 80}]
`;
}

/** A Gateway API route of `kind` named `store` in `shop` with one rule and these backendRefs items. */
function route(backendRefs: string, kind = 'HTTPRoute', apiVersion = 'gateway.networking.k8s.io/v1'): string {
  return `apiVersion: ${apiVersion}
kind: ${kind}
metadata: {name: store, namespace: shop}
spec:
  parentRefs: [{name: public, namespace: infra}]
  rules:
    - backendRefs:
${backendRefs}`;
}

/** A ReferenceGrant in `data` letting `fromKind`s of `fromNamespace` reach Services (`toName` only, if given). */
function grant(fromKind = 'HTTPRoute', fromNamespace = 'shop', toName?: string, namespace = 'data'): string {
  return `apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: from-shop, namespace: ${namespace}}
spec:
  from: [{group: gateway.networking.k8s.io, kind: ${fromKind}, namespace: ${fromNamespace}}]
  to: [{group: "", kind: Service${toName === undefined ? '' : `, name: ${toName}`}}]
`;
}

/** The range of the `ports:` flow sequence of the first Service after `after`. */
function portsOf(files: Record<string, string>, file: string, after: readonly string[] = []) {
  const open = rangeOf(files, file, 'ports: [', after);
  const close = rangeOf(files, file, ']\n', [...after, 'ports: [']);
  return { file, start: open.end - 1, end: close.start + 1 };
}

const CROSS = '        - {name: orders, namespace: data, port: 80}\n';

describe('route-missing-service', () => {
  describe('Gateway API routes: reports', () => {
    it('a backendRef naming a Service that does not exist, on the name, listing the Services there', () => {
      const files = {
        'shop.yaml': [
          service('web'),
          route('        - name: web\n          port: 80\n        - name: api\n          port: 8080\n'),
        ].join('---\n'),
      };
      const finding = onlyFinding(CODE, files);
      assert.equal(finding.code, CODE);
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.range, rangeOf(files, 'shop.yaml', 'api', ['name: web\n', 'name: ']));
      // Line 16: `        - name: api`, the name after 16 characters.
      assert.deepEqual(positionOf(files['shop.yaml'], finding.range.start), { line: 16, character: 16 });
      assert.equal(
        finding.message,
        "HTTPRoute 'store' sends traffic to Service 'api', which does not exist in namespace 'shop'. Services there: web.",
      );
      assert.equal(finding.related, undefined);
    });

    it('a port the Service does not have, on the port, related to the Service ports', () => {
      const files = {
        'shop.yaml': [service('web'), route('        - {name: web, port: 8080}\n')].join('---\n'),
      };
      const finding = onlyFinding(CODE, files);
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.range, rangeOf(files, 'shop.yaml', '8080'));
      assert.equal(finding.message, "Service 'web' has no port 8080; it exposes 80 (http).");
      assert.deepEqual(finding.related, [
        { range: portsOf(files, 'shop.yaml'), message: "ports of Service 'web'" },
      ]);
    });

    it('a Service in another namespace without a ReferenceGrant, on the namespace value', () => {
      const files = { 'shop.yaml': [service('orders', 'data'), route(CROSS)].join('---\n') };
      const finding = onlyFinding(CODE, files);
      assert.deepEqual(finding.range, rangeOf(files, 'shop.yaml', 'data', ['backendRefs:']));
      assert.equal(
        finding.message,
        "HTTPRoute 'store' sends traffic to Service 'data/orders' in another namespace, but no ReferenceGrant in 'data' allows HTTPRoutes from 'shop' to reach it, so the Gateway refuses this backend.",
      );
    });

    const grantsThatDoNotApply: Record<string, string> = {
      'for another route kind': grant('GRPCRoute'),
      'for routes of another namespace': grant('HTTPRoute', 'blog'),
      'for another Service by name': grant('HTTPRoute', 'shop', 'payments'),
      'in the route namespace instead of the Service namespace': grant(
        'HTTPRoute',
        'shop',
        undefined,
        'shop',
      ),
    };
    for (const [name, reference] of Object.entries(grantsThatDoNotApply)) {
      it(`a cross-namespace backend with a ReferenceGrant ${name}`, () => {
        const files = { 'shop.yaml': [service('orders', 'data'), route(CROSS), reference].join('---\n') };
        const finding = onlyFinding(CODE, files);
        assert.deepEqual(finding.range, rangeOf(files, 'shop.yaml', 'data', ['backendRefs:']));
      });
    }

    it('a missing Service in another namespace is reported as missing there, grant or not', () => {
      const files = { 'shop.yaml': [service('web'), route(CROSS), grant()].join('---\n') };
      const finding = onlyFinding(CODE, files);
      assert.deepEqual(finding.range, rangeOf(files, 'shop.yaml', 'orders'));
      assert.match(
        finding.message,
        /Service 'orders', which does not exist in namespace 'data'\. Services there: none\.$/,
      );
    });

    it('GRPCRoute, TLSRoute, TCPRoute and UDPRoute backends too, named by kind', () => {
      const kinds: [string, string][] = [
        ['GRPCRoute', 'gateway.networking.k8s.io/v1'],
        ['TLSRoute', 'gateway.networking.k8s.io/v1alpha2'],
        ['TCPRoute', 'gateway.networking.k8s.io/v1alpha2'],
        ['UDPRoute', 'gateway.networking.k8s.io/v1alpha2'],
      ];
      for (const [kind, apiVersion] of kinds) {
        const files = { 'r.yaml': route('        - {name: gone, port: 80}\n', kind, apiVersion) };
        const finding = onlyFinding(CODE, files);
        assert.deepEqual(finding.range, rangeOf(files, 'r.yaml', 'gone'), kind);
        assert.match(finding.message, new RegExp(`^${kind} 'store' sends traffic to Service 'gone'`));
      }
    });

    it('each bad backendRef of every rule', () => {
      const text = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: store, namespace: shop}
spec:
  rules:
    - matches: [{path: {type: PathPrefix, value: /a}}]
      backendRefs: [{name: a, port: 80}, {name: web, port: 80}]
    - matches: [{path: {type: PathPrefix, value: /b}}]
      backendRefs: [{name: web, port: 81}, {name: b, port: 80}]
`;
      const files = { 'shop.yaml': [service('web'), text].join('---\n') };
      assert.deepEqual(
        findingsOf(CODE, files).map((finding) => finding.range),
        [
          rangeOf(files, 'shop.yaml', 'a', ['backendRefs: [{name: ']),
          rangeOf(files, 'shop.yaml', '81'),
          rangeOf(files, 'shop.yaml', 'b', ['81}, {name: ']),
        ],
      );
    });
  });

  describe('OpenShift Routes: reports', () => {
    const openshift = (to: string, alternate = '') => `apiVersion: route.openshift.io/v1
kind: Route
metadata: {name: web, namespace: shop}
spec:
  host: web.apps.example.com
  port: {targetPort: http}
  to: ${to}
${alternate}`;

    it('a missing Service in spec.to, on its name', () => {
      const files = {
        'shop.yaml': [service('web'), openshift('{kind: Service, name: frontend, weight: 100}')].join(
          '---\n',
        ),
      };
      const finding = onlyFinding(CODE, files);
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.range, rangeOf(files, 'shop.yaml', 'frontend'));
      assert.equal(
        finding.message,
        "Route 'web' sends traffic to Service 'frontend', which does not exist in namespace 'shop'. Services there: web.",
      );
    });

    it('a missing Service in alternateBackends, on that entry, with kind defaulting to Service', () => {
      const files = {
        'shop.yaml': [
          service('web'),
          openshift(
            '{kind: Service, name: web, weight: 80}',
            '  alternateBackends:\n    - {kind: Service, name: web, weight: 10}\n    - {name: web-canary, weight: 10}\n',
          ),
        ].join('---\n'),
      };
      const finding = onlyFinding(CODE, files);
      assert.deepEqual(finding.range, rangeOf(files, 'shop.yaml', 'web-canary'));
    });

    it('does not check spec.port.targetPort, and ignores targets of other kinds', () => {
      const files = {
        'shop.yaml': [
          service('web'),
          openshift('{kind: Service, name: web}').replace('targetPort: http', 'targetPort: 9999'),
          openshift('{kind: Other, name: nothing}').replace('name: web, namespace', 'name: other, namespace'),
        ].join('---\n'),
      };
      assert.deepEqual(findingsOf(CODE, files), []);
    });
  });

  describe('does not report', () => {
    const cases: Record<string, Record<string, string>> = {
      'backendRefs to an existing Service and port': {
        'shop.yaml': [service('web'), route('        - {name: web, port: 80, weight: 90}\n')].join('---\n'),
      },
      'a backendRef without port (the port is not checked then)': {
        'shop.yaml': [service('web'), route('        - {name: web}\n')].join('---\n'),
      },
      'a cross-namespace backendRef with a ReferenceGrant for all Services': {
        'shop.yaml': [service('orders', 'data'), route(CROSS), grant()].join('---\n'),
      },
      'a cross-namespace backendRef with a ReferenceGrant naming the Service': {
        'shop.yaml': [service('orders', 'data'), route(CROSS), grant('HTTPRoute', 'shop', 'orders')].join(
          '---\n',
        ),
      },
      'a backendRef whose namespace is written but is the route namespace': {
        'shop.yaml': [service('web'), route('        - {name: web, namespace: shop, port: 80}\n')].join(
          '---\n',
        ),
      },
      'backendRefs of other kinds and groups': {
        'shop.yaml': route(
          '        - {group: multicluster.x-k8s.io, kind: ServiceImport, name: remote, port: 80}\n        - {group: example.com, kind: Service, name: custom, port: 80}\n',
        ),
      },
      'an explicit core group ("")': {
        'shop.yaml': [
          service('web'),
          route('        - {group: "", kind: Service, name: web, port: 80}\n'),
        ].join('---\n'),
      },
      'a port number on an ExternalName Service without ports': {
        'shop.yaml': [
          `apiVersion: v1
kind: Service
metadata: {name: docs, namespace: shop}
spec: {type: ExternalName, externalName: docs.example.com}
`,
          route('        - {name: docs, port: 443}\n'),
        ].join('---\n'),
      },
      'a headless Service and a Service without selector as backends': {
        'shop.yaml': [
          service('db').replace('  selector', '  clusterIP: None\n  selector'),
          service('legacy').replace('  selector: {app: legacy}\n', ''),
          route('        - {name: db, port: 80}\n        - {name: legacy, port: 80}\n'),
        ].join('---\n'),
      },
      'the route and the Service in different files of the same namespace': {
        'a/service.yaml': service('web'),
        'b/route.yaml': route('        - {name: web, port: 80}\n'),
      },
      'a Route kind of another API group': {
        'shop.yaml': `apiVersion: example.com/v1
kind: Route
metadata: {name: web, namespace: shop}
spec:
  to: {kind: Service, name: nowhere}
`,
      },
    };
    for (const [name, files] of Object.entries(cases)) {
      it(name, () => assert.deepEqual(findingsOf(CODE, files), []));
    }

    it('a route without namespace, with a backendRef namespace equal to the default namespace option', () => {
      const files = {
        'svc.yaml': service('web'),
        'route.yaml': route('        - {name: web, namespace: shop, port: 80}\n').replace(
          'metadata: {name: store, namespace: shop}',
          'metadata: {name: store}',
        ),
      };
      assert.deepEqual(findingsOf(CODE, files, 'shop'), []);
      // Placed in another namespace, the same route needs a ReferenceGrant.
      const finding = onlyFinding(CODE, files, 'default');
      assert.match(finding.message, /no ReferenceGrant in 'shop' allows HTTPRoutes from 'default'/);
    });

    it('a Helm template (the same route without its template line is reported)', () => {
      const template = route('        - {name: gone, port: 80}\n').replace(
        'metadata: {name: store, namespace: shop}',
        'metadata:\n  name: store\n  namespace: shop\n  labels:\n    chart: {{ .Chart.Name }}-{{ .Chart.Version }}',
      );
      assert.deepEqual(findingsOf(CODE, { 'chart/templates/route.yaml': template }), []);
      assert.equal(findingsOf(CODE, { 'route.yaml': template.replace(/^.*\{\{.*\n/m, '') }).length, 1);
    });

    it('YAML that is not a Kubernetes manifest (no apiVersion), which would be reported if it were one', () => {
      const text = route('        - {name: gone, port: 80}\n').replace(/^apiVersion: .*\n/, '');
      assert.deepEqual(findingsOf(CODE, { 'notes.yaml': text }), []);
      assert.equal(
        findingsOf(CODE, { 'notes.yaml': `apiVersion: gateway.networking.k8s.io/v1\n${text}` }).length,
        1,
      );
    });
  });
});
