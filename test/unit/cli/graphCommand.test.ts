import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assertGolden } from '../../helpers/golden';
import { runCliProcess } from '../../helpers/cliProcess';

const basic = 'test/fixtures/workspaces/basic';

describe('kube-topology graph', () => {
  it('prints the json contract for a folder (golden)', () => {
    const result = runCliProcess(['graph', basic, '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    assertGolden(result.stdout, path.join(__dirname, 'golden/basic.graph.json'));
  });

  it('names files relative to the PATH and uses 0-based positions', () => {
    const json = JSON.parse(runCliProcess(['graph', basic]).stdout);
    assert.equal(json.version, 1);
    const cart = json.nodes.find((node: { id: string }) => node.id === 'Service/shop/cart');
    assert.deepEqual(cart, {
      id: 'Service/shop/cart',
      kind: 'Service',
      namespace: 'shop',
      name: 'cart',
      apiVersion: 'v1',
      file: 'shop/cart.yaml',
      range: { start: { line: 25, character: 0 }, end: { line: 36, character: 22 } },
    });
    const syntax = json.diagnostics.find((diagnostic: { code: string }) => diagnostic.code === 'yaml-syntax');
    assert.deepEqual(
      { code: syntax.code, severity: syntax.severity, file: syntax.file, line: syntax.range.start.line },
      { code: 'yaml-syntax', severity: 'error', file: 'platform/cache.yaml', line: 42 },
    );
  });

  it('uses the base name for a single file PATH and honours --namespace', () => {
    const json = JSON.parse(
      runCliProcess(['graph', `${basic}/platform/cache.yaml`, '--namespace', 'data']).stdout,
    );
    assert.ok(
      json.nodes.some(
        (node: { id: string; file: string }) =>
          node.id === 'StatefulSet/data/redis' && node.file === 'cache.yaml',
      ),
    );
  });

  it('prints dot and mermaid', () => {
    const dot = runCliProcess(['graph', basic, '--format', 'dot']).stdout;
    assert.match(dot, /^digraph topology \{/);
    assert.match(dot, /"Service\/shop\/cart" -> "Deployment\/shop\/cart" \[label="selects"\];/);
    const mermaid = runCliProcess(['graph', basic, '--format=mermaid']).stdout;
    assert.match(mermaid, /^flowchart LR/);
    assert.match(mermaid, /-->\|selects\|/);
  });

  it('exits 2 with a message on stderr and nothing on stdout for usage errors', () => {
    for (const args of [
      ['graph', 'does/not/exist'],
      ['graph'],
      ['nope', basic],
      ['graph', basic, '--format', 'xml'],
      [],
    ]) {
      const result = runCliProcess(args);
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stdout}`);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /^kube-topology: /);
    }
  });

  it('analyses a real application it did not write without crashing', () => {
    const result = runCliProcess([
      'graph',
      '../shared/corpus/online-boutique/release/kubernetes-manifests.yaml',
    ]);
    assert.equal(result.status, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.equal(json.nodes.filter((node: { kind: string }) => node.kind === 'Deployment').length, 12);
    assert.ok(
      json.edges.some(
        (edge: { from: string; to: string }) =>
          edge.from === 'Service/default/frontend-external' && edge.to === 'Deployment/default/frontend',
      ),
    );
  });
});

describe('kube-topology reach (text)', () => {
  it('names the assumed source and the policies of other kinds it did not evaluate', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-topology-reach-'));
    fs.writeFileSync(
      path.join(dir, 'a.yaml'),
      [
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: w, ports: [{containerPort: 80}]}]}\n',
        'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: l7, namespace: shop}\nspec:\n  endpointSelector: {matchLabels: {app: web}}\n',
      ].join('---\n'),
    );
    const result = runCliProcess([
      'reach',
      dir,
      '--from',
      'ingress-controller',
      '--to',
      'Deployment/shop/web',
      '--port',
      '80',
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^ALLOWED: ingress-controller -> Deployment\/shop\/web TCP 80$/m);
    assert.match(
      result.stdout,
      /Source: the Ingress controller \(unknown: an arbitrary pod in an arbitrary namespace\)/,
    );
    assert.match(
      result.stdout,
      /Not evaluated \(policies of other kinds that may also apply\): CiliumNetworkPolicy\/shop\/l7/,
    );
  });
});
