// Helpers for the tests of the NetworkPolicy rules (workload-not-isolated, policy-blocks-call,
// policy-blocks-ingress-path, policy-selects-nothing, egress-blocks-dns): analyse inline manifests
// and compare findings with ranges computed from the fixture text, never from what the code returns.
import * as assert from 'node:assert/strict';
import { analyzeWorkspace, type Analysis } from '../../../../src/core/analysis';
import type { SourceRange } from '../../../../src/core/model/sourceRange';
import { parseManifestFile } from '../../../../src/core/parse/parseManifestFile';
import type { Finding, RuleCode } from '../../../../src/core/rules/finding';

export type Files = Record<string, string>;

/** Analyses `{ 'path.yaml': 'text' }` as the CLI would a folder holding them. */
export function analyze(files: Files, options: { ingressController?: string } = {}): Analysis {
  const analysis = analyzeWorkspace(
    Object.entries(files).map(([file, text]) => parseManifestFile(file, text)),
    { defaultNamespace: 'default', ...options },
  );
  assert.deepEqual(analysis.ruleFailures, [], 'no rule threw');
  return analysis;
}

/** The findings of one code, in output order. */
export function findingsOf(analysis: Analysis, code: RuleCode): Finding[] {
  return analysis.findings.filter((finding) => finding.code === code);
}

/** The findings of one code for these files (and options). */
export function run(code: RuleCode, files: Files, options: { ingressController?: string } = {}): Finding[] {
  return findingsOf(analyze(files, options), code);
}

/**
 * The range of the `occurrence`-th (0-based) `needle` in `file`, searched from the first
 * occurrence of `after` (if given): the expected position, computed from the fixture text.
 */
export function rangeOf(
  files: Files,
  file: string,
  needle: string,
  options: { after?: string; occurrence?: number } = {},
): SourceRange {
  const text = files[file];
  if (text === undefined) throw new Error(`no file ${file}`);
  let from = 0;
  if (options.after !== undefined) {
    from = text.indexOf(options.after);
    if (from < 0) throw new Error(`"${options.after}" not found in ${file}`);
  }
  let start = text.indexOf(needle, from);
  for (let skip = options.occurrence ?? 0; skip > 0 && start >= 0; skip--) {
    start = text.indexOf(needle, start + 1);
  }
  if (start < 0) throw new Error(`"${needle}" not found in ${file}`);
  return { file, start, end: start + needle.length };
}

/** The text a range covers, for failure messages people can read. */
export function textOf(files: Files, range: SourceRange): string {
  return files[range.file]?.slice(range.start, range.end) ?? `<no file ${range.file}>`;
}

/** Asserts exactly one finding and returns it. */
export function single(findings: readonly Finding[]): Finding {
  assert.equal(
    findings.length,
    1,
    `expected one finding, got ${findings.length}: ${findings.map((finding) => finding.message).join(' | ')}`,
  );
  return findings[0]!;
}

/** Asserts a finding's range, showing the covered texts when it differs. */
export function assertRange(files: Files, actual: SourceRange, expected: SourceRange): void {
  assert.deepEqual(
    { ...actual, text: textOf(files, actual) },
    { ...expected, text: textOf(files, expected) },
  );
}

/** A Deployment with pod labels, optional container ports and env values. */
export function deployment(
  name: string,
  namespace: string,
  labels: Record<string, string>,
  extra: { ports?: string; env?: string; spec?: string } = {},
): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  selector: {matchLabels: ${JSON.stringify(labels)}}
  template:
    metadata: {labels: ${JSON.stringify(labels)}}
    spec:${extra.spec ? `\n      ${extra.spec}` : ''}
      containers:
        - name: main
          image: example/${name}${extra.ports ? `\n          ports: ${extra.ports}` : ''}${extra.env ? `\n          env:\n${extra.env}` : ''}
`;
}

/** A ClusterIP (or other type) Service. */
export function service(
  name: string,
  namespace: string,
  selector: Record<string, string>,
  ports: string,
  type?: string,
): string {
  return `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${namespace}}
spec:${type ? `\n  type: ${type}` : ''}
  selector: ${JSON.stringify(selector)}
  ports: ${ports}
`;
}

/** A NetworkPolicy with a spec written out as YAML lines (two-space indented under `spec:`). */
export function networkPolicy(name: string, namespace: string, spec: string): string {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${name}, namespace: ${namespace}}
spec:
${spec}`;
}

/** Documents of one file. */
export function docs(...documents: string[]): string {
  return documents.join('---\n');
}
