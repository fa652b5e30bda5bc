// What test/unit/core/graph/eastWest/inferCalls.test.ts does not already pin for this code: exact
// positions, related locations of expanded and ConfigMap-sourced values, and the cases that must
// stay quiet (Services in other files, the default namespace, Helm templates, other YAML).
import * as assert from 'node:assert/strict';
import { findingsOf, onlyFinding, positionOf, rangeOf } from './backendRuleHelpers';

const CODE = 'call-unresolved';

/** Deployment `web` in `shop` whose one container has `containerYaml` (indented for it). */
function deployment(containerYaml: string, podSpec = '', metadata = '{name: web, namespace: shop}'): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: ${metadata}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
${podSpec}      containers:
        - name: web
          image: example/web
${containerYaml}`;
}

/** Service `name` in `namespace` selecting `app: name`, port 80. */
function service(name: string, namespace = 'shop', extraSpec = ''): string {
  return `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${namespace}}
spec:
${extraSpec}  selector: {app: ${name}}
  ports: [{port: 80}]
`;
}

const env = (name: string, value: string) => `            - {name: ${name}, value: "${value}"}\n`;

describe('call-unresolved', () => {
  describe('reports', () => {
    it('name:port in an env value, on the whole value, as info', () => {
      const files = { 'web.yaml': deployment(`          env:\n${env('CART_ADDR', 'carts:7070')}`) };
      const finding = onlyFinding(CODE, files);
      assert.equal(finding.code, CODE);
      assert.equal(finding.severity, 'info');
      assert.deepEqual(finding.range, rangeOf(files, 'web.yaml', '"carts:7070"'));
      // Line 12: `            - {name: CART_ADDR, value: "carts:7070"}`, the value after 39 characters.
      assert.deepEqual(positionOf(files['web.yaml'], finding.range.start), { line: 12, character: 39 });
      assert.equal(
        finding.message,
        "'carts:7070' (CART_ADDR) looks like a cluster address, but there is no Service 'carts' in namespace 'shop'; it is left unresolved (no call edge, no NetworkPolicy verdict).",
      );
      assert.equal(finding.related, undefined);
    });

    it('a cluster DNS name in args, on that argument, naming the namespace it points to', () => {
      const files = {
        'web.yaml': [
          service('postgres', 'shop'),
          deployment('          args: ["--port=8080", "--db=postgres.data.svc.cluster.local:5432"]\n'),
        ].join('---\n'),
      };
      const finding = onlyFinding(CODE, files);
      assert.deepEqual(
        finding.range,
        rangeOf(files, 'web.yaml', '"--db=postgres.data.svc.cluster.local:5432"'),
      );
      assert.match(
        finding.message,
        /^'postgres\.data\.svc\.cluster\.local:5432' \(args\[1\]\) looks like a cluster address, but there is no Service 'postgres' in namespace 'data';/,
      );
    });

    it('a $(VAR) expansion, on the value that expands it, related to the variable it came from', () => {
      const files = {
        'web.yaml': deployment(
          `          env:\n            - {name: CACHE_HOST, value: rediss}\n${env('CACHE_URL', 'redis://$(CACHE_HOST):6379/0')}`,
        ),
      };
      const finding = onlyFinding(CODE, files);
      assert.deepEqual(finding.range, rangeOf(files, 'web.yaml', '"redis://$(CACHE_HOST):6379/0"'));
      assert.match(finding.message, /^'rediss:6379' \(CACHE_URL\) looks like a cluster address/);
      assert.deepEqual(finding.related, [
        { range: rangeOf(files, 'web.yaml', 'rediss'), message: 'expanded from CACHE_HOST=rediss' },
      ]);
    });

    it('a configMapKeyRef value, on the ConfigMap value in its own file, related to where the workload reads it', () => {
      const files = {
        'config.yaml': `apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shop}
data:
  DB_ADDR: "cartdb:5432"
`,
        'web.yaml': deployment(
          '          env:\n            - name: DB\n              valueFrom: {configMapKeyRef: {name: settings, key: DB_ADDR}}\n',
        ),
      };
      const finding = onlyFinding(CODE, files);
      assert.deepEqual(finding.range, rangeOf(files, 'config.yaml', '"cartdb:5432"'));
      assert.match(finding.message, /^'cartdb:5432' \(DB\) looks like a cluster address/);
      const related = finding.related ?? [];
      assert.equal(related.length, 1);
      assert.deepEqual(
        related[0]!.range,
        rangeOf(files, 'web.yaml', '{configMapKeyRef: {name: settings, key: DB_ADDR}}'),
      );
      // The workload reads the value there; nothing was expanded.
      assert.doesNotMatch(related[0]!.message, /expanded/);
      assert.match(related[0]!.message, /Deployment\/shop\/web/);
      assert.match(related[0]!.message, /DB from ConfigMap settings/);
    });

    it('an envFrom value, on the ConfigMap value, related to the envFrom entry that reads it', () => {
      const files = {
        'web.yaml': [
          'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}\ndata: {CART_ADDR: "carts:7070"}\n',
          deployment('          envFrom: [{configMapRef: {name: settings}}]\n'),
        ].join('---\n'),
      };
      const finding = onlyFinding(CODE, files);
      assert.deepEqual(finding.range, rangeOf(files, 'web.yaml', '"carts:7070"'));
      assert.deepEqual(finding.related, [
        {
          range: rangeOf(files, 'web.yaml', '{configMapRef: {name: settings}}'),
          message: 'read by Deployment/shop/web: envFrom: settings',
        },
      ]);
    });

    it('a cluster address in a mounted ConfigMap file, on that file', () => {
      const config = `apiVersion: v1
kind: ConfigMap
metadata: {name: app-config, namespace: shop}
data:
  app.conf: |
    search = "http://search.data.svc.cluster.local:9200"
    cache: 1234
`;
      const files = {
        'web.yaml': [
          config,
          deployment(
            '          volumeMounts: [{name: conf, mountPath: /etc/app}]\n',
            '      volumes: [{name: conf, configMap: {name: app-config}}]\n',
          ),
        ].join('---\n'),
      };
      const finding = onlyFinding(CODE, files);
      // A block scalar's node runs from `|` to the end of its last line, line break included.
      const start = rangeOf(files, 'web.yaml', '|').start;
      assert.deepEqual(finding.range, {
        file: 'web.yaml',
        start,
        end: rangeOf(files, 'web.yaml', '---').start,
      });
      assert.match(
        finding.message,
        /^'search\.data\.svc\.cluster\.local:9200' \(app-config\/app\.conf\) looks like a cluster address, but there is no Service 'search' in namespace 'data';/,
      );
    });

    it('name.namespace where the namespace is known to the workspace', () => {
      const files = {
        'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: {name: data}\n',
        'web.yaml': deployment(`          env:\n${env('SEARCH_URL', 'http://search.data:9200')}`),
      };
      const finding = onlyFinding(CODE, files);
      assert.deepEqual(finding.range, rangeOf(files, 'web.yaml', '"http://search.data:9200"'));
      assert.match(finding.message, /no Service 'search' in namespace 'data'/);
    });

    it('a short name whose Service is in another namespace only (short names resolve in the caller namespace)', () => {
      const files = {
        'svc.yaml': service('cart', 'other'),
        'web.yaml': deployment(`          env:\n${env('CART_ADDR', 'cart:80')}`),
      };
      const { message } = onlyFinding(CODE, files);
      assert.match(message, /no Service 'cart' in namespace 'shop'/);
      assert.match(
        message,
        /A Service 'cart' exists in namespace 'other', but a short name resolves only in the caller's own namespace\.$/,
      );
    });

    it('says which side declares no namespace when that placed them apart', () => {
      const files = {
        'svc.yaml': service('cart', 'shop'),
        'web.yaml': deployment(`          env:\n${env('CART_ADDR', 'cart:80')}`, '', '{name: web}'),
      };
      const { message } = onlyFinding(CODE, files, 'team');
      assert.match(message, /no Service 'cart' in namespace 'team'/);
      assert.match(message, /exists in namespace 'shop'/);
      assert.match(message, /Deployment 'web' declares no namespace and was placed in 'team'/);
    });
  });

  describe('does not report', () => {
    const cases: Record<string, Record<string, string>> = {
      'a Service defined in another file of the same namespace': {
        'svc.yaml': service('cart'),
        'web.yaml': deployment(`          env:\n${env('CART_ADDR', 'cart:80')}`),
      },
      'a Service without selector (endpoints managed by hand) and an ExternalName Service': {
        'svc.yaml': [
          service('legacy').replace('  selector: {app: legacy}\n', ''),
          'apiVersion: v1\nkind: Service\nmetadata: {name: payments, namespace: shop}\nspec: {type: ExternalName, externalName: pay.example.com}\n',
        ].join('---\n'),
        'web.yaml': deployment(
          `          env:\n${env('LEGACY', 'legacy:80')}${env('PAY', 'https://payments')}`,
        ),
      },
      'a StatefulSet pod address under its headless Service': {
        'svc.yaml': service('db', 'data', '  clusterIP: None\n'),
        'web.yaml': deployment(`          env:\n${env('DB', 'db-0.db.data.svc.cluster.local:80')}`),
      },
      'name.namespace for a namespace the workspace does not know (probably an outside domain)': {
        'web.yaml': deployment(`          env:\n${env('SEARCH_URL', 'http://search.data:9200')}`),
      },
      'word:1234 in a mounted file (a key or a label as likely as an address)': {
        'web.yaml': [
          'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: conf, namespace: shop}\ndata:\n  app.yaml: "timeout:1234"\n',
          deployment(
            '          volumeMounts: [{name: conf, mountPath: /etc/app}]\n',
            '      volumes: [{name: conf, configMap: {name: conf}}]\n',
          ),
        ].join('---\n'),
      },
    };
    for (const [name, files] of Object.entries(cases)) {
      it(name, () => assert.deepEqual(findingsOf(CODE, files), []));
    }

    it('a caller without namespace and a Service in the default namespace option', () => {
      const files = {
        'svc.yaml': service('cart'),
        'web.yaml': deployment(`          env:\n${env('CART_ADDR', 'cart:80')}`, '', '{name: web}'),
      };
      assert.deepEqual(findingsOf(CODE, files, 'shop'), []);
      assert.match(onlyFinding(CODE, files, 'default').message, /no Service 'cart' in namespace 'default'/);
    });

    it('a Helm template (the same workload without its template line is reported)', () => {
      const template = deployment(
        `          env:\n${env('CART_ADDR', 'carts:7070')}`,
        '',
        '\n  name: web\n  namespace: shop\n  labels:\n    chart: {{ .Chart.Name }}-{{ .Chart.Version }}',
      );
      assert.deepEqual(findingsOf(CODE, { 'chart/templates/web.yaml': template }), []);
      assert.equal(findingsOf(CODE, { 'web.yaml': template.replace(/^.*\{\{.*\n/m, '') }).length, 1);
    });

    it('YAML that is not a Kubernetes manifest (no apiVersion), which would be reported if it were one', () => {
      const text = deployment(`          env:\n${env('CART_ADDR', 'carts:7070')}`).replace(
        /^apiVersion: .*\n/,
        '',
      );
      assert.deepEqual(findingsOf(CODE, { 'notes.yaml': text }), []);
      assert.equal(findingsOf(CODE, { 'notes.yaml': `apiVersion: apps/v1\n${text}` }).length, 1);
    });
  });
});
