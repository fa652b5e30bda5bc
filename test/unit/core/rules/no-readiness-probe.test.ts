import * as assert from 'node:assert/strict';
import { findingsOf, onlyFinding, positionOf, rangeOf } from './backendRuleHelpers';

const CODE = 'no-readiness-probe';

/** Service `name` in `shop` selecting `app: web`. */
function service(name = 'web', extraSpec = '', namespace = 'shop'): string {
  return `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${namespace}}
spec:
${extraSpec}  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`;
}

/** Deployment `web` in `shop` with pods labelled `app: web` and the given `containers:` items. */
function deployment(containers: string, podSpec = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
${podSpec}      containers:
${containers}`;
}

const PROBE = '          readinessProbe: {httpGet: {path: /ready, port: 8080}}\n';
const NO_PROBE = '        - name: server\n          image: example/web\n';

describe('no-readiness-probe', () => {
  describe('reports', () => {
    it('a container without readinessProbe behind a Service, on its name, naming the Service', () => {
      const containers = `        - name: server
          image: example/web
        - name: proxy
          image: example/proxy
${PROBE}`;
      const files = { 'web.yaml': [service(), deployment(containers)].join('---\n') };
      const finding = onlyFinding(CODE, files);
      assert.equal(finding.code, CODE);
      assert.equal(finding.severity, 'info');
      assert.deepEqual(finding.range, rangeOf(files, 'web.yaml', 'server'));
      // Line 16: `        - name: server`, the name after 16 characters.
      assert.deepEqual(positionOf(files['web.yaml'], finding.range.start), { line: 16, character: 16 });
      assert.equal(
        finding.message,
        "Container 'server' of Deployment 'web' has no readinessProbe, but Service 'web' sends it traffic: it will get requests before it is ready and while it fails.",
      );
      assert.equal(finding.related, undefined);
    });

    it('each app container without a probe, never the init containers', () => {
      const init = '      initContainers:\n        - name: migrate\n          image: example/migrate\n';
      const containers = `${NO_PROBE}        - name: sidecar\n          image: example/log\n`;
      const files = { 'web.yaml': [service(), deployment(containers, init)].join('---\n') };
      assert.deepEqual(
        findingsOf(CODE, files).map((finding) => finding.range),
        [rangeOf(files, 'web.yaml', 'server'), rangeOf(files, 'web.yaml', 'sidecar')],
      );
    });

    it('a StatefulSet behind its headless Service (headless DNS lists ready pods only)', () => {
      const statefulSet = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  serviceName: db
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: postgres
          image: postgres:16
`;
      const files = { 'db.yaml': [service('db', '  clusterIP: None\n'), statefulSet].join('---\n') };
      const finding = onlyFinding(CODE, files);
      assert.deepEqual(finding.range, rangeOf(files, 'db.yaml', 'postgres', ['- name: ']));
      assert.match(
        finding.message,
        /^Container 'postgres' of StatefulSet 'db' has no readinessProbe, but Service 'db' sends/,
      );
    });

    it('a CronJob container, on its name inside the job template', () => {
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
              image: example/report
`;
      const files = { 'report.yaml': [service(), cronJob].join('---\n') };
      const finding = onlyFinding(CODE, files);
      assert.deepEqual(finding.range, rangeOf(files, 'report.yaml', 'report', ['- name: ']));
      assert.match(finding.message, /of CronJob 'report'/);
    });

    it('behind a Service that publishes not-ready addresses and another that does not: names the other', () => {
      const files = {
        'web.yaml': [
          service('web-peers', '  clusterIP: None\n  publishNotReadyAddresses: true\n'),
          service('web'),
          deployment(NO_PROBE),
        ].join('---\n'),
      };
      const finding = onlyFinding(CODE, files);
      assert.match(finding.message, /but Service 'web' sends it traffic/);
    });

    it('across files, in the default namespace option', () => {
      const files = {
        'svc.yaml': service().replace('metadata: {name: web, namespace: shop}', 'metadata: {name: web}'),
        'deploy.yaml': deployment(NO_PROBE),
      };
      const finding = onlyFinding(CODE, files, 'shop');
      assert.deepEqual(finding.range, rangeOf(files, 'deploy.yaml', 'server'));
    });
  });

  describe('does not report', () => {
    const cases: Record<string, Record<string, string>> = {
      'containers that all have a readinessProbe': {
        'web.yaml': [service(), deployment(`${NO_PROBE}${PROBE}`)].join('---\n'),
      },
      'a workload no Service selects': {
        'web.yaml': [service().replace('{app: web}', '{app: other}'), deployment(NO_PROBE)].join('---\n'),
      },
      'a workload only a Service of another namespace would match': {
        'web.yaml': [service('web', '', 'other'), deployment(NO_PROBE)].join('---\n'),
      },
      'a Service without selector (it sends nothing to these pods)': {
        'web.yaml': [service().replace('  selector: {app: web}\n', ''), deployment(NO_PROBE)].join('---\n'),
      },
      'an ExternalName Service whose selector matches (Kubernetes ignores the selector)': {
        'web.yaml': [
          service('web', '  type: ExternalName\n  externalName: web.example.com\n'),
          deployment(NO_PROBE),
        ].join('---\n'),
      },
      'a Service that publishes not-ready addresses (readiness does not change where it sends traffic)': {
        'web.yaml': [
          service('web-peers', '  clusterIP: None\n  publishNotReadyAddresses: true\n'),
          deployment(NO_PROBE),
        ].join('---\n'),
      },
      'an init container without probe when the app container has one': {
        'web.yaml': [
          service(),
          deployment(
            `${NO_PROBE}${PROBE}`,
            '      initContainers:\n        - name: migrate\n          image: example/migrate\n',
          ),
        ].join('---\n'),
      },
    };
    for (const [name, files] of Object.entries(cases)) {
      it(name, () => assert.deepEqual(findingsOf(CODE, files), []));
    }

    it('a Helm template (the same workload without its template line is reported)', () => {
      const template = deployment(NO_PROBE).replace(
        'metadata: {name: web, namespace: shop}',
        'metadata:\n  name: web\n  namespace: shop\n  labels:\n    chart: {{ .Chart.Name }}-{{ .Chart.Version }}',
      );
      assert.deepEqual(
        findingsOf(CODE, { 'svc.yaml': service(), 'chart/templates/deploy.yaml': template }),
        [],
      );
      const rendered = { 'svc.yaml': service(), 'deploy.yaml': template.replace(/^.*\{\{.*\n/m, '') };
      assert.equal(findingsOf(CODE, rendered).length, 1);
    });

    it('YAML that is not a Kubernetes manifest (no apiVersion), which would be reported if it were one', () => {
      const text = deployment(NO_PROBE).replace(/^apiVersion: .*\n/, '');
      assert.deepEqual(findingsOf(CODE, { 'svc.yaml': service(), 'notes.yaml': text }), []);
      assert.equal(
        findingsOf(CODE, { 'svc.yaml': service(), 'notes.yaml': `apiVersion: apps/v1\n${text}` }).length,
        1,
      );
    });
  });
});
