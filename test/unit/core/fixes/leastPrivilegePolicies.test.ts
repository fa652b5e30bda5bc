import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { Analysis } from '../../../../src/core/analysis';
import { generatePolicies, isolateNamespace } from '../../../../src/core/fixes/leastPrivilegePolicies';
import { policiesToYaml } from '../../../../src/core/fixes/policyYaml';
import { ALL_IPV4 } from '../../../../src/core/policy/ipRanges';
import { connectivity } from '../../../../src/core/policy/connectivity';
import type { Protocol } from '../../../../src/core/policy/connectionSet';
import type { Endpoint } from '../../../../src/core/policy/endpoints';
import { reach } from '../../../../src/core/policy/reach';
import { assertGolden } from '../../../helpers/golden';
import { analyze, findingLines, WORKSPACE, type Files } from './fixesFixtures';

const GOLDEN = path.join(__dirname, '../../../fixtures/fixes/small-workspace.policies.yaml');

/** The workspace with the generated YAML added as one more file. */
function withPolicies(files: Files, yaml: string, options: { ingressController?: string } = {}): Analysis {
  return analyze({ ...files, 'generated.yaml': yaml }, options);
}

function endpoint(analysis: Analysis, id: string): Endpoint {
  if (id === 'external') return { kind: 'external', range: ALL_IPV4 };
  if (id === 'ingress-controller')
    return { kind: 'ingress-controller', controller: analysis.graph.ingressController };
  const workload = analysis.model.workloadsById.get(id);
  assert.ok(workload, `no workload ${id}`);
  return { kind: 'workload', workload };
}

function allowed(analysis: Analysis, from: string, to: string, port: number, protocol: Protocol = 'TCP') {
  return reach(
    analysis.graph.policy,
    endpoint(analysis, from),
    [{ endpoint: endpoint(analysis, to), port }],
    protocol,
  ).allowed;
}

function connections(analysis: Analysis): string[] {
  const { policy, context, ingressController } = analysis.graph;
  return connectivity(policy, context, ingressController).map(
    (line) => `${line.src} => ${line.dst} : ${line.conn}`,
  );
}

/** Every north-south last hop and every call, with its verdict. */
function verdicts(analysis: Analysis): string[] {
  return analysis.graph.edges
    .filter((edge) => edge.policy !== undefined)
    .map((edge) => `${edge.type} ${edge.from} -> ${edge.to}:${edge.port ?? ''} ${edge.policy!.allowed}`)
    .sort();
}

describe('least-privilege NetworkPolicies', () => {
  const before = analyze(WORKSPACE);
  const yaml = policiesToYaml(generatePolicies(before).policies);
  const after = withPolicies(WORKSPACE, yaml);

  it('writes one policy per workload, rules with their evidence (golden YAML)', () => {
    assertGolden(yaml, GOLDEN);
  });

  it('is text that parses into NetworkPolicies selecting one workload each, for ingress and egress', () => {
    const documents = parseAllDocuments(yaml);
    assert.ok(Array.isArray(documents));
    const objects = documents.map((document) => {
      assert.deepEqual(document.errors, []);
      return document.toJS() as {
        kind: string;
        metadata: { name: string; namespace: string };
        spec: { policyTypes: string[] };
      };
    });
    assert.deepEqual(
      objects.map((object) => `${object.kind}/${object.metadata.namespace}/${object.metadata.name}`),
      [
        'NetworkPolicy/shop/cart-allow',
        'NetworkPolicy/shop/cart-canary-allow',
        'NetworkPolicy/shop/cart-sweep-allow',
        'NetworkPolicy/shop/db-allow',
        'NetworkPolicy/web/catalog-allow',
        'NetworkPolicy/web/frontend-allow',
      ],
    );
    for (const object of objects) assert.deepEqual(object.spec.policyTypes, ['Ingress', 'Egress']);
    assert.ok(!yaml.includes('s3cret'), 'evidence names the variable, never its value');
  });

  it('is the same text whatever the order of the files', () => {
    const reversed = Object.fromEntries(Object.entries(WORKSPACE).reverse());
    assert.equal(policiesToYaml(generatePolicies(analyze(reversed)).policies), yaml);
  });

  it('allows every call and every north-south path', () => {
    assert.deepEqual(verdicts(after), [
      'calls Deployment/web/catalog -> Service/shop/db:5432 true',
      'calls Deployment/web/frontend -> Service/shop/cart:7070 true',
      'calls Deployment/web/frontend -> Service/web/catalog:8080 true',
      'calls Job/shop/cart-sweep -> Service/shop/cart:7070 true',
      'exposes external -> Service/web/frontend:80 true',
      'routes Ingress/web/web -> Service/web/frontend:80 true',
    ]);
  });

  it('blocks every other pair, port and direction (connectivity)', () => {
    assert.ok(
      connections(before).includes('web/catalog[Deployment] => web/frontend[Deployment] : All Connections'),
    );
    assert.deepEqual(connections(after), [
      '0.0.0.0-255.255.255.255[External] => web/frontend[Deployment] : TCP 8080',
      'shop/cart-sweep[Job] => shop/cart-canary[Deployment] : TCP 7071',
      'shop/cart-sweep[Job] => shop/cart[Deployment] : TCP 7070',
      'web/catalog[Deployment] => shop/db[StatefulSet] : TCP 5432',
      'web/frontend[Deployment] => shop/cart-canary[Deployment] : TCP 7071',
      'web/frontend[Deployment] => shop/cart[Deployment] : TCP 7070',
      'web/frontend[Deployment] => web/catalog[Deployment] : TCP 8080',
      '{ingress-controller} => web/frontend[Deployment] : TCP 8080',
    ]);
  });

  it('opens exactly the pod ports the calls arrive at (reach)', () => {
    assert.equal(allowed(after, 'Deployment/web/frontend', 'Deployment/shop/cart', 7070), true);
    assert.equal(allowed(after, 'Deployment/web/frontend', 'Deployment/shop/cart', 7071), false);
    assert.equal(allowed(after, 'Deployment/web/frontend', 'Deployment/shop/cart-canary', 7071), true);
    assert.equal(allowed(after, 'Deployment/web/frontend', 'Deployment/shop/cart-canary', 7070), false);
    assert.equal(allowed(after, 'Deployment/web/catalog', 'Deployment/shop/cart', 7070), false);
    assert.equal(allowed(after, 'Deployment/web/frontend', 'StatefulSet/shop/db', 5432), false);
    assert.equal(allowed(after, 'Deployment/shop/cart', 'Deployment/web/frontend', 8080), false);
    assert.equal(allowed(after, 'external', 'Deployment/web/frontend', 8080), true);
    assert.equal(allowed(after, 'external', 'Deployment/web/catalog', 8080), false);
    assert.equal(allowed(after, 'Deployment/web/catalog', 'external', 443), false, 'no egress outside');
  });

  it('removes workload-not-isolated and changes no other finding', () => {
    const isolated = findingLines(before.findings).filter((line) => line.startsWith('workload-not-isolated'));
    assert.equal(isolated.length, 6);
    assert.deepEqual(
      findingLines(after.findings),
      findingLines(before.findings).filter((line) => !line.startsWith('workload-not-isolated')),
    );
  });

  it('removes egress-blocks-dns and policy-blocks-call where an existing policy isolates egress', () => {
    const legacy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: frontend-egress, namespace: web}
spec:
  podSelector: {matchLabels: {app: frontend}}
  policyTypes: [Egress]
  egress: [{to: [{podSelector: {matchLabels: {app: catalog}}}], ports: [{port: 8080}]}]
`;
    const files = { ...WORKSPACE, 'web/legacy.yaml': legacy };
    const start = analyze(files);
    const codes = (analysis: Analysis) => analysis.findings.map((finding) => finding.code);
    assert.ok(codes(start).includes('egress-blocks-dns'));
    assert.ok(codes(start).includes('policy-blocks-call'));
    const end = withPolicies(files, policiesToYaml(generatePolicies(start).policies));
    const intended = new Set(['workload-not-isolated', 'egress-blocks-dns', 'policy-blocks-call']);
    assert.deepEqual(
      findingLines(end.findings),
      findingLines(start.findings).filter((line) => !intended.has(line.split(' ')[0]!)),
    );
    assert.ok(allowed(end, 'Deployment/web/frontend', 'Deployment/shop/cart', 7070));
  });

  it('admits a configured Ingress controller by namespace and labels, and lets it reach the backends', () => {
    const controller = 'ingress-nginx/app.kubernetes.io/name=ingress-nginx';
    const nginx = `apiVersion: apps/v1
kind: Deployment
metadata: {name: controller, namespace: ingress-nginx}
spec:
  template:
    metadata: {labels: {app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/component: controller}}
    spec: {containers: [{name: nginx, image: nginx}]}
`;
    const files = { ...WORKSPACE, 'ingress-nginx.yaml': nginx };
    const start = analyze(files, { ingressController: controller });
    const generated = policiesToYaml(generatePolicies(start).policies);
    assert.ok(!generated.includes('namespaceSelector: {}'), 'no namespace-wide fallback');
    assert.ok(generated.includes('# The Ingress controller runs in namespace ingress-nginx.'));
    const end = withPolicies(files, generated, { ingressController: controller });
    assert.ok(
      verdicts(end).every((line) => line.endsWith(' true')),
      verdicts(end).join('\n'),
    );
    const fromController = 'Deployment/ingress-nginx/controller';
    assert.equal(allowed(end, fromController, 'Deployment/web/frontend', 8080), true);
    assert.equal(allowed(end, fromController, 'Deployment/web/catalog', 8080), false);
    assert.equal(allowed(end, 'Deployment/shop/cart', 'Deployment/web/frontend', 8080), false);
  });

  it('isolates a namespace: a default-deny first, then an allow policy per workload of it', () => {
    const { policies } = isolateNamespace(before, 'shop');
    assert.deepEqual(
      policies.map((policy) => `${policy.namespace}/${policy.name}`),
      [
        'shop/default-deny',
        'shop/cart-allow',
        'shop/cart-canary-allow',
        'shop/cart-sweep-allow',
        'shop/db-allow',
      ],
    );
    const deny = policiesToYaml(policies.slice(0, 1));
    assert.match(deny, /spec:\n {2}podSelector: \{\}\n {2}policyTypes:\n {4}- Ingress\n {4}- Egress\n$/);
    const end = withPolicies(WORKSPACE, policiesToYaml(policies));
    assert.ok(
      verdicts(end).every((line) => line.endsWith(' true')),
      verdicts(end).join('\n'),
    );
    assert.equal(allowed(end, 'Deployment/web/catalog', 'Deployment/shop/cart', 7070), false);
    assert.equal(
      allowed(end, 'Deployment/web/catalog', 'Deployment/web/frontend', 8080),
      true,
      'web untouched',
    );
  });

  it('keeps names unique against existing policies and skips what policies cannot or should not restrict', () => {
    const existing = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: frontend-allow, namespace: web}
spec: {podSelector: {matchLabels: {app: nothing}}}
`;
    const special = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: web}
spec:
  template:
    metadata: {labels: {app: agent}}
    spec: {hostNetwork: true, containers: [{name: agent, image: agent}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: coredns, namespace: kube-system}
spec:
  template:
    metadata: {labels: {k8s-app: kube-dns}}
    spec: {containers: [{name: coredns, image: coredns}]}
`;
    const analysis = analyze({ ...WORKSPACE, 'web/existing.yaml': existing, 'special.yaml': special });
    const { policies, skipped } = generatePolicies(analysis);
    assert.ok(policies.some((policy) => policy.namespace === 'web' && policy.name === 'frontend-allow-2'));
    assert.ok(!policies.some((policy) => policy.namespace === 'web' && policy.name === 'frontend-allow'));
    assert.deepEqual(
      skipped.map((item) => item.workload),
      ['Deployment/kube-system/coredns', 'DaemonSet/web/agent'],
    );
  });

  it('only for the workloads asked for', () => {
    const { policies } = generatePolicies(before, { workloads: ['Deployment/web/catalog'] });
    assert.deepEqual(
      policies.map((policy) => policy.workload),
      ['Deployment/web/catalog'],
    );
  });
});
