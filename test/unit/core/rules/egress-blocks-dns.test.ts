import * as assert from 'node:assert/strict';
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

const CODE = 'egress-blocks-dns';

const API = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: main, image: api}]}
`;

/** A policy isolating api's egress with these rules (YAML flow list). */
function apiEgress(egress: string, name = 'api-egress'): string {
  return networkPolicy(
    name,
    'shop',
    `  podSelector: {matchLabels: {app: api}}\n  policyTypes: [Egress]\n  egress: ${egress}\n`,
  );
}

function shop(...policies: string[]): Files {
  return { 'shop.yaml': docs(API, ...policies) };
}

/** Whether api gets the finding with these egress rules. */
function blocked(egress: string): boolean {
  return run(CODE, shop(apiEgress(egress))).length > 0;
}

const KUBE_SYSTEM = '{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}';

describe('rule egress-blocks-dns', () => {
  it('reports an isolated egress without DNS on the workload’s name, as a warning naming the policy', () => {
    const files = shop(apiEgress('[{to: [{podSelector: {matchLabels: {app: db}}}], ports: [{port: 5432}]}]'));
    const finding = single(run(CODE, files));
    assert.equal(finding.code, CODE);
    assert.equal(finding.severity, 'warning');
    assertRange(files, finding.range, rangeOf(files, 'shop.yaml', 'api', { after: 'name: ' }));
    assert.equal(
      finding.message,
      "The egress of Deployment 'api' is isolated by NetworkPolicy/shop/api-egress, and no rule allows UDP port 53 " +
        'to kube-dns in kube-system (nor TCP 53): its DNS lookups, Service names included, will fail. Allow egress to ' +
        'namespace kube-system, pods k8s-app=kube-dns, on UDP and TCP 53.',
    );
    assert.deepEqual(finding.related, [
      {
        range: rangeOf(files, 'shop.yaml', 'api-egress'),
        message: 'NetworkPolicy/shop/api-egress isolates its egress',
      },
    ]);
  });

  it('is silent when nothing isolates the egress', () => {
    assert.deepEqual(run(CODE, shop()), []);
    const ingressOnly = networkPolicy(
      'api-in',
      'shop',
      '  podSelector: {matchLabels: {app: api}}\n  ingress: []\n',
    );
    assert.deepEqual(run(CODE, shop(ingressOnly)), [], 'no policyTypes and no egress rules: ingress only');
    const otherNamespace = apiEgress('[]').replace('namespace: shop', 'namespace: other');
    assert.deepEqual(run(CODE, shop(otherNamespace)), []);
  });

  it('reports a deny-all egress (policyTypes [Egress] and no rules)', () => {
    assert.equal(blocked('[]'), true);
  });

  it('is silent when a rule without `to` admits DNS, with or without ports', () => {
    assert.equal(blocked('[{}]'), false);
    assert.equal(blocked('[{ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]}]'), false);
  });

  it('is silent when a rule admits UDP 53 to the kube-system namespace, with or without the kube-dns pod labels', () => {
    assert.equal(blocked(`[{to: [${KUBE_SYSTEM}], ports: [{port: 53, protocol: UDP}]}]`), false);
    assert.equal(
      blocked(
        '[{to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}], ports: [{port: 53, protocol: UDP}]}]',
      ),
      false,
    );
    assert.equal(blocked('[{to: [{namespaceSelector: {}}], ports: [{port: 53, protocol: UDP}]}]'), false);
  });

  it('reports a podSelector without namespaceSelector: it means pods of the policy’s own namespace', () => {
    assert.equal(
      blocked(
        '[{to: [{podSelector: {matchLabels: {k8s-app: kube-dns}}}], ports: [{port: 53, protocol: UDP}]}]',
      ),
      true,
    );
  });

  it('reports a namespace label kube-system does not carry (`name: kube-system` is not set automatically)', () => {
    assert.equal(
      blocked(
        '[{to: [{namespaceSelector: {matchLabels: {name: kube-system}}}], ports: [{port: 53, protocol: UDP}]}]',
      ),
      true,
    );
  });

  it('is satisfied by UDP 53 alone; TCP 53 alone is reported, without "(nor TCP 53)"', () => {
    // Lookups use UDP; TCP is only the fallback for large answers, so UDP alone is not reported.
    assert.equal(blocked(`[{to: [${KUBE_SYSTEM}], ports: [{port: 53, protocol: UDP}]}]`), false);
    const files = shop(apiEgress(`[{to: [${KUBE_SYSTEM}], ports: [{port: 53, protocol: TCP}]}]`));
    const finding = single(run(CODE, files));
    assert.match(finding.message, /no rule allows UDP port 53 to kube-dns in kube-system: its DNS lookups/);
    assert.doesNotMatch(finding.message, /nor TCP 53/);
  });

  it('reads a port without protocol as TCP (API default), so port 53 alone does not admit DNS over UDP', () => {
    const finding = single(run(CODE, shop(apiEgress(`[{to: [${KUBE_SYSTEM}], ports: [{port: 53}]}]`))));
    assert.doesNotMatch(finding.message, /nor TCP 53/);
  });

  it('resolves a named port on kube-dns’s pods (dns = UDP 53)', () => {
    assert.equal(blocked(`[{to: [${KUBE_SYSTEM}], ports: [{port: dns, protocol: UDP}]}]`), false);
    assert.equal(
      blocked(`[{to: [${KUBE_SYSTEM}], ports: [{port: dns}]}]`),
      true,
      'dns is declared for UDP only',
    );
    assert.equal(blocked(`[{to: [${KUBE_SYSTEM}], ports: [{port: 50, endPort: 60, protocol: UDP}]}]`), false);
  });

  it('unions the rules of every policy that selects the pod', () => {
    const dns = networkPolicy(
      'allow-dns',
      'shop',
      `  podSelector: {}\n  policyTypes: [Egress]\n  egress: [{to: [${KUBE_SYSTEM}], ports: [{port: 53, protocol: UDP}]}]\n`,
    );
    assert.deepEqual(run(CODE, shop(apiEgress('[]'), dns)), []);
    // Two isolating policies without DNS: both are named.
    const files = shop(apiEgress('[]'), apiEgress('[{ports: [{port: 443}]}]', 'api-https'));
    const finding = single(run(CODE, files));
    assert.match(
      finding.message,
      /isolated by NetworkPolicy\/shop\/api-egress, NetworkPolicy\/shop\/api-https,/,
    );
    assert.deepEqual(
      finding.related?.map((item) => item.range),
      [rangeOf(files, 'shop.yaml', 'api-egress'), rangeOf(files, 'shop.yaml', 'api-https')],
    );
  });

  it('uses the workspace’s own kube-dns and kube-system labels when the manifests have them', () => {
    const kubeSystem = `apiVersion: v1
kind: Namespace
metadata: {name: kube-system, labels: {tier: system}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: coredns, namespace: kube-system}
spec:
  template:
    metadata: {labels: {k8s-app: kube-dns}}
    spec:
      containers:
        - name: coredns
          image: coredns
          ports: [{name: dns, containerPort: 53, protocol: UDP}, {name: dns-tcp, containerPort: 53, protocol: TCP}]
`;
    const byTier = apiEgress(
      '[{to: [{namespaceSelector: {matchLabels: {tier: system}}}], ports: [{port: 53, protocol: UDP}]}]',
    );
    assert.deepEqual(run(CODE, { 'shop.yaml': docs(API, byTier), 'kube-system.yaml': kubeSystem }), []);
    assert.equal(
      run(CODE, { 'shop.yaml': docs(API, byTier) }).length,
      1,
      'without the Namespace, no such label',
    );
  });

  it('judges only the egress: kube-dns’s own ingress policies do not make it report', () => {
    const kubeSystemDeny = networkPolicy(
      'deny-all',
      'kube-system',
      '  podSelector: {}\n  policyTypes: [Ingress]\n',
    );
    const files = {
      'shop.yaml': docs(API, apiEgress(`[{to: [${KUBE_SYSTEM}], ports: [{port: 53, protocol: UDP}]}]`)),
      'kube-system.yaml': kubeSystemDeny,
    };
    assert.deepEqual(run(CODE, files), []);
  });

  it('reports an ipBlock for all addresses: ipBlock peers are taken to match addresses outside the cluster only', () => {
    // The policy engine matches pods by selectors and ipBlock by outside addresses (as
    // netpol-analyzer does); whether a CNI applies ipBlock to pod IPs is implementation-defined.
    assert.equal(blocked('[{to: [{ipBlock: {cidr: 0.0.0.0/0}}]}]'), true);
  });

  it('is silent for pods on the host network, which NetworkPolicies do not restrict', () => {
    const agent = deployment('agent', 'shop', { app: 'api' }, { spec: 'hostNetwork: true' });
    assert.deepEqual(run(CODE, { 'shop.yaml': docs(agent, apiEgress('[]')) }), []);
    const notHost = deployment('agent', 'shop', { app: 'api' });
    assert.equal(run(CODE, { 'shop.yaml': docs(notHost, apiEgress('[]')) }).length, 1);
  });

  it('reports on the workload in its own file when the policy lives in another', () => {
    const files = { 'apps/api.yaml': API, 'policies/api.yaml': apiEgress('[]') };
    const finding = single(run(CODE, files));
    assertRange(files, finding.range, rangeOf(files, 'apps/api.yaml', 'api', { after: 'name: ' }));
    assert.deepEqual(
      finding.related?.map((item) => item.range),
      [rangeOf(files, 'policies/api.yaml', 'api-egress')],
    );
  });

  it('reports nothing for Helm templates', () => {
    const plain = docs(API, apiEgress('[]'));
    const template = plain.replace('image: api', 'image: {{ .Values.image }}');
    assert.notEqual(template, plain);
    assert.deepEqual(run(CODE, { 'templates/all.yaml': template }), []);
    assert.equal(run(CODE, { 'all.yaml': plain }).length, 1);
  });
});
