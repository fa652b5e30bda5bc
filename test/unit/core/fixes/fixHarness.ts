// Applying a fix the way the editor does, and looking at what changed: the edited texts, the
// findings, and the connections the policy engine allows before and after.
import * as assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import type { Analysis } from '../../../../src/core/analysis';
import { connectivityDiff, type ConnectivityDiff } from '../../../../src/core/fixes/connectivityDiff';
import type { FixOffer } from '../../../../src/core/fixes/fix';
import { fixesForFinding } from '../../../../src/core/fixes/findingFixes';
import { applyEdits, type TextEdit } from '../../../../src/core/fixes/textEdit';
import type { Protocol } from '../../../../src/core/policy/connectionSet';
import { reach } from '../../../../src/core/policy/reach';
import type { Finding, RuleCode } from '../../../../src/core/rules/finding';
import { analyze, type Files } from './fixesFixtures';

/** The findings of one code whose message contains `says`. */
export function findingsOf(analysis: Analysis, code: RuleCode, says = ''): Finding[] {
  return analysis.findings.filter((finding) => finding.code === code && finding.message.includes(says));
}

/** The one finding of a code whose message contains `says`, and the fixes offered on it. */
export function offersOn(analysis: Analysis, files: Files, code: RuleCode, says = ''): FixOffer[] {
  const found = findingsOf(analysis, code, says);
  assert.equal(found.length, 1, `one ${code} finding saying "${says}"`);
  return fixesForFinding(analysis, found[0]!, (file) => files[file]);
}

/** The files after the edits (new files created, each edit into the text as it was). */
export function applied(files: Files, edits: readonly TextEdit[]): Files {
  const result: Files = { ...files };
  const byFile = new Map<string, TextEdit[]>();
  for (const edit of edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  for (const [file, list] of byFile) {
    if (list.some((edit) => edit.newFile)) assert.equal(files[file], undefined, `${file} is new`);
    result[file] = applyEdits(files[file] ?? '', list);
  }
  return result;
}

/** What a fix does: its edits, the files after them, and the workspace analysed again. */
export interface Applied {
  readonly edits: readonly TextEdit[];
  readonly files: Files;
  readonly after: Analysis;
  readonly diff: ConnectivityDiff;
}

export function applyOffer(before: Analysis, files: Files, offer: FixOffer | undefined): Applied {
  assert.ok(offer, 'a fix is offered');
  const result = offer.resolve();
  assert.ok(result && result.edits.length > 0, `${offer.title}: edits`);
  const edited = applied(files, result.edits);
  const after = analyze(edited);
  return { edits: result.edits, files: edited, after, diff: connectivityDiff(before, after) };
}

/** The edited files as one text for a golden file: `==> file <==` and the whole text after it. */
export function editedTexts(result: Applied): string {
  const files = [...new Set(result.edits.map((edit) => edit.file))].sort();
  return files.map((file) => `==> ${file} <==\n${result.files[file] ?? ''}`).join('\n');
}

/** Every edited file parses without errors or warnings into the documents it had, plus any new ones. */
export function assertParses(result: Applied, before: Files): void {
  for (const file of new Set(result.edits.map((edit) => edit.file))) {
    const documents = parseAllDocuments(result.files[file] ?? '');
    assert.ok(Array.isArray(documents), `${file} has documents`);
    for (const document of documents) {
      assert.deepEqual(document.errors, [], `${file} parses`);
      assert.deepEqual(document.warnings, [], `${file} parses without warnings`);
    }
    const old = parseAllDocuments(before[file] ?? '');
    assert.ok(documents.length >= (Array.isArray(old) ? old.length : 0), `${file} keeps its documents`);
  }
}

/**
 * Findings as `code file message`, without offsets (an edit moves what follows it), so that
 * "the same findings" means the same problems in the same files.
 */
export function findingKeys(analysis: Analysis): string[] {
  return analysis.findings
    .map((finding) => `${finding.code} ${finding.range.file} ${finding.message}`)
    .sort();
}

export function allowed(
  analysis: Analysis,
  from: string,
  to: string,
  port: number,
  protocol: Protocol = 'TCP',
): boolean {
  const endpoint = (id: string) => {
    const workload = analysis.model.workloadsById.get(id);
    assert.ok(workload, `no workload ${id}`);
    return { kind: 'workload' as const, workload };
  };
  return reach(analysis.graph.policy, endpoint(from), [{ endpoint: endpoint(to), port }], protocol).allowed;
}
