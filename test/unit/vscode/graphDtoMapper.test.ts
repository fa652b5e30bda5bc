import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeWorkspace } from '../../../src/core/analysis';
import { parseManifestFile } from '../../../src/core/parse/parseManifestFile';
import { toGraphDto, toTopology } from '../../../src/vscode/graphDtoMapper';
import { sampleWorkspaceAnalysis } from '../../webview/sampleWorkspace';

describe('toGraphDto', () => {
  const root = path.join(__dirname, '../../fixtures/workspaces/basic');
  const files = ['shop/cart.yaml', 'shop/web.yaml', 'platform/cache.yaml'].map((file) =>
    parseManifestFile(file, fs.readFileSync(path.join(root, file), 'utf8')),
  );
  const analysis = analyzeWorkspace(files, { defaultNamespace: 'default' });
  const dto = toGraphDto(analysis, { files: files.length });
  const node = (id: string) => dto.nodes.find((candidate) => candidate.id === id);

  it('gives every node a category and a detail line with kind and ports', () => {
    assert.deepEqual(node('Service/shop/web'), {
      id: 'Service/shop/web',
      kind: 'Service',
      name: 'web',
      namespace: 'shop',
      category: 'service',
      detail: 'LoadBalancer · 80→8080',
      entryPoint: true,
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
      ports: [{ port: 7070, targetPort: 7070 }],
    });
  });

  it('reports the assumptions and totals', () => {
    assert.deepEqual(dto.assumptions, { defaultNamespace: 'default' });
    assert.deepEqual(dto.summary, {
      files: 3,
      objects: 9,
      findings: analysis.findings.length,
      skippedFiles: 0,
      syntaxErrorFiles: 1,
    });
    assert.ok(analysis.findings.length > 1, 'the fixture has findings beyond its syntax error');
  });

  it('puts the findings badge on the node whose object holds the finding, with the worst severity', () => {
    // The broken document of cache.yaml sits between objects: no node owns it.
    const syntaxOnly = toGraphDto(
      { ...analysis, findings: analysis.findings.filter((finding) => finding.code === 'yaml-syntax') },
      { files: files.length },
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
      { files: files.length },
    );
    assert.deepEqual(
      withFindings.nodes
        .filter((candidate) => candidate.findings)
        .map((candidate) => [candidate.id, candidate.findings]),
      [['Service/shop/checkout-team', { count: 2, worst: 'warning' }]],
    );
  });

  it('badges count findings the way the Problems view shows them (kubeTopology.rules)', () => {
    const service = analysis.model.byId.get('Service/shop/checkout-team')!;
    const inside = { file: service.file, start: service.nameRange.start, end: service.nameRange.end };
    const withFindings = {
      ...analysis,
      findings: [
        { code: 'no-readiness-probe' as const, severity: 'info' as const, message: 'x', range: inside },
        { code: 'service-no-endpoints' as const, severity: 'warning' as const, message: 'y', range: inside },
      ],
    };
    const off = toGraphDto(withFindings, { files: 3, overrides: { 'service-no-endpoints': 'off' } });
    assert.deepEqual(off.nodes.find((n) => n.id === service.id)?.findings, { count: 1, worst: 'info' });
    assert.equal(off.summary.findings, 1);
    const raised = toGraphDto(withFindings, { files: 3, overrides: { 'no-readiness-probe': 'error' } });
    assert.deepEqual(raised.nodes.find((n) => n.id === service.id)?.findings, { count: 2, worst: 'error' });
  });
});

describe('toTopology on the sample workspace (examples/shop)', () => {
  const { analysis, files } = sampleWorkspaceAnalysis();
  const topology = toTopology(analysis, {
    files: files.length,
    locate: (range) => `${range.file}@${range.start}`,
  });
  const { graph } = topology;
  const node = (id: string) => graph.nodes.find((candidate) => candidate.id === id);
  const edge = (id: string) => graph.edges.find((candidate) => candidate.id === id);

  it('gives every hop with a verdict its verdict, reason and deciding policies', () => {
    const blocked = edge('calls:Deployment/shop-web/storefront->Service/shop-core/reviews:8080');
    assert.equal(blocked?.verdict, 'blocked');
    assert.equal(blocked?.traffic, 'east-west');
    assert.deepEqual(blocked?.policies, ['NetworkPolicy/shop-core/default-deny-ingress']);
    assert.match(blocked?.reason ?? '', /blocked/);
    const allowed = edge('routes:Ingress/shop-web/shop->Service/shop-web/storefront:80');
    assert.equal(allowed?.verdict, 'allowed');
    assert.equal(allowed?.traffic, 'north-south');
    assert.deepEqual(allowed?.ports, [{ port: 80, targetPort: 8080 }]);
    const counts = { allowed: 0, blocked: 0, unknown: 0, none: 0 };
    for (const item of graph.edges) counts[item.verdict ?? 'none']++;
    assert.deepEqual(counts, { allowed: 15, blocked: 1, unknown: 1, none: 13 });
  });

  it('draws a value that names no Service as an unknown call to an unresolved target', () => {
    const id = 'unresolved:shop-core/notifications.shop-core:8080';
    assert.deepEqual(node(id), {
      id,
      kind: 'Unresolved',
      name: 'notifications.shop-core:8080',
      namespace: 'shop-core',
      category: 'unresolved',
      detail: 'no Service by this name',
    });
    const call = edge(`calls:Deployment/shop-core/orders->${id}`);
    assert.equal(call?.verdict, 'unknown');
    assert.equal(call?.evidence?.[0]?.text, 'NOTIFY_URL=http://notifications.shop-core:8080/v1/notify');
    assert.ok(topology.reveal.get(id)?.evidence.length, 'a click on the target reveals the value');
  });

  it('marks entry-point Services and workloads no policy isolates', () => {
    assert.equal(node('Service/shop-core/payments-webhooks')?.entryPoint, true);
    assert.equal(node('Service/shop-core/cart')?.entryPoint, undefined);
    const notIsolated = graph.nodes
      .filter((candidate) => candidate.notIsolated)
      .map((candidate) => candidate.id);
    const findings = analysis.findings
      .filter((finding) => finding.code === 'workload-not-isolated')
      .map(
        (finding) =>
          analysis.model.objects.find(
            (o) =>
              o.range.start <= finding.range.start &&
              o.range.end >= finding.range.end &&
              o.file === finding.range.file,
          )?.id,
      );
    assert.deepEqual(notIsolated.sort(), findings.sort());
  });

  it('carries evidence text and where it is, and remembers each edge’s ranges for a click', () => {
    const call = edge('calls:Deployment/shop-web/storefront->Service/shop-core/cart:7070');
    assert.equal(call?.evidence?.[0]?.text, 'CART_ADDR=cart.shop-core:7070');
    assert.match(call?.evidence?.[0]?.location ?? '', /^web\/storefront\.yaml@\d+$/);
    const target = topology.reveal.get(call?.id ?? '');
    assert.equal(target?.evidence.length, call?.evidence?.length);
    const selects = topology.reveal.get('selects:Service/shop-core/cart->Deployment/shop-core/cart');
    assert.deepEqual(selects?.evidence, []);
    assert.equal(selects?.fallback?.object.id, 'Service/shop-core/cart');
    assert.deepEqual(selects?.fallback?.path, ['spec', 'selector']);
  });

  it('counts what the empty state needs: files, skipped files, files with syntax errors', () => {
    assert.equal(graph.summary.files, files.length);
    assert.equal(graph.summary.syntaxErrorFiles, 1);
    assert.equal(graph.assumptions.ingressController, undefined);
    const known = toTopology(
      {
        ...analysis,
        graph: {
          ...analysis.graph,
          ingressController: { known: true, namespace: 'ingress', labels: { app: 'nginx' } },
        },
      },
      { files: files.length },
    );
    assert.equal(known.graph.assumptions.ingressController, 'ingress/app=nginx');
  });
});
