import * as assert from 'node:assert/strict';
import { findingsOf, onlyFinding, positionOf, rangeOf } from './backendRuleHelpers';

const CODE = 'service-no-endpoints';

/** A Deployment `name` in `namespace` whose pods carry `labels` (a flow map). */
function deployment(name: string, namespace: string, labels: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  selector: {matchLabels: ${labels}}
  template:
    metadata: {labels: ${labels}}
    spec:
      containers:
        - name: main
          image: example/${name}
`;
}

/** A ClusterIP Service `web` in `shop` selecting `selector` (a flow map). */
function service(selector: string, extraSpec = ''): string {
  return `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
${extraSpec}  selector: ${selector}
  ports: [{port: 80, targetPort: 8080}]
`;
}

describe('service-no-endpoints', () => {
  describe('reports', () => {
    it('a selector no pod template matches, on its one label value, naming the closest workload', () => {
      const files = {
        'web.yaml': [service('{app: webb}'), deployment('web', 'shop', '{app: web}')].join('---\n'),
      };
      const finding = onlyFinding(CODE, files);
      assert.equal(finding.code, CODE);
      assert.equal(finding.severity, 'warning');
      assert.deepEqual(finding.range, rangeOf(files, 'web.yaml', 'webb'));
      // `  selector: {app: webb}` is line 4 of the Service; the value starts after 18 characters.
      assert.deepEqual(positionOf(files['web.yaml'], finding.range.start), { line: 4, character: 18 });
      assert.match(finding.message, /^Service 'web' selects pods with app=webb, /);
      assert.match(
        finding.message,
        /no workload in namespace 'shop' has pods with these labels, so it has no endpoints\./,
      );
      assert.match(
        finding.message,
        /The closest is Deployment\/shop\/web, whose pods are labelled app=web\./,
      );
      assert.deepEqual(finding.related, [
        {
          range: rangeOf(files, 'web.yaml', 'web', ['kind: Deployment', 'name: ']),
          message: 'closest workload',
        },
      ]);
    });

    it('labels on the workload itself but not on its pod template', () => {
      const workload = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: {app: web}
spec:
  template:
    metadata: {labels: {app: web-pod}}
    spec:
      containers: [{name: main, image: example/web}]
`;
      const files = { 'web.yaml': [service('{app: web}'), workload].join('---\n') };
      const finding = onlyFinding(CODE, files);
      assert.match(
        finding.message,
        /The closest is Deployment\/shop\/web, whose pods are labelled app=web-pod\./,
      );
    });

    it('a selector where every key must match: one missing label is enough', () => {
      const files = {
        'web.yaml': [service('{app: web, tier: frontend}'), deployment('web', 'shop', '{app: web}')].join(
          '---\n',
        ),
      };
      const finding = onlyFinding(CODE, files);
      assert.match(finding.message, /selects pods with app=web, tier=frontend,/);
      assert.match(finding.message, /The closest is Deployment\/shop\/web/);
    });

    it('matching pods in another namespace only: says the namespace has no workloads, relates nothing', () => {
      const files = {
        'web.yaml': [service('{app: web}'), deployment('web', 'other', '{app: web}')].join('---\n'),
      };
      const finding = onlyFinding(CODE, files);
      assert.match(finding.message, /The workspace has no workloads in namespace 'shop'\.$/);
      assert.equal(finding.related, undefined);
    });

    it('workloads in the namespace that share no label key: no closest, no related location', () => {
      const files = {
        'web.yaml': [service('{app: web}'), deployment('db', 'shop', '{role: db}')].join('---\n'),
      };
      const finding = onlyFinding(CODE, files);
      assert.match(finding.message, /so it has no endpoints\.$/);
      assert.equal(finding.related, undefined);
    });

    it('the closest workload is the one missing fewest labels, then the nearest value', () => {
      const files = {
        'web.yaml': [
          service('{app: payments, tier: api}'),
          deployment('audit', 'shop', '{app: audit, tier: api}'),
          deployment('payment', 'shop', '{app: payment, tier: api}'),
          deployment('payments-ui', 'shop', '{app: payments}'),
        ].join('---\n'),
      };
      const finding = onlyFinding(CODE, files);
      assert.match(
        finding.message,
        /The closest is Deployment\/shop\/payment, whose pods are labelled app=payment, tier=api\./,
      );
      assert.deepEqual(
        finding.related?.[0]?.range,
        rangeOf(files, 'web.yaml', 'payment', ['example/audit', 'name: ']),
      );
    });

    it('a per-pod StatefulSet Service for an ordinal beyond the replicas', () => {
      const statefulSet = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  replicas: 2
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: example/db}]
`;
      const perPod = (ordinal: number) => `apiVersion: v1
kind: Service
metadata: {name: db-${ordinal}, namespace: shop}
spec:
  selector: {app: db, statefulset.kubernetes.io/pod-name: db-${ordinal}}
  ports: [{port: 5432}]
`;
      const files = { 'db.yaml': [statefulSet, perPod(1), perPod(2)].join('---\n') };
      const finding = onlyFinding(CODE, files);
      assert.match(finding.message, /^Service 'db-2' /);
      // On the one label the StatefulSet's pods lack: the pod name beyond the replicas.
      assert.deepEqual(finding.range, rangeOf(files, 'db.yaml', 'db-2', ['name: db-2', 'pod-name: ']));
    });

    it('with several labels, on the one the closest workload lacks; on the selector when several differ', () => {
      const oneOff = {
        'web.yaml': [
          service('{app: web, tier: frontnd}'),
          deployment('web', 'shop', '{app: web, tier: frontend}'),
        ].join('---\n'),
      };
      assert.deepEqual(onlyFinding(CODE, oneOff).range, rangeOf(oneOff, 'web.yaml', 'frontnd'));
      const twoOff = {
        'web.yaml': [
          service('{app: wbe, tier: frontnd}'),
          deployment('web', 'shop', '{app: web, tier: frontend}'),
        ].join('---\n'),
      };
      assert.deepEqual(onlyFinding(CODE, twoOff).range, rangeOf(twoOff, 'web.yaml', 'selector'));
    });

    it('pods an operator creates from a custom resource: info, naming the resource', () => {
      const prometheus = `apiVersion: monitoring.coreos.com/v1
kind: Prometheus
metadata: {name: k8s, namespace: monitoring}
spec: {replicas: 2}
---
apiVersion: v1
kind: Service
metadata: {name: prometheus-k8s, namespace: monitoring}
spec:
  selector: {app.kubernetes.io/name: prometheus}
  ports: [{name: web, port: 9090}]
`;
      const files = { 'monitoring.yaml': prometheus };
      const finding = onlyFinding(CODE, files);
      assert.equal(finding.severity, 'info');
      assert.deepEqual(finding.range, rangeOf(files, 'monitoring.yaml', 'prometheus', ['selector']));
      assert.match(
        finding.message,
        /selects pods with app\.kubernetes\.io\/name=prometheus, which no workload of the manifests has; they are probably created by an operator from Prometheus\/monitoring\/k8s/,
      );
      // The same resource in another namespace creates no pods here.
      const elsewhere = {
        'monitoring.yaml': prometheus.replace(
          'name: k8s, namespace: monitoring',
          'name: k8s, namespace: ops',
        ),
      };
      assert.equal(onlyFinding(CODE, elsewhere).severity, 'warning');
    });

    it('an object without a namespace lands in the default namespace option, not in the workload namespace', () => {
      const files = {
        'svc.yaml': service('{app: web}').replace('namespace: shop', 'labels: {team: a}'),
        'deploy.yaml': deployment('web', 'shop', '{app: web}'),
      };
      const finding = onlyFinding(CODE, files, 'default');
      assert.equal(finding.range.file, 'svc.yaml');
      assert.match(finding.message, /no workload in namespace 'default'/);
    });
  });

  describe('does not report', () => {
    const cases: Record<string, Record<string, string>> = {
      'a matching Deployment': {
        'web.yaml': [service('{app: web}'), deployment('web', 'shop', '{app: web}')].join('---\n'),
      },
      'a Service without selector (endpoints managed by hand)': {
        'web.yaml': `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  ports: [{port: 80}]
---
apiVersion: v1
kind: Endpoints
metadata: {name: web, namespace: shop}
subsets: [{addresses: [{ip: 10.0.0.1}], ports: [{port: 80}]}]
`,
      },
      'a Service with an empty selector': {
        'web.yaml': service('{}'),
      },
      'an ExternalName Service, even with a selector (Kubernetes ignores it)': {
        'web.yaml': service('{app: nothing}', '  type: ExternalName\n  externalName: web.example.com\n'),
      },
      'a headless Service of a StatefulSet': {
        'db.yaml': `apiVersion: v1
kind: Service
metadata: {name: db, namespace: shop}
spec:
  clusterIP: None
  selector: {app: db}
  ports: [{port: 5432}]
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
      containers: [{name: db, image: example/db}]
`,
      },
      'a headless Service without selector': {
        'db.yaml': service('{}', '  clusterIP: None\n').replace('  selector: {}\n', ''),
      },
      'a Service selecting the pods of a CronJob template': {
        'job.yaml': `${service('{app: report}')}---
apiVersion: batch/v1
kind: CronJob
metadata: {name: report, namespace: shop}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        metadata: {labels: {app: report}}
        spec:
          restartPolicy: Never
          containers: [{name: report, image: example/report}]
`,
      },
      'a per-pod StatefulSet Service within the replicas': {
        'db.yaml': `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  replicas: 3
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: example/db}]
---
apiVersion: v1
kind: Service
metadata: {name: db-2, namespace: shop}
spec:
  selector: {statefulset.kubernetes.io/pod-name: db-2}
  ports: [{port: 5432}]
`,
      },
      'the Service in one file and its workload in another file of the same namespace': {
        'a/service.yaml': service('{app: web}'),
        'b/deployment.yaml': deployment('web', 'shop', '{app: web}'),
      },
    };
    for (const [name, files] of Object.entries(cases)) {
      it(name, () => assert.deepEqual(findingsOf(CODE, files), []));
    }

    it('a Service without namespace whose workload is in the default namespace option', () => {
      const files = {
        'svc.yaml': service('{app: web}').replace('name: web, namespace: shop', 'name: web'),
        'deploy.yaml': deployment('web', 'shop', '{app: web}'),
      };
      assert.deepEqual(findingsOf(CODE, files, 'shop'), []);
    });

    it('a Helm template (the same Service without its template line is reported)', () => {
      const template = service('{app: nothing}').replace(
        'metadata: {name: web, namespace: shop}',
        'metadata:\n  name: web\n  namespace: shop\n  labels:\n    chart: {{ .Chart.Name }}-{{ .Chart.Version }}',
      );
      assert.deepEqual(findingsOf(CODE, { 'chart/templates/service.yaml': template }), []);
      const rendered = template.replace(/^.*\{\{.*\n/m, '');
      assert.equal(findingsOf(CODE, { 'service.yaml': rendered }).length, 1);
    });

    it('YAML that is not a Kubernetes manifest (no apiVersion), which would be reported if it were one', () => {
      const notManifest = service('{app: nothing}').replace('apiVersion: v1\n', '');
      assert.deepEqual(findingsOf(CODE, { 'docs/example.yaml': notManifest }), []);
      assert.equal(findingsOf(CODE, { 'docs/example.yaml': `apiVersion: v1\n${notManifest}` }).length, 1);
    });
  });
});
