import * as vscode from 'vscode';
import { sameItems } from '../core/util/sameItems';
import { compareFindings, type Finding, type Severity } from '../core/rules/finding';
import type { AnalysisSnapshot } from './analysisService';
import { toVscodeRange } from './convert';
import type { LineIndex } from '../core/model/lineIndex';
import { effectiveSeverity, type RuleOverrides } from './ruleOverrides';

export const DIAGNOSTIC_SOURCE = 'kube-topology';

/** Where each rule's documentation lives (docs/rules/<code>.md in the repository). */
const RULE_DOCS_BASE = 'https://github.com/kube-topology/kube-topology/blob/main/docs/rules/';

const SEVERITIES: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/**
 * Publishes findings as diagnostics for every indexed file, open or not, so the Problems view
 * shows the whole workspace. Files without findings are cleared. The `kubeTopology.rules`
 * setting changes a rule's severity or switches it off; changing it re-publishes the last
 * analysis without running it again.
 *
 * After an edit most findings are the same objects as before (the analysis reuses them): their
 * diagnostics are reused too, and only files whose diagnostics changed are sent to VS Code. A
 * large workspace has tens of thousands of findings; making and sending all of them on every
 * keystroke would cost more than the analysis.
 */
export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private last: AnalysisSnapshot | undefined;
  /** Each finding's diagnostic, with the severity and the files' line indexes it was made with. */
  private readonly made = new WeakMap<Finding, MadeDiagnostic>();
  /** Each part's findings grouped by file, with what the grouping read (see groupsOf). */
  private readonly grouped = new WeakMap<readonly Finding[], PartGroups>();
  /** What is in the collection, by file key: the parts' groups it was made of. */
  private shown = new Map<string, { readonly uri: vscode.Uri; readonly groups: readonly FileGroup[] }>();

  constructor(private overrides: RuleOverrides = {}) {}

  /** New severity overrides, applied at once to what is shown. */
  updateOverrides(overrides: RuleOverrides): void {
    this.overrides = overrides;
    if (this.last) this.publish(this.last);
  }

  /**
   * The analysis hands its findings on in parts, and after an edit most parts are the arrays of
   * the previous analysis: their groups per file are kept, a file whose groups are all the same
   * as before is left as shown, and only the findings of new parts are looked at. Walking all
   * 50,000 findings of a large workspace on every keystroke cost milliseconds on the extension
   * host.
   */
  publish(snapshot: AnalysisSnapshot): void {
    this.last = snapshot;
    // In the rules' order (stable between edits), sorted per file only when it changed.
    const byFile = new Map<string, FileGroup[]>();
    for (const part of snapshot.analysis.findingParts)
      for (const [key, group] of this.groupsOf(part, snapshot).byFile) {
        const groups = byFile.get(key);
        if (groups) groups.push(group);
        else byFile.set(key, [group]);
      }
    for (const [key, { uri }] of this.shown) if (!byFile.has(key)) this.collection.delete(uri);
    const shown = new Map<string, { uri: vscode.Uri; groups: readonly FileGroup[] }>();
    for (const [key, groups] of byFile) {
      const file = snapshot.files.get(key);
      if (!file) continue;
      const before = this.shown.get(key);
      if (!before || !sameItems(before.groups, groups)) {
        const findings = groups.flatMap((group) => group.findings);
        const diagnostics = groups.flatMap((group) => group.diagnostics);
        this.collection.set(file.uri, inFindingOrder(findings, diagnostics));
      }
      shown.set(key, { uri: file.uri, groups });
    }
    this.shown = shown;
  }

  /**
   * One part's findings grouped by the file they are in, made again only when the severity
   * overrides changed or a file they point into (their own or a related location's) was read
   * again. (The analysis makes new findings for what an edited file holds, so the second check
   * guards the ranges converted with a file's old line index should that ever not be so.)
   */
  private groupsOf(part: readonly Finding[], snapshot: AnalysisSnapshot): PartGroups {
    const kept = this.grouped.get(part);
    if (
      kept &&
      kept.overrides === this.overrides &&
      kept.read.every(([key, lines]) => snapshot.files.get(key)?.lines === lines)
    )
      return kept;
    const byFile = new Map<string, FileGroup>();
    const read = new Map<string, LineIndex | undefined>();
    for (const finding of part) {
      read.set(finding.range.file, snapshot.files.get(finding.range.file)?.lines);
      for (const location of finding.related ?? [])
        read.set(location.range.file, snapshot.files.get(location.range.file)?.lines);
      const file = snapshot.files.get(finding.range.file);
      if (!file) continue;
      const severity = effectiveSeverity(finding, this.overrides);
      if (severity === undefined) continue;
      const diagnostic = this.diagnosticFor(finding, severity, snapshot);
      const group = byFile.get(file.key);
      if (group) {
        group.findings.push(finding);
        group.diagnostics.push(diagnostic);
      } else byFile.set(file.key, { findings: [finding], diagnostics: [diagnostic] });
    }
    const groups: PartGroups = { overrides: this.overrides, read: [...read], byFile };
    this.grouped.set(part, groups);
    return groups;
  }

  /** The finding's diagnostic as made before, unless its severity or a file it points into changed. */
  private diagnosticFor(finding: Finding, severity: Severity, snapshot: AnalysisSnapshot): vscode.Diagnostic {
    const lines = [finding.range, ...(finding.related ?? []).map((location) => location.range)].map(
      (range) => snapshot.files.get(range.file)?.lines,
    );
    const made = this.made.get(finding);
    if (made && made.severity === severity && sameItems(made.lines, lines)) return made.diagnostic;
    const diagnostic = toDiagnostic(finding, severity, snapshot);
    this.made.set(finding, { diagnostic, severity, lines });
    return diagnostic;
  }

  dispose(): void {
    this.last = undefined;
    this.collection.dispose();
  }
}

/** The diagnostics in the order of their findings (position, then code). */
function inFindingOrder(
  findings: readonly Finding[],
  diagnostics: readonly vscode.Diagnostic[],
): vscode.Diagnostic[] {
  return findings
    .map((finding, index) => index)
    .sort((a, b) => compareFindings(findings[a]!, findings[b]!))
    .map((index) => diagnostics[index]!);
}

/** A part's findings in one file, and their diagnostics (same order). */
interface FileGroup {
  readonly findings: Finding[];
  readonly diagnostics: vscode.Diagnostic[];
}

interface PartGroups {
  /** The severity overrides the groups were made with (by identity). */
  readonly overrides: RuleOverrides;
  /** Every file the part points into, with the line index it had (by identity). */
  readonly read: readonly (readonly [string, LineIndex | undefined])[];
  readonly byFile: ReadonlyMap<string, FileGroup>;
}

interface MadeDiagnostic {
  readonly diagnostic: vscode.Diagnostic;
  readonly severity: Severity;
  /** The line index of the finding's file, then of each related location's (by identity). */
  readonly lines: readonly (LineIndex | undefined)[];
}

function toDiagnostic(finding: Finding, severity: Severity, snapshot: AnalysisSnapshot): vscode.Diagnostic {
  const file = snapshot.files.get(finding.range.file);
  const range = file ? toVscodeRange(finding.range, file.lines) : new vscode.Range(0, 0, 0, 0);
  const diagnostic = new vscode.Diagnostic(range, finding.message, SEVERITIES[severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.code, target: vscode.Uri.parse(`${RULE_DOCS_BASE}${finding.code}.md`) };
  const related = (finding.related ?? []).flatMap((location) => {
    const relatedFile = snapshot.files.get(location.range.file);
    if (!relatedFile) return [];
    return [
      new vscode.DiagnosticRelatedInformation(
        new vscode.Location(relatedFile.uri, toVscodeRange(location.range, relatedFile.lines)),
        location.message,
      ),
    ];
  });
  if (related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}
