import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeWorkspace } from '../../../src/core/analysis';
import { parseManifestFile } from '../../../src/core/parse/parseManifestFile';
import { toGraphDto } from '../../../src/vscode/graphDtoMapper';

describe('toGraphDto', () => {
  const root = path.join(__dirname, '../../fixtures/workspaces/basic');
  const files = ['shop/cart.yaml', 'shop/web.yaml', 'platform/cache.yaml'].map((file) =>
    parseManifestFile(file, fs.readFileSync(path.join(root, file), 'utf8')),
  );
  const analysis = analyzeWorkspace(files, { defaultNamespace: 'default' });
  const dto = toGraphDto(analysis, files.length);
  const node = (id: string) => dto.nodes.find((candidate) => candidate.id === id);

  it('gives every node a category and a detail line with kind and ports', () => {
    assert.deepEqual(node('Service/shop/web'), {
      id: 'Service/shop/web',
      kind: 'Service',
      name: 'web',
      namespace: 'shop',
      category: 'service',
      detail: 'LoadBalancer · 80→8080',
    });
    assert.equal(node('Service/shop/cart')?.detail, 'Service · 7070→grpc');
    assert.equal(node('Service/default/redis')?.detail, 'Service (headless) · 6379');
    assert.equal(node('Deployment/shop/cart')?.detail, 'Deployment · 7070');
    assert.equal(node('Deployment/shop/cart')?.category, 'workload');
  });

  it('labels selects edges with the port each one ends on', () => {
    const edge = dto.edges.find((candidate) => candidate.source === 'Service/shop/cart');
    assert.deepEqual(edge, {
      id: 'selects:Service/shop/cart->Deployment/shop/cart',
      source: 'Service/shop/cart',
      target: 'Deployment/shop/cart',
      type: 'selects',
      label: '7070',
    });
  });

  it('reports the assumptions and totals', () => {
    assert.deepEqual(dto.assumptions, { defaultNamespace: 'default' });
    assert.deepEqual(dto.summary, { files: 3, objects: 9, findings: analysis.findings.length });
    assert.ok(analysis.findings.length > 1, 'the fixture has findings beyond its syntax error');
  });

  it('puts the findings badge on the node whose object holds the finding, with the worst severity', () => {
    // The broken document of cache.yaml sits between objects: no node owns it.
    const syntaxOnly = toGraphDto(
      { ...analysis, findings: analysis.findings.filter((finding) => finding.code === 'yaml-syntax') },
      files.length,
    );
    assert.deepEqual(
      syntaxOnly.nodes.filter((candidate) => candidate.findings),
      [],
    );
    const service = analysis.model.byId.get('Service/shop/checkout-team')!;
    const inside = { file: service.file, start: service.nameRange.start, end: service.nameRange.end };
    const withFindings = toGraphDto(
      {
        ...analysis,
        findings: [
          { code: 'no-readiness-probe', severity: 'info', message: 'x', range: inside },
          { code: 'service-no-endpoints', severity: 'warning', message: 'y', range: inside },
        ],
      },
      files.length,
    );
    assert.deepEqual(
      withFindings.nodes
        .filter((candidate) => candidate.findings)
        .map((candidate) => [candidate.id, candidate.findings]),
      [['Service/shop/checkout-team', { count: 2, worst: 'warning' }]],
    );
  });
});
