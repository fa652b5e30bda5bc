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
