import * as assert from 'node:assert/strict';
import { findingsOf, onlyFinding, positionOf, rangeOf } from './backendRuleHelpers';

const CODE = 'service-port-mismatch';

/** Service `web` in `shop` selecting `app: web`, with the given `ports:` items (block style, indented). */
function service(ports: string, extraSpec = ''): string {
  return `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
${extraSpec}  selector: {app: web}
  ports:
${ports}`;
}

/** Deployment `name` in `shop` with pods labelled `app: web` and the given `containers:` items. */
function deployment(containers: string, name = 'web', podSpec = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
${podSpec}      containers:
${containers}`;
}

const SERVER_DECLARES_WEB_8080 = `        - name: server
          image: example/web
          ports: [{name: web, containerPort: 8080}]
`;

describe('service-port-mismatch', () => {
  describe('a named targetPort no container declares', () => {
    it('is an error on the targetPort value, listing what the containers declare, related to the container', () => {
      const files = {
        'web.yaml': [
          service('    - name: http\n      port: 80\n      targetPort: http\n'),
          deployment(SERVER_DECLARES_WEB_8080),
        ].join('---\n'),
      };
      const finding = onlyFinding(CODE, files);
      assert.equal(finding.code, CODE);
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.range, rangeOf(files, 'web.yaml', 'http', ['targetPort: ']));
      // Line 8 of the file: `      targetPort: http`, the value after 18 characters.
      assert.deepEqual(positionOf(files['web.yaml'], finding.range.start), { line: 8, character: 18 });
      assert.equal(
        finding.message,
        "Service 'web' port 80 targets the port named 'http', but no container of Deployment/shop/web declares a port with that name; it declares 8080 (web).",
      );
      assert.deepEqual(finding.related, [
        {
          range: rangeOf(files, 'web.yaml', 'server', ['kind: Deployment', '- name: ']),
          message: 'container of Deployment/shop/web',
        },
      ]);
    });

    it('when the containers declare no ports at all', () => {
      const files = {
        'web.yaml': [
          service('    - {port: 80, targetPort: http}\n'),
          deployment('        - {name: server, image: example/web}\n'),
        ].join('---\n'),
      };
      const finding = onlyFinding(CODE, files);
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /declares a port with that name; it declares none\.$/);
    });

    it('when only an init container declares it (Kubernetes looks at running containers only)', () => {
      const init = `      initContainers:
        - name: migrate
          image: example/migrate
          ports: [{name: http, containerPort: 8080}]
`;
      const files = {
        'web.yaml': [
          service('    - {port: 80, targetPort: http}\n'),
          deployment('        - {name: server, image: example/web}\n', 'web', init),
        ].join('---\n'),
      };
      const finding = onlyFinding(CODE, files);
      assert.equal(finding.severity, 'error');
      assert.deepEqual(
        finding.related?.[0]?.range,
        rangeOf(files, 'web.yaml', 'server', ['containers:', 'name: ']),
      );
    });

    it('when the name is declared for another protocol (the port name and protocol must both match)', () => {
      const files = {
        'dns.yaml': [
          service('    - {name: dns, port: 53, protocol: UDP, targetPort: dns}\n'),
          deployment(
            '        - name: dns\n          image: example/dns\n          ports: [{name: dns, containerPort: 5353}]\n',
          ),
        ].join('---\n'),
      };
      const finding = onlyFinding(CODE, files);
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.range, rangeOf(files, 'dns.yaml', 'dns', ['targetPort: ']));
      assert.match(
        finding.message,
        /^Service 'web' port 53\/UDP targets the port named 'dns', but Deployment\/shop\/web declares that name for TCP only;/,
      );
      assert.match(finding.message, /It declares 5353 \(dns\)\.$/);
    });

    it('once per selected workload that lacks it, related to that workload', () => {
      const files = {
        'web.yaml': [
          service('    - {name: http, port: 80, targetPort: http}\n'),
          deployment('        - name: v1\n          ports: [{name: http, containerPort: 8080}]\n', 'web-v1'),
          deployment('        - name: v2\n          ports: [{name: web, containerPort: 8080}]\n', 'web-v2'),
        ].join('---\n'),
      };
      const finding = onlyFinding(CODE, files);
      assert.match(finding.message, /no container of Deployment\/shop\/web-v2 declares/);
      assert.deepEqual(finding.related, [
        {
          range: rangeOf(files, 'web.yaml', 'v2', ['kind: Deployment', 'kind: Deployment', '- name: ']),
          message: 'container of Deployment/shop/web-v2',
        },
      ]);
    });

    it('in a CronJob pod template, related to the container inside the job template', () => {
      const cronJob = `apiVersion: batch/v1
kind: CronJob
metadata: {name: report, namespace: shop}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        metadata: {labels: {app: web}}
        spec:
          restartPolicy: Never
          containers:
            - name: report
              ports: [{name: metrics, containerPort: 9100}]
`;
      const files = {
        'report.yaml': [service('    - {port: 80, targetPort: http}\n'), cronJob].join('---\n'),
      };
      const finding = onlyFinding(CODE, files);
      assert.match(
        finding.message,
        /no container of CronJob\/shop\/report declares a port with that name; it declares 9100 \(metrics\)\./,
      );
      assert.deepEqual(
        finding.related?.[0]?.range,
        rangeOf(files, 'report.yaml', 'report', ['containers:', 'name: ']),
      );
    });
  });

  describe('a numeric targetPort the containers do not declare', () => {
    it('is a warning on the targetPort value when the containers declare other ports', () => {
      const files = {
        'web.yaml': [
          service('    - {name: http, port: 80, targetPort: 9090}\n'),
          deployment(SERVER_DECLARES_WEB_8080),
        ].join('---\n'),
      };
      const finding = onlyFinding(CODE, files);
      assert.equal(finding.severity, 'warning');
      assert.deepEqual(finding.range, rangeOf(files, 'web.yaml', '9090'));
      assert.match(
        finding.message,
        /^Service 'web' port 80 targets container port 9090\/TCP, but Deployment\/shop\/web declares 8080 \(web\)\./,
      );
      assert.match(finding.message, /declare the port; if not, the Service sends traffic nowhere\.$/);
      assert.deepEqual(finding.related, [
        {
          range: rangeOf(files, 'web.yaml', 'server', ['kind: Deployment', '- name: ']),
          message: 'container of Deployment/shop/web',
        },
      ]);
    });

    it('is on the port when targetPort is absent (it defaults to the port)', () => {
      const files = {
        'web.yaml': [
          service('    - name: http\n      port: 80\n'),
          deployment(SERVER_DECLARES_WEB_8080),
        ].join('---\n'),
      };
      const finding = onlyFinding(CODE, files);
      assert.equal(finding.severity, 'warning');
      assert.deepEqual(finding.range, rangeOf(files, 'web.yaml', '80', ['port: ']));
      assert.match(finding.message, /targets container port 80\/TCP/);
    });

    it('is on a written targetPort 0, which defaults to the port', () => {
      const files = {
        'web.yaml': [service('    - {port: 80, targetPort: 0}\n'), deployment(SERVER_DECLARES_WEB_8080)].join(
          '---\n',
        ),
      };
      const finding = onlyFinding(CODE, files);
      assert.deepEqual(finding.range, rangeOf(files, 'web.yaml', '0', ['targetPort: ']));
      assert.match(finding.message, /targets container port 80\/TCP/);
    });

    it('compares the protocol too: UDP 53 to a container declaring 53/TCP only', () => {
      const files = {
        'dns.yaml': [
          service(
            '    - {name: dns-udp, port: 53, protocol: UDP}\n    - {name: dns-tcp, port: 53, protocol: TCP}\n',
          ),
          deployment('        - name: dns\n          ports: [{containerPort: 53}]\n'),
        ].join('---\n'),
      };
      const finding = onlyFinding(CODE, files);
      assert.equal(finding.severity, 'warning');
      assert.deepEqual(finding.range, rangeOf(files, 'dns.yaml', '53', ['dns-udp, port: ']));
      assert.match(
        finding.message,
        /targets container port 53\/UDP, but Deployment\/shop\/web declares 53\./,
      );
    });
  });

  describe('does not report', () => {
    const cases: Record<string, Record<string, string>> = {
      'a named targetPort a container declares': {
        'web.yaml': [
          service('    - {port: 80, targetPort: web}\n'),
          deployment(SERVER_DECLARES_WEB_8080),
        ].join('---\n'),
      },
      'a named targetPort declared by the second container': {
        'web.yaml': [
          service('    - {port: 9100, targetPort: metrics}\n'),
          deployment(
            `${SERVER_DECLARES_WEB_8080}        - name: exporter\n          ports: [{name: metrics, containerPort: 9100}]\n`,
          ),
        ].join('---\n'),
      },
      'a named targetPort declared by a sidecar (an init container with restartPolicy Always)': {
        'web.yaml': [
          service('    - {name: https, port: 443, targetPort: proxy}\n'),
          deployment(
            SERVER_DECLARES_WEB_8080,
            'web',
            `      initContainers:
        - name: tls-proxy
          image: example/proxy
          restartPolicy: Always
          ports: [{name: proxy, containerPort: 8443}]
`,
          ),
        ].join('---\n'),
      },
      'a numeric targetPort declared by a sidecar while the main container declares another port': {
        'web.yaml': [
          service('    - {name: https, port: 443, targetPort: 8443}\n'),
          deployment(
            SERVER_DECLARES_WEB_8080,
            'web',
            `      initContainers:
        - name: tls-proxy
          restartPolicy: Always
          ports: [{containerPort: 8443}]
`,
          ),
        ].join('---\n'),
      },
      'a numeric targetPort on a workload that declares no ports (declaring is optional)': {
        'web.yaml': [
          service('    - {port: 80, targetPort: 8080}\n'),
          deployment('        - {name: server, image: example/web}\n'),
        ].join('---\n'),
      },
      'a numeric targetPort the container declares': {
        'web.yaml': [
          service('    - {port: 80, targetPort: 8080}\n'),
          deployment(SERVER_DECLARES_WEB_8080),
        ].join('---\n'),
      },
      'a single unnamed port whose target the container declares': {
        'web.yaml': [service('    - port: 8080\n'), deployment(SERVER_DECLARES_WEB_8080)].join('---\n'),
      },
      'a Service without selector': {
        'web.yaml': [
          service('    - {port: 80, targetPort: http}\n').replace('  selector: {app: web}\n', ''),
          deployment(SERVER_DECLARES_WEB_8080),
        ].join('---\n'),
      },
      'an ExternalName Service whose selector matches a workload (Kubernetes ignores the selector)': {
        'web.yaml': [
          service(
            '    - {port: 80, targetPort: http}\n',
            '  type: ExternalName\n  externalName: web.example.com\n',
          ),
          deployment(SERVER_DECLARES_WEB_8080),
        ].join('---\n'),
      },
      'a headless Service with a named targetPort the StatefulSet declares': {
        'db.yaml': `apiVersion: v1
kind: Service
metadata: {name: db, namespace: shop}
spec:
  clusterIP: None
  selector: {app: db}
  ports: [{name: pg, port: 5432, targetPort: postgres}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers:
        - name: postgres
          ports: [{name: postgres, containerPort: 5432}]
`,
      },
      'a headless Service without ports': {
        'db.yaml': [
          service('    []\n', '  clusterIP: None\n').replace('  ports:\n    []\n', ''),
          deployment(SERVER_DECLARES_WEB_8080),
        ].join('---\n'),
      },
      'a Service in another namespace than the workload': {
        'web.yaml': [
          service('    - {port: 80, targetPort: http}\n').replace('namespace: shop', 'namespace: other'),
          deployment(SERVER_DECLARES_WEB_8080),
        ].join('---\n'),
      },
    };
    for (const [name, files] of Object.entries(cases)) {
      it(name, () => assert.deepEqual(findingsOf(CODE, files), []));
    }

    it('the Service in one file and the workload in another, both in the default namespace option', () => {
      const files = {
        'a/service.yaml': service('    - {port: 80, targetPort: web}\n').replace(
          'metadata: {name: web, namespace: shop}',
          'metadata: {name: web}',
        ),
        'b/deployment.yaml': deployment(SERVER_DECLARES_WEB_8080),
      };
      assert.deepEqual(findingsOf(CODE, files, 'shop'), []);
      // The same files do meet when the port is wrong: the check does span files.
      const wrong = {
        ...files,
        'a/service.yaml': files['a/service.yaml'].replace('targetPort: web', 'targetPort: http'),
      };
      const finding = onlyFinding(CODE, wrong, 'shop');
      assert.deepEqual(finding.range, rangeOf(wrong, 'a/service.yaml', 'http'));
      assert.equal(finding.related?.[0]?.range.file, 'b/deployment.yaml');
    });

    it('a Helm template (the same Service without its template line is reported)', () => {
      const template = [
        service('    - {port: 80, targetPort: http}\n').replace(
          'metadata: {name: web, namespace: shop}',
          'metadata:\n  name: web\n  namespace: shop\n  labels:\n    chart: {{ .Chart.Name }}-{{ .Chart.Version }}',
        ),
        deployment(SERVER_DECLARES_WEB_8080),
      ].join('---\n');
      assert.deepEqual(findingsOf(CODE, { 'chart/templates/all.yaml': template }), []);
      assert.equal(findingsOf(CODE, { 'all.yaml': template.replace(/^.*\{\{.*\n/m, '') }).length, 1);
    });

    it('YAML that is not a Kubernetes manifest (no apiVersion), which would be reported if it were one', () => {
      const text = [service('    - {port: 80, targetPort: http}\n'), deployment(SERVER_DECLARES_WEB_8080)]
        .join('---\n')
        .replace(/^apiVersion: .*\n/gm, '');
      assert.deepEqual(findingsOf(CODE, { 'notes.yaml': text }), []);
      const manifest = text
        .replace('kind: Service', 'apiVersion: v1\nkind: Service')
        .replace('kind: Deployment', 'apiVersion: apps/v1\nkind: Deployment');
      assert.equal(findingsOf(CODE, { 'notes.yaml': manifest }).length, 1);
    });
  });
});
