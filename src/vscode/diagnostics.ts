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
  /** What is in the collection, by file key. */
  private shown = new Map<string, { readonly uri: vscode.Uri; readonly diagnostics: vscode.Diagnostic[] }>();

  constructor(private overrides: RuleOverrides = {}) {}

  /** New severity overrides, applied at once to what is shown. */
  updateOverrides(overrides: RuleOverrides): void {
    this.overrides = overrides;
    if (this.last) this.publish(this.last);
  }

  publish(snapshot: AnalysisSnapshot): void {
    this.last = snapshot;
    // Grouped in the rules' order (stable between edits), sorted per file only when it changed.
    const byFile = new Map<string, { findings: Finding[]; diagnostics: vscode.Diagnostic[] }>();
    for (const part of snapshot.analysis.findingParts)
      for (const finding of part) {
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
    for (const [key, { uri }] of this.shown) if (!byFile.has(key)) this.collection.delete(uri);
    const shown = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
    for (const [key, { findings, diagnostics }] of byFile) {
      const file = snapshot.files.get(key);
      if (!file) continue;
      const before = this.shown.get(key);
      if (!before || !sameItems(before.diagnostics, diagnostics))
        this.collection.set(file.uri, inFindingOrder(findings, diagnostics));
      shown.set(key, { uri: file.uri, diagnostics });
    }
    this.shown = shown;
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
