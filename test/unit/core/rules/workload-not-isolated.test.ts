import * as assert from 'node:assert/strict';
import { RULE_CODES } from '../../../../src/core/rules/finding';
import {
  assertRange,
  deployment,
  docs,
  networkPolicy,
  rangeOf,
  run,
  single,
  type Files,
} from './policyRuleFixtures';

const CODE = 'workload-not-isolated';

/** Ids of the workloads reported, sorted. */
function reported(files: Files): string[] {
  return run(CODE, files)
    .map(
      (finding) => /selects (\w+) '([^']+)'/.exec(finding.message)?.slice(1, 3).join(' ') ?? finding.message,
    )
    .sort();
}

const API = deployment('api', 'shop', { app: 'api' });
const WEB = deployment('web', 'shop', { app: 'web' });

describe('rule workload-not-isolated', () => {
  it('reports a workload no policy selects, on its metadata.name, as a warning without related locations', () => {
    const files = {
      'api.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: main, image: api}]}
`,
    };
    const finding = single(run(CODE, files));
    assert.equal(finding.code, CODE);
    assert.equal(finding.severity, 'warning');
    assert.equal(RULE_CODES[CODE], 'warning', 'the contract default');
    assertRange(files, finding.range, rangeOf(files, 'api.yaml', 'api', { after: 'name: ' }));
    assert.match(finding.message, /No NetworkPolicy selects Deployment 'api' for ingress/);
    assert.match(finding.message, /every pod in the cluster can connect to it on any port/);
    assert.equal(finding.related, undefined);
  });

  it('is silent for a workload a policy selects for ingress', () => {
    const policy = networkPolicy(
      'api-allow',
      'shop',
      `  podSelector: {matchLabels: {app: api}}
  ingress:
    - from: [{podSelector: {matchLabels: {app: web}}}]
`,
    );
    assert.deepEqual(reported({ 'shop.yaml': docs(API, WEB, policy) }), ['Deployment web']);
  });

  it('counts a policy without policyTypes as an ingress policy even when it has only egress rules', () => {
    // API reference, NetworkPolicySpec.policyTypes: "all policies (whether or not they contain an
    // ingress section) are assumed to affect ingress".
    const policy = networkPolicy(
      'api-egress',
      'shop',
      `  podSelector: {matchLabels: {app: api}}
  egress:
    - to: [{podSelector: {matchLabels: {app: web}}}]
`,
    );
    assert.deepEqual(reported({ 'shop.yaml': docs(API, policy) }), []);
  });

  it('reports a workload selected only by a policy with policyTypes [Egress]', () => {
    const policy = networkPolicy(
      'api-egress-only',
      'shop',
      `  podSelector: {matchLabels: {app: api}}
  policyTypes: [Egress]
  egress: []
`,
    );
    assert.deepEqual(reported({ 'shop.yaml': docs(API, policy) }), ['Deployment api']);
  });

  it('is silent for a policy with policyTypes [Ingress] and no rules (deny all ingress)', () => {
    const policy = networkPolicy(
      'api-deny',
      'shop',
      `  podSelector: {matchLabels: {app: api}}
  policyTypes: [Ingress]
`,
    );
    assert.deepEqual(reported({ 'shop.yaml': docs(API, policy) }), []);
  });

  it('does not count a policy of another namespace, even with matching labels', () => {
    const policy = networkPolicy(
      'api-allow',
      'other',
      `  podSelector: {matchLabels: {app: api}}
  ingress: [{}]
`,
    );
    assert.deepEqual(reported({ 'shop.yaml': docs(API, policy) }), ['Deployment api']);
  });

  it('lets an empty podSelector isolate every workload of its namespace, and only of it', () => {
    const policy = networkPolicy('default-deny', 'shop', `  podSelector: {}\n`);
    const files = {
      'shop.yaml': docs(API, WEB, policy),
      'other.yaml': deployment('api', 'other', { app: 'api' }),
    };
    const finding = single(run(CODE, files));
    assertRange(files, finding.range, rangeOf(files, 'other.yaml', 'api', { after: 'name: ' }));
  });

  it('reports a workload whose labels the podSelector does not match', () => {
    const policy = networkPolicy(
      'api-allow',
      'shop',
      `  podSelector: {matchLabels: {app: api, tier: backend}}
  ingress: [{}]
`,
    );
    assert.deepEqual(reported({ 'shop.yaml': docs(API, policy) }), ['Deployment api']);
  });

  it('matches podSelector matchExpressions', () => {
    const policy = networkPolicy(
      'front',
      'shop',
      `  podSelector:
    matchExpressions: [{key: app, operator: In, values: [api, web]}]
  ingress: [{}]
`,
    );
    const other = deployment('batch', 'shop', { app: 'batch' });
    assert.deepEqual(reported({ 'shop.yaml': docs(API, WEB, other, policy) }), ['Deployment batch']);
  });

  it('uses the pod template labels, not the workload’s own metadata labels', () => {
    const files = {
      'shop.yaml': docs(
        `apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop, labels: {app: api}}
spec:
  template:
    metadata: {labels: {app: api-pod}}
    spec: {containers: [{name: main, image: api}]}
`,
        networkPolicy('api', 'shop', `  podSelector: {matchLabels: {app: api}}\n`),
      ),
    };
    assert.deepEqual(reported(files), ['Deployment api']);
  });

  it('sees a policy in another file of the same namespace, also when the namespace is the default', () => {
    const files = {
      'apps/api.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: main, image: api}]}
`,
      'policies/deny.yaml': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: default}
spec:
  podSelector: {}
`,
    };
    assert.deepEqual(reported(files), []);
    assert.deepEqual(reported({ 'apps/api.yaml': files['apps/api.yaml'] }), ['Deployment api']);
  });

  it('reports every kind that runs pods, on each one’s name, and nothing else', () => {
    const text = docs(
      `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: main, image: db}]}
`,
      `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly, namespace: shop}
spec:
  jobTemplate:
    spec:
      template:
        metadata: {labels: {app: nightly}}
        spec: {containers: [{name: main, image: job}]}
`,
      `apiVersion: v1
kind: Pod
metadata: {name: debug, namespace: shop, labels: {app: debug}}
spec: {containers: [{name: main, image: busybox}]}
`,
      `apiVersion: v1
kind: Service
metadata: {name: svc, namespace: shop}
spec: {selector: {app: db}, ports: [{port: 5432}]}
`,
      `apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shop}
data: {a: b}
`,
    );
    const files = { 'shop.yaml': text };
    const findings = run(CODE, files);
    assert.deepEqual(
      findings.map((finding) => finding.range),
      [
        rangeOf(files, 'shop.yaml', 'db', { after: 'name: ' }),
        rangeOf(files, 'shop.yaml', 'nightly', { after: 'name: ' }),
        rangeOf(files, 'shop.yaml', 'debug', { after: 'name: ' }),
      ],
    );
    assert.match(findings[1]?.message ?? '', /CronJob 'nightly'/);
  });

  it('still warns when only policies of a kind that is not evaluated may apply, and names them', () => {
    const cilium = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: l7, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: api}}
`;
    const finding = single(run(CODE, { 'shop.yaml': docs(API, cilium) }));
    assert.equal(finding.severity, 'warning');
    assert.match(
      finding.message,
      /CiliumNetworkPolicy\/shop\/l7 may restrict it, but policies of that kind are not evaluated/,
    );
  });

  it('is silent for pods on the host network, which NetworkPolicies cannot isolate', () => {
    // Kubernetes documentation, "Network Policies": NetworkPolicy behaviour for hostNetwork pods is
    // undefined; OpenShift: "A network policy does not apply to the host network namespace".
    const agent = deployment('node-agent', 'shop', { app: 'node-agent' }, { spec: 'hostNetwork: true' });
    const notHost = deployment('node-agent', 'shop', { app: 'node-agent' }, { spec: 'hostNetwork: false' });
    assert.deepEqual(reported({ 'agent.yaml': agent }), []);
    assert.deepEqual(reported({ 'agent.yaml': notHost }), ['Deployment node-agent']);
  });

  it('reports nothing for Helm templates and files that are not Kubernetes manifests', () => {
    const template = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "api.fullname" . }}
spec:
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: main, image: api}]}
`;
    const compose = `services:\n  api:\n    image: api\n    ports: ["8080:8080"]\n`;
    assert.deepEqual(reported({ 'templates/api.yaml': template, 'compose.yaml': compose }), []);
    // The same manifest without the template expression is reported: the test can fail.
    assert.deepEqual(reported({ 'api.yaml': template.replace('{{ include "api.fullname" . }}', 'api') }), [
      'Deployment api',
    ]);
  });
});
