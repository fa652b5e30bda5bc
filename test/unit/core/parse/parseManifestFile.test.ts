import * as assert from 'node:assert/strict';
import { parseManifestFile } from '../../../../src/core/parse/parseManifestFile';

const at = (text: string, range: { start: number; end: number }) => text.slice(range.start, range.end);

describe('parseManifestFile', () => {
  it('reads every document of a multi-document file with exact ranges', () => {
    const text =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\n  namespace: x\n';
    const result = parseManifestFile('f.yaml', text);
    assert.deepEqual(
      result.objects.map((object) => [
        object.kind,
        object.name,
        object.declaredNamespace,
        object.documentIndex,
      ]),
      [
        ['ConfigMap', 'a', undefined, 0],
        ['Service', 'b', 'x', 1],
      ],
    );
    const service = result.objects[1]!;
    assert.equal(at(text, service.nameRange), 'b');
    assert.ok(at(text, service.range).startsWith('apiVersion: v1\nkind: Service'));
    assert.equal(at(text, service.locate(['metadata', 'namespace'])!), 'x');
    assert.equal(at(text, service.locate(['metadata', 'namespace'], 'key')!), 'namespace');
    assert.equal(service.locate(['spec', 'ports']), undefined);
  });

  it('reports a syntax error in one document on its line and still reads the others', () => {
    const text =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\nthis: is broken: yaml\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: c\n';
    const result = parseManifestFile('f.yaml', text);
    assert.deepEqual(
      result.objects.map((object) => object.name),
      ['a', 'c'],
    );
    assert.equal(result.syntaxProblems.length, 1);
    const problem = result.syntaxProblems[0]!;
    assert.equal(text.slice(0, problem.range.start).split('\n').length, 6, 'error on line 6 (1-based)');
    assert.doesNotMatch(problem.message, /line \d+, column/, 'no chunk-relative positions in the message');
  });

  it('places an unclosed flow collection on its own line, not on the next ---', () => {
    const text =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: [b\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n';
    const result = parseManifestFile('f.yaml', text);
    assert.equal(at(text, result.syntaxProblems[0]!.range), 'name: [b');
    assert.deepEqual(
      result.objects.map((object) => object.name),
      ['ok'],
    );
  });

  it('expands kind: List items into objects with their own ranges', () => {
    const text =
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: one}\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: two, namespace: n}\n';
    const result = parseManifestFile('f.yaml', text);
    assert.deepEqual(
      result.objects.map((object) => [object.kind, object.name, object.itemIndex]),
      [
        ['Service', 'one', 0],
        ['Deployment', 'two', 1],
      ],
    );
    assert.ok(at(text, result.objects[1]!.range).startsWith('apiVersion: apps/v1'));
    assert.equal(at(text, result.objects[1]!.nameRange), 'two');
  });

  it('skips Helm templates silently', () => {
    const text =
      '{{- if .Values.enabled }}\napiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "x" . }}\n{{- end }}\n';
    const result = parseManifestFile('t.yaml', text);
    assert.equal(result.skipped, 'template');
    assert.deepEqual(result.syntaxProblems, []);
    assert.deepEqual(result.objects, []);
    const valueOnly =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  replicas: {{ .Values.replicas }}\n';
    assert.equal(parseManifestFile('v.yaml', valueOnly).skipped, 'template');
  });

  it('keeps manifests whose quoted or block strings contain {{ }}', () => {
    const text =
      'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: r\nspec:\n  d: \'down {{ $labels.instance }}\'\n  t: |\n    {{ define "x" }}\n';
    const result = parseManifestFile('r.yaml', text);
    assert.equal(result.skipped, undefined);
    assert.equal(result.objects.length, 1);
  });

  it('skips non-Kubernetes YAML and JSON without diagnostics, even when broken', () => {
    assert.equal(parseManifestFile('ci.yaml', 'name: build\non: [push]\n').skipped, 'not-kubernetes');
    const tsconfig = parseManifestFile('tsconfig.json', '{\n  // comment\n  "compilerOptions": {,}\n}\n');
    assert.equal(tsconfig.skipped, 'not-kubernetes');
    assert.deepEqual(tsconfig.syntaxProblems, []);
  });

  it('reads JSON manifests', () => {
    const result = parseManifestFile(
      's.json',
      '{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "j"}}',
    );
    assert.deepEqual(
      result.objects.map((object) => object.name),
      ['j'],
    );
  });

  it('skips binary and empty files', () => {
    assert.equal(parseManifestFile('b.yaml', 'apiVersion: v1\u0000\u0001\u0002').skipped, 'binary');
    assert.equal(parseManifestFile('e.yaml', '').skipped, 'empty');
    assert.equal(parseManifestFile('c.yaml', '# only a comment\n').skipped, 'empty');
  });

  it('reports an alias bomb instead of expanding it', () => {
    const lines = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: bomb',
      'data:',
      '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const current = String.fromCharCode(97 + level);
      lines.push(`  ${current}: &${current} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const result = parseManifestFile('bomb.yaml', lines.join('\n'));
    assert.equal(result.objects.length, 0);
    assert.equal(result.syntaxProblems.length, 1);
    const problem = result.syntaxProblems[0]!;
    assert.match(problem.message, /aliases more than 100 times/);
    assert.doesNotMatch(problem.message, /\.$/);
    const text = lines.join('\n');
    assert.equal(at(text, problem.range), '*a', 'on the first alias, not a zero-width point');
  });

  it('reports duplicate keys, which the API server rejects', () => {
    const result = parseManifestFile(
      'd.yaml',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  name: b\n',
    );
    assert.equal(result.syntaxProblems.length, 1);
    assert.match(result.syntaxProblems[0]!.message, /unique/i);
  });

  it('reads a 5 MB multi-document file completely, one document per step', () => {
    const document = (i: number) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  payload: "${'x'.repeat(400)}"\n`;
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 5 * 1024 * 1024; i++) {
      parts.push(document(i));
      size += parts[i]!.length + 4;
    }
    const text = parts.join('---\n');
    const result = parseManifestFile('big.yaml', text);
    assert.equal(result.objects.length, parts.length);
    assert.equal(result.documentCount, parts.length);
    assert.equal(at(text, result.objects.at(-1)!.nameRange), `c${parts.length - 1}`);
  });
});
