import { analyzeYaml } from '../../../helpers/analyzeYaml';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeWorkspace } from '../../../../src/core/analysis';
import { parseManifestFile } from '../../../../src/core/parse/parseManifestFile';

function analyzeFixture(defaultNamespace = 'default') {
  const root = path.join(__dirname, '../../../fixtures/workspaces/basic');
  const files = [
    'shop/cart.yaml',
    'shop/web.yaml',
    'platform/cache.yaml',
    'platform/ci-workflow.yaml',
    'chart/templates/service.yaml',
  ];
  return analyzeWorkspace(
    files.map((file) => parseManifestFile(file, fs.readFileSync(path.join(root, file), 'utf8'))),
    { defaultNamespace },
  );
}

describe('buildGraph', () => {
  it('has a node per Service and workload, and external for the LoadBalancer, with contract ids', () => {
    const { graph } = analyzeFixture();
    assert.deepEqual(graph.nodes.map((node) => node.id).sort(), [
      'CronJob/default/cleanup',
      'Deployment/shop/cart',
      'Deployment/shop/web',
      'Service/default/redis',
      'Service/shop/billing',
      'Service/shop/cart',
      'Service/shop/checkout-team',
      'Service/shop/web',
      'StatefulSet/default/redis',
      'external',
    ]);
  });

  it('selects by pod template labels, never by workload metadata labels', () => {
    const { graph } = analyzeFixture();
    const selects = graph.edges
      .filter((edge) => edge.type === 'selects')
      .map((edge) => `${edge.from} -> ${edge.to}`)
      .sort();
    assert.deepEqual(selects, [
      'Service/default/redis -> CronJob/default/cleanup',
      'Service/default/redis -> StatefulSet/default/redis',
      'Service/shop/cart -> Deployment/shop/cart',
      'Service/shop/web -> Deployment/shop/web',
    ]);
  });

  it('resolves a named targetPort on the selected containers', () => {
    const { graph } = analyzeFixture();
    const cart = graph.edges.find((edge) => edge.from === 'Service/shop/cart' && edge.type === 'selects');
    assert.deepEqual(cart?.ports, [{ port: 7070, targetPort: 'grpc', protocol: 'TCP', containerPort: 7070 }]);
    const web = graph.edges.find((edge) => edge.from === 'Service/shop/web' && edge.type === 'selects');
    assert.deepEqual(web?.ports, [{ port: 80, targetPort: 8080, protocol: 'TCP', containerPort: 8080 }]);
  });

  it('looks a named targetPort up as FindPort does: name and protocol, app containers, then sidecars', () => {
    const analysis = analyzeYaml({
      'dns.yaml': `apiVersion: v1
kind: Service
metadata: {name: dns, namespace: infra}
spec:
  selector: {app: dns}
  ports:
    - {name: udp, port: 53, protocol: UDP, targetPort: dns}
    - {name: tcp, port: 53, targetPort: dns}
    - {name: proxy, port: 15001, targetPort: envoy}
    - {name: setup, port: 9000, targetPort: setup}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: dns, namespace: infra}
spec:
  template:
    metadata: {labels: {app: dns}}
    spec:
      initContainers:
        - {name: setup, ports: [{name: setup, containerPort: 9000}]}
        - {name: envoy, restartPolicy: Always, ports: [{name: envoy, containerPort: 15001}]}
      containers:
        - name: dns
          ports:
            - {name: dns, containerPort: 5353, protocol: UDP}
            - {name: dns, containerPort: 5354}
`,
    });
    const edge = analysis.graph.edges.find((candidate) => candidate.type === 'selects');
    assert.deepEqual(
      edge?.ports?.map((port) => [port.port, port.protocol, port.containerPort]),
      [
        [53, 'UDP', 5353],
        [53, 'TCP', 5354],
        [15001, 'TCP', 15001],
        [9000, 'TCP', undefined],
      ],
      'same name per protocol; a sidecar serves, an init container that exits does not',
    );
  });

  it('gives an ExternalName Service no endpoints even with a selector (the API ignores it)', () => {
    const analysis = analyzeYaml({
      'alias.yaml': `apiVersion: v1
kind: Service
metadata: {name: alias, namespace: shop}
spec:
  type: ExternalName
  externalName: db.example.com
  selector: {app: db}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: db, namespace: shop}
spec:
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db}]}
`,
    });
    assert.deepEqual(
      analysis.graph.edges.filter((edge) => edge.type === 'selects'),
      [],
    );
  });

  it('puts objects without a namespace into the default namespace', () => {
    const { graph } = analyzeFixture('cache');
    assert.ok(graph.nodesById.has('StatefulSet/cache/redis'));
    assert.ok(graph.nodesById.has('Service/shop/cart'), 'declared namespaces stay');
  });

  it('reports the broken document and still reads the rest of its file', () => {
    const { findings, graph } = analyzeFixture();
    assert.deepEqual(
      findings.filter((finding) => finding.code === 'yaml-syntax').map((finding) => finding.range.file),
      ['platform/cache.yaml'],
    );
    assert.ok(graph.nodesById.has('CronJob/default/cleanup'), 'the document after the broken one is read');
  });
});
