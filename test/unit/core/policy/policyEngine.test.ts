import * as assert from 'node:assert/strict';
import type { Analysis } from '../../../../src/core/analysis';
import type { Protocol } from '../../../../src/core/policy/connectionSet';
import type { Endpoint } from '../../../../src/core/policy/endpoints';
import { reach } from '../../../../src/core/policy/reach';
import { analyzeYaml } from '../../../helpers/analyzeYaml';

// Each test pins one rule of networking.k8s.io/v1 NetworkPolicy semantics (Kubernetes API
// reference, "NetworkPolicySpec", "NetworkPolicyPeer", "NetworkPolicyPort") on minimal pods.

/** A Pod with labels and named container ports, in a namespace. */
function pod(
  name: string,
  namespace: string,
  labels: Record<string, string>,
  ports: [string, number, Protocol?][] = [],
): string {
  const portLines = ports.map(
    ([portName, number, protocol = 'TCP']) =>
      `{name: ${portName}, containerPort: ${number}, protocol: ${protocol}}`,
  );
  return `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: ${namespace}, labels: ${JSON.stringify(labels)}}
spec: {containers: [{name: main, image: x, ports: [${portLines.join(', ')}]}]}
`;
}

function namespace(name: string, labels: Record<string, string> = {}): string {
  return `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}, labels: ${JSON.stringify(labels)}}\n`;
}

function policy(name: string, ns: string, spec: string): string {
  return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n${spec}`;
}

const basePods = [
  namespace('a', { team: 'a' }),
  namespace('b', { team: 'b' }),
  pod('web', 'a', { app: 'web' }, [['http', 8080]]),
  pod('api', 'a', { app: 'api' }, [
    ['http', 9090],
    ['dns', 53, 'UDP'],
  ]),
  pod('client', 'a', { app: 'client' }),
  pod('client-b', 'b', { app: 'client' }),
  pod('other-b', 'b', { app: 'other' }),
];

function workspace(...policies: string[]): Analysis {
  return analyzeYaml({
    'pods.yaml': basePods.join('---\n'),
    'policies.yaml': policies.join('---\n') || '# none\n',
  });
}

function endpoint(analysis: Analysis, id: string): Endpoint {
  if (id === 'external') return { kind: 'external', range: { first: 0xcb007100, last: 0xcb007100 } }; // 203.0.113.0
  const workload = analysis.model.workloadsById.get(id);
  assert.ok(workload, `no workload ${id}`);
  return { kind: 'workload', workload };
}

/** Whether `from` may connect to `to` on `port`. */
function allowed(
  analysis: Analysis,
  from: string,
  to: string,
  port: number | string,
  protocol: Protocol = 'TCP',
): boolean {
  return reach(
    analysis.graph.policy,
    endpoint(analysis, from),
    [{ endpoint: endpoint(analysis, to), port }],
    protocol,
  ).allowed;
}

const WEB = 'Pod/a/web';
const API = 'Pod/a/api';
const CLIENT = 'Pod/a/client';
const CLIENT_B = 'Pod/b/client-b';
const OTHER_B = 'Pod/b/other-b';

describe('NetworkPolicy semantics', () => {
  it('without policies everything is allowed, in both directions', () => {
    const analysis = workspace();
    assert.equal(allowed(analysis, CLIENT, WEB, 8080), true);
    assert.equal(allowed(analysis, CLIENT_B, API, 1), true);
    assert.equal(allowed(analysis, 'external', WEB, 8080), true);
  });

  it('policyTypes defaults to Ingress, plus Egress only when egress rules exist', () => {
    // No policyTypes, no egress rules: Ingress only. `ingress` absent: deny all ingress.
    const ingressOnly = workspace(policy('deny', 'a', '  podSelector: {matchLabels: {app: web}}\n'));
    assert.equal(allowed(ingressOnly, CLIENT, WEB, 8080), false);
    assert.equal(allowed(ingressOnly, WEB, API, 9090), true, 'web egress is not isolated');
    // No policyTypes but egress rules: Ingress and Egress.
    const both = workspace(
      policy(
        'p',
        'a',
        '  podSelector: {matchLabels: {app: web}}\n  egress: [{to: [{podSelector: {matchLabels: {app: api}}}]}]\n',
      ),
    );
    assert.equal(allowed(both, WEB, API, 9090), true);
    assert.equal(allowed(both, WEB, CLIENT, 80), false, 'egress isolated: only api');
    assert.equal(allowed(both, CLIENT, WEB, 8080), false, 'ingress isolated too, with no rules');
    // `egress: []` is no egress rules: ingress only.
    const emptyEgress = workspace(
      policy('p', 'a', '  podSelector: {matchLabels: {app: web}}\n  ingress: [{}]\n  egress: []\n'),
    );
    assert.equal(allowed(emptyEgress, WEB, CLIENT, 80), true);
    // Explicit policyTypes: Egress only leaves ingress open.
    const egressOnly = workspace(
      policy('p', 'a', '  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Egress]\n'),
    );
    assert.equal(allowed(egressOnly, CLIENT, WEB, 8080), true);
    assert.equal(allowed(egressOnly, WEB, CLIENT, 80), false);
    // `policyTypes: []` is defaulted like an absent list (the API server checks its length).
    const emptyTypes = workspace(
      policy(
        'p',
        'a',
        '  podSelector: {matchLabels: {app: web}}\n  policyTypes: []\n  egress: [{to: [{podSelector: {matchLabels: {app: api}}}]}]\n',
      ),
    );
    assert.equal(allowed(emptyTypes, CLIENT, WEB, 8080), false, 'ingress isolated by the default');
    assert.equal(allowed(emptyTypes, WEB, CLIENT, 80), false, 'egress isolated: it has egress rules');
    assert.equal(allowed(emptyTypes, WEB, API, 9090), true);
  });

  it('ingress: [] denies all, ingress: [{}] allows all, absent from/ports mean everything', () => {
    const denyAll = workspace(
      policy('p', 'a', '  podSelector: {}\n  policyTypes: [Ingress]\n  ingress: []\n'),
    );
    assert.equal(allowed(denyAll, CLIENT, WEB, 8080), false);
    assert.equal(allowed(denyAll, CLIENT_B, API, 9090), false);
    const allowAll = workspace(policy('p', 'a', '  podSelector: {}\n  ingress: [{}]\n'));
    assert.equal(allowed(allowAll, CLIENT_B, API, 9090), true);
    assert.equal(allowed(allowAll, 'external', WEB, 1234), true);
  });

  it('a source needs its egress AND the destination its ingress to allow it', () => {
    const egressDenies = workspace(
      policy('web-in', 'a', '  podSelector: {matchLabels: {app: web}}\n  ingress: [{}]\n'),
      policy('client-out', 'a', '  podSelector: {matchLabels: {app: client}}\n  policyTypes: [Egress]\n'),
    );
    assert.equal(allowed(egressDenies, CLIENT, WEB, 8080), false);
    assert.equal(allowed(egressDenies, API, WEB, 8080), true);
  });

  it('podSelector alone = same namespace; namespaceSelector alone = all pods of those namespaces', () => {
    const podsOnly = workspace(
      policy(
        'p',
        'a',
        '  podSelector: {matchLabels: {app: web}}\n  ingress: [{from: [{podSelector: {matchLabels: {app: client}}}]}]\n',
      ),
    );
    assert.equal(allowed(podsOnly, CLIENT, WEB, 8080), true);
    assert.equal(allowed(podsOnly, CLIENT_B, WEB, 8080), false, 'same labels, other namespace');
    const namespacesOnly = workspace(
      policy(
        'p',
        'a',
        '  podSelector: {matchLabels: {app: web}}\n  ingress: [{from: [{namespaceSelector: {matchLabels: {team: b}}}]}]\n',
      ),
    );
    assert.equal(allowed(namespacesOnly, CLIENT_B, WEB, 8080), true);
    assert.equal(allowed(namespacesOnly, OTHER_B, WEB, 8080), true);
    assert.equal(allowed(namespacesOnly, CLIENT, WEB, 8080), false);
  });

  it('both selectors in ONE peer are ANDed; separate peers are ORed', () => {
    const and = workspace(
      policy(
        'p',
        'a',
        '  podSelector: {matchLabels: {app: web}}\n  ingress:\n    - from:\n        - namespaceSelector: {matchLabels: {team: b}}\n          podSelector: {matchLabels: {app: client}}\n',
      ),
    );
    assert.equal(allowed(and, CLIENT_B, WEB, 8080), true);
    assert.equal(allowed(and, OTHER_B, WEB, 8080), false, 'right namespace, wrong pod');
    assert.equal(allowed(and, CLIENT, WEB, 8080), false, 'right pod labels, wrong namespace');
    const or = workspace(
      policy(
        'p',
        'a',
        '  podSelector: {matchLabels: {app: web}}\n  ingress:\n    - from:\n        - namespaceSelector: {matchLabels: {team: b}}\n        - podSelector: {matchLabels: {app: client}}\n',
      ),
    );
    assert.equal(allowed(or, OTHER_B, WEB, 8080), true, 'any pod of team b');
    assert.equal(allowed(or, CLIENT, WEB, 8080), true, 'client of the policy namespace');
  });

  it('namespaces match on kubernetes.io/metadata.name; empty selectors select everything', () => {
    const byName = workspace(
      policy(
        'p',
        'a',
        '  podSelector: {matchLabels: {app: web}}\n  ingress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: b}}}]}]\n',
      ),
    );
    assert.equal(allowed(byName, CLIENT_B, WEB, 8080), true);
    const anyNamespace = workspace(
      policy(
        'p',
        'a',
        '  podSelector: {matchLabels: {app: web}}\n  ingress: [{from: [{namespaceSelector: {}}]}]\n',
      ),
    );
    assert.equal(allowed(anyNamespace, OTHER_B, WEB, 8080), true);
    assert.equal(
      allowed(anyNamespace, 'external', WEB, 8080),
      false,
      'namespaceSelector {} is every pod, not outside addresses',
    );
    const expressions = workspace(
      policy(
        'p',
        'a',
        '  podSelector: {matchExpressions: [{key: app, operator: In, values: [web, api]}]}\n  policyTypes: [Ingress]\n',
      ),
    );
    assert.equal(allowed(expressions, CLIENT, WEB, 8080), false);
    assert.equal(allowed(expressions, CLIENT, API, 9090), false);
    assert.equal(allowed(expressions, WEB, CLIENT, 80), true);
  });

  it('ipBlock with except applies to outside addresses, not to pods', () => {
    const block = workspace(
      policy(
        'p',
        'a',
        '  podSelector: {matchLabels: {app: web}}\n  ingress: [{from: [{ipBlock: {cidr: 203.0.113.0/24, except: [203.0.113.128/25]}}]}]\n',
      ),
    );
    const analysis = block;
    assert.equal(allowed(analysis, 'external', WEB, 8080), true, '203.0.113.0 is in the block');
    const outside = reach(
      analysis.graph.policy,
      { kind: 'external', range: { first: 0xcb007180, last: 0xcb007180 } },
      [{ endpoint: endpoint(analysis, WEB), port: 8080 }],
      'TCP',
    );
    assert.equal(outside.allowed, false, '203.0.113.128 is excepted');
    assert.equal(allowed(analysis, CLIENT, WEB, 8080), false, 'pods are not matched by ipBlock');
  });

  it('a named port resolves on each destination pod: one rule, different numbers', () => {
    const named = workspace(policy('p', 'a', '  podSelector: {}\n  ingress: [{ports: [{port: http}]}]\n'));
    assert.equal(allowed(named, CLIENT, WEB, 8080), true, 'web calls 8080 http');
    assert.equal(allowed(named, CLIENT, API, 9090), true, 'api calls 9090 http');
    assert.equal(allowed(named, CLIENT, WEB, 9090), false);
    assert.equal(allowed(named, CLIENT, CLIENT, 8080), false, 'client declares no http port');
    assert.equal(allowed(named, CLIENT, API, 'http'), true, 'reach takes a port name too');
  });

  it('port ranges with endPort, and protocols are distinct (default TCP)', () => {
    const range = workspace(
      policy(
        'p',
        'a',
        '  podSelector: {matchLabels: {app: api}}\n  ingress: [{ports: [{port: 9000, endPort: 9100}, {port: 53, protocol: UDP}]}]\n',
      ),
    );
    assert.equal(allowed(range, CLIENT, API, 9000), true);
    assert.equal(allowed(range, CLIENT, API, 9090), true);
    assert.equal(allowed(range, CLIENT, API, 9100), true);
    assert.equal(allowed(range, CLIENT, API, 9101), false);
    assert.equal(allowed(range, CLIENT, API, 53, 'UDP'), true);
    assert.equal(allowed(range, CLIENT, API, 53, 'TCP'), false);
    assert.equal(allowed(range, CLIENT, API, 9050, 'SCTP'), false);
  });

  it('the union of the rules of every policy selecting a pod is allowed', () => {
    const union = workspace(
      policy(
        'one',
        'a',
        '  podSelector: {matchLabels: {app: api}}\n  ingress: [{from: [{podSelector: {matchLabels: {app: client}}}], ports: [{port: 9090}]}]\n',
      ),
      policy(
        'two',
        'a',
        '  podSelector: {}\n  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}]}]\n',
      ),
    );
    assert.equal(allowed(union, CLIENT, API, 9090), true);
    assert.equal(allowed(union, CLIENT, API, 53, 'UDP'), false);
    assert.equal(allowed(union, WEB, API, 53, 'UDP'), true);
    const answer = reach(
      union.graph.policy,
      endpoint(union, CLIENT),
      [{ endpoint: endpoint(union, API), port: 9090 }],
      'TCP',
    );
    assert.deepEqual(answer.targets[0]?.ingress?.policies, ['NetworkPolicy/a/one', 'NetworkPolicy/a/two']);
    assert.deepEqual(answer.targets[0]?.ingress?.allowedBy, [{ policy: 'NetworkPolicy/a/one', rule: 0 }]);
  });
});
