// Helpers for the rule tests of Services, backends and readiness: analyse inline manifests, keep
// one code's findings, and compute expected ranges from the fixture text itself (never from what
// the code returned).
import * as assert from 'node:assert/strict';
import type { SourceRange } from '../../../../src/core/model/sourceRange';
import type { Finding, RuleCode } from '../../../../src/core/rules/finding';
import { analyzeYaml } from '../../../helpers/analyzeYaml';

/** The findings of one code for inline manifests (`{ 'path.yaml': 'text' }`); no rule may fail. */
export function findingsOf(
  code: RuleCode,
  files: Record<string, string>,
  defaultNamespace = 'default',
): Finding[] {
  const analysis = analyzeYaml(files, defaultNamespace);
  assert.deepEqual(analysis.ruleFailures, [], 'no rule throws');
  return analysis.findings.filter((finding) => finding.code === code);
}

/** The one finding of `code`; fails when there are none or several. */
export function onlyFinding(
  code: RuleCode,
  files: Record<string, string>,
  defaultNamespace = 'default',
): Finding {
  const findings = findingsOf(code, files, defaultNamespace);
  assert.equal(findings.length, 1, `one ${code} finding, got: ${findings.map((f) => f.message).join(' | ')}`);
  return findings[0]!;
}

/**
 * The range of `needle` in `files[file]`: its first occurrence after the first occurrence of each
 * `after` marker in turn (so `['kind: Deployment', 'ports:']` means "the ports of the Deployment").
 */
export function rangeOf(
  files: Record<string, string>,
  file: string,
  needle: string,
  after: readonly string[] = [],
): SourceRange {
  const text = files[file];
  if (text === undefined) throw new Error(`no file ${file}`);
  let from = 0;
  for (const marker of after) {
    const index = text.indexOf(marker, from);
    if (index < 0) throw new Error(`"${marker}" not found in ${file}`);
    from = index + marker.length;
  }
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`"${needle}" not found in ${file}`);
  return { file, start, end: start + needle.length };
}

/** 0-based line and column of an offset, counted here from the text (not by the code under test). */
export function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length - 1, character: offset - lineStart };
}
