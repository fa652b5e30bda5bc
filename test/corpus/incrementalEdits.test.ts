// Re-analysis after an edit reuses what the edit cannot affect: whole models patched, calls,
// verdicts and findings per edge kept, node maps overlaid. Whatever the edit, the result must be
// what a fresh analysis of the same text gives. Here the edits are the kind people make while
// typing (a value, a label, a port, a name; a comment that moves every range after it), chosen by
// a seeded generator over real manifest sets with policies and several namespaces.
import * as assert from 'node:assert/strict';
import { analyzeWorkspace, type Analysis } from '../../src/core/analysis';
import { readInputs } from '../../src/cli/inputs';
import type { FileParse } from '../../src/core/parse/parsedFile';
import { parseManifestFileFast } from '../../src/core/parse/parseManifestFileFast';

const CORPUS = '../shared/corpus';
const SETS: Record<string, string[]> = {
  'online boutique with its policies': [
    `${CORPUS}/online-boutique/release/kubernetes-manifests.yaml`,
    `${CORPUS}/online-boutique/kustomize/components/network-policies`,
  ],
  'sock shop with its policies': [`${CORPUS}/sock-shop`],
  'argo cd ha (policies, several kinds)': [`${CORPUS}/argo-cd/manifests/ha`],
};

/** Everything a user sees of an analysis, with every range and related location. */
function snapshot(analysis: Analysis): string[] {
  const range = (r: { file: string; start: number; end: number }) => `${r.file}:${r.start}-${r.end}`;
  return [
    ...analysis.graph.nodes.map(
      (node) =>
        `node ${node.id} ${node.category} ${range(node.object?.range ?? { file: '', start: 0, end: 0 })}`,
    ),
    ...[...analysis.graph.nodesById.keys()].map((id) => `node-by-id ${id}`),
    ...analysis.graph.edges.map(
      (edge) =>
        `edge ${edge.type} ${edge.from} -> ${edge.to} ${edge.port ?? ''} ${edge.targetPort ?? ''} ${(edge.evidence ?? []).map((item) => `${item.text}@${range(item.range)}`).join(' | ')} ${JSON.stringify(edge.policy ?? null)}`,
    ),
    ...analysis.findings.map(
      (finding) =>
        `finding ${finding.code} ${finding.severity} ${range(finding.range)} ${finding.message} ${(finding.related ?? []).map((item) => `${range(item.range)} ${item.message}`).join(' | ')}`,
    ),
  ];
}

/** A small deterministic generator (mulberry32): the same edits on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Edits of one file's text: each finds something to change or returns undefined. */
const EDITS: ((text: string, pick: (count: number) => number) => string | undefined)[] = [
  // A label or selector value (may break or make a selection).
  (text, pick) =>
    replaceNth(text, /(app|name|component): ([a-z0-9-]+)/g, pick, (m, key, value) => `${key}: ${value}x`),
  // A port number (Service port, targetPort, containerPort, policy port).
  (text, pick) =>
    replaceNth(
      text,
      /(port|targetPort|containerPort): (\d+)/g,
      pick,
      (m, key, value) => `${key}: ${Number(value) + 1}`,
    ),
  // An env value that names a Service.
  (text, pick) =>
    replaceNth(
      text,
      /(value: "?)([a-z][a-z0-9-]*)(:\d+)/g,
      pick,
      (m, head, host, port) => `${head}${host}-renamed${port}`,
    ),
  // A Service renamed: its callers' calls must be resolved again.
  (text, pick) =>
    replaceNth(
      text,
      /(kind: Service\n(?:.*\n)*?\s+name: )([a-z0-9-]+)/g,
      pick,
      (m, head, name) => `${head}${name}-renamed`,
    ),
  // A Service's selector no longer matching (its callers' verdicts and target ports change).
  (text, pick) =>
    replaceNth(
      text,
      /(selector:\n\s+[a-z./-]+: )([a-z0-9-]+)/g,
      pick,
      (m, head, value) => `${head}${value}-other`,
    ),
  // A comment at the top: same content, every range after it moves.
  (text) => `# edited\n${text}`,
  // A policy that stops allowing ingress (if any).
  (text, pick) => replaceNth(text, /ingress:\n/g, pick, () => 'ingress: []\nunused:\n'),
];

function replaceNth(
  text: string,
  pattern: RegExp,
  pick: (count: number) => number,
  replace: (...groups: string[]) => string,
): string | undefined {
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return undefined;
  const match = matches[pick(matches.length)]!;
  const at = match.index ?? 0;
  return text.slice(0, at) + replace(...(match as unknown as string[])) + text.slice(at + match[0].length);
}

describe('re-analysis after edits equals a fresh analysis', function () {
  this.timeout(120_000);
  for (const [name, paths] of Object.entries(SETS)) {
    it(name, () => {
      const inputs = readInputs(paths);
      const texts = inputs.map((input) => input.text);
      const files: FileParse[] = inputs.map((input) => parseManifestFileFast(input.file, input.text));
      const options = { defaultNamespace: 'default' };
      let previous = analyzeWorkspace(files, options);
      const next = random(7);
      const pick = (count: number) => Math.floor(next() * count);
      let applied = 0;
      for (let step = 0; step < 60; step++) {
        const index = pick(inputs.length);
        const edit = EDITS[pick(EDITS.length)]!;
        // Every other step undoes the previous edit: the common type-then-fix sequence.
        const edited = step % 2 === 1 ? inputs[index]!.text : edit(texts[index]!, pick);
        if (edited === undefined) continue;
        texts[index] = edited;
        files[index] = parseManifestFileFast(inputs[index]!.file, edited);
        const incremental = analyzeWorkspace(files, options, previous);
        const fresh = analyzeWorkspace(
          inputs.map((input, i) => parseManifestFileFast(input.file, texts[i]!)),
          options,
        );
        assert.deepEqual(snapshot(incremental), snapshot(fresh), `step ${step}: ${inputs[index]!.file}`);
        previous = incremental;
        applied++;
      }
      assert.ok(applied >= 30, `edits applied: ${applied}`);
    });
  }
});
