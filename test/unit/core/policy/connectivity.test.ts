import * as assert from 'node:assert/strict';
import { connectivity } from '../../../../src/core/policy/connectivity';
import { analyzeYaml } from '../../../helpers/analyzeYaml';

/** A small deterministic cluster with every kind of rule, for cross-checking the two evaluation paths. */
function cluster(seed: number): Record<string, string> {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const namespaces = ['a', 'b', 'c'];
  const documents: string[] = namespaces.map(
    (ns) =>
      `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${ns}, labels: {zone: z${ns === 'c' ? 2 : 1}}}\n`,
  );
  for (let i = 0; i < 12; i++) {
    documents.push(`apiVersion: apps/v1
kind: Deployment
metadata: {name: w${i}, namespace: ${namespaces[i % 3]}}
spec:
  template:
    metadata: {labels: {app: w${i}, tier: t${i % 3}}}
    spec: {containers: [{name: m, ports: [{name: http, containerPort: ${8000 + (i % 4)}}, {name: dns, containerPort: 53, protocol: UDP}]}]}
`);
  }
  const peers = [
    '{podSelector: {matchLabels: {tier: t1}}}',
    '{namespaceSelector: {matchLabels: {zone: z1}}}',
    '{namespaceSelector: {matchLabels: {zone: z2}}, podSelector: {matchExpressions: [{key: tier, operator: NotIn, values: [t0]}]}}',
    '{namespaceSelector: {}}',
  ];
  const ports = ['[{port: http}]', '[{port: 8000, endPort: 8002}]', '[{port: 53, protocol: UDP}]', '[]'];
  for (let i = 0; i < 10; i++) {
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const direction = random() < 0.5 ? 'ingress' : 'egress';
    const key = direction === 'ingress' ? 'from' : 'to';
    documents.push(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p${i}, namespace: ${pick(namespaces)}}
spec:
  podSelector: {matchLabels: {tier: t${Math.floor(random() * 3)}}}
  policyTypes: [${direction === 'ingress' ? 'Ingress' : 'Egress'}]
  ${direction}: [{${key}: [${pick(peers)}], ports: ${pick(ports)}}${random() < 0.3 ? `, {${key}: [${pick(peers)}]}` : ''}]
`);
  }
  return { 'cluster.yaml': documents.join('---\n') };
}

describe('connectivity', () => {
  for (const seed of [1, 2, 3, 4, 7, 8, 9, 10, 11, 12]) {
    it(`lists exactly what pairwise evaluation allows (random cluster ${seed})`, () => {
      const analysis = analyzeYaml(cluster(seed));
      const { policy, context, ingressController } = analysis.graph;
      const listed = new Map(
        connectivity(policy, context, ingressController)
          .filter((line) => !line.src.includes('[External]') && !line.dst.includes('[External]'))
          .map((line) => [`${line.src} => ${line.dst}`, line.conn]),
      );
      const expected = new Map<string, string>();
      for (const source of analysis.model.workloads) {
        for (const destination of analysis.model.workloads) {
          if (source === destination) continue;
          const allowed = policy.connection(
            { kind: 'workload', workload: source },
            { kind: 'workload', workload: destination },
          ).allowed;
          const name = (workload: typeof source) =>
            `${workload.object.namespace}/${workload.object.name}[Deployment]`;
          if (!allowed.isEmpty()) expected.set(`${name(source)} => ${name(destination)}`, allowed.toString());
        }
      }
      assert.deepEqual(listed, expected);
      // The cluster must exercise the engine: some pairs blocked, some restricted to ports.
      assert.ok(expected.size < 12 * 11, 'some pair is blocked');
      assert.ok(
        [...expected.values()].some((conn) => conn !== 'All Connections'),
        'some pair is port-restricted',
      );
    });
  }
});

describe('connectivity: the Ingress controller and the pods it serves', () => {
  const workload = (name: string, containers: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: shop}
spec:
  template:
    metadata: {labels: {app: ${name}}}
    spec: ${containers}
---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: shop}
spec:
  selector: {app: ${name}}
  ports: [{port: 80, targetPort: http}]
`;
  const lines = (files: Record<string, string>) => {
    const { graph } = analyzeYaml(files);
    return connectivity(graph.policy, graph.context, graph.ingressController, graph.edges).map(
      (line) => `${line.src} => ${line.dst} : ${line.conn}`,
    );
  };

  it('lists the backends of Gateway API routes, on the target port of the Service port they name', () => {
    const found = lines({
      'web.yaml': workload('web', '{containers: [{name: web, ports: [{name: http, containerPort: 8080}]}]}'),
      'gateway.yaml': `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: shop}
spec:
  gatewayClassName: any
  listeners: [{name: http, port: 80, protocol: HTTP}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: shop}
spec:
  parentRefs: [{name: public}]
  rules: [{backendRefs: [{name: web, port: 80}]}]
`,
    });
    assert.ok(found.includes('{ingress-controller} => shop/web[Deployment] : TCP 8080'), found.join('\n'));
  });

  it('resolves a named port of a NetworkPolicy on a sidecar (an init container with restartPolicy: Always)', () => {
    const found = lines({
      'web.yaml': workload(
        'web',
        '{initContainers: [{name: proxy, restartPolicy: Always, ports: [{name: http, containerPort: 15001}]}], containers: [{name: web}]}',
      ),
      'client.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: client, namespace: shop}
spec:
  template:
    metadata: {labels: {app: client}}
    spec: {containers: [{name: client}]}
`,
      'policy.yaml': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-in, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress: [{from: [{podSelector: {matchLabels: {app: client}}}], ports: [{port: http}]}]
`,
    });
    assert.ok(
      found.includes('shop/client[Deployment] => shop/web[Deployment] : TCP 15001'),
      found.join('\n'),
    );
  });
});
