import * as vscode from 'vscode';
import type { FixOffer, FixResult } from '../core/fixes/fix';
import { fixesForFile, fixesForFinding } from '../core/fixes/findingFixes';
import type { AnalysisService, AnalysisSnapshot } from './analysisService';
import { toVscodeRange } from './convert';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { WorkspaceIndex } from './workspaceIndex';

/** Source actions of Kube Topology ("Isolate namespace <ns>"), listed under Source Action…. */
export const SOURCE_ACTION_KIND = vscode.CodeActionKind.Source.append('kubeTopology');

/** A fix as a code action: the offer is kept until VS Code asks to resolve it into edits. */
class FixCodeAction extends vscode.CodeAction {
  constructor(
    readonly offer: FixOffer,
    readonly snapshot: AnalysisSnapshot,
    kind: vscode.CodeActionKind,
    diagnostic?: vscode.Diagnostic,
  ) {
    super(offer.title, kind);
    this.isPreferred = offer.preferred;
    if (diagnostic) this.diagnostics = [diagnostic];
  }
}

/**
 * Quick fixes on Kube Topology's diagnostics (generate a NetworkPolicy, isolate a namespace, allow
 * a blocked call, allow DNS egress, select the workload a mistyped selector meant) and "Isolate
 * namespace" as a source action. The core decides what to offer and computes the edits when one
 * is chosen; this maps diagnostics to findings and edits to a WorkspaceEdit. Fixes that need
 * confirmation (isolating a namespace) carry `needsConfirmation`, so VS Code shows the refactor
 * preview, labelled with the connectivity diff, before anything is written.
 */
export class FixCodeActionProvider implements vscode.CodeActionProvider<FixCodeAction> {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, SOURCE_ACTION_KIND],
  };

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly analysis: AnalysisService,
    private readonly log: (message: string) => void,
  ) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): FixCodeAction[] {
    const file = this.index.ensureCurrent(document);
    if (!file) return [];
    const snapshot = this.analysis.flush();
    const textOf = (key: string) => snapshot.files.get(key)?.text;
    const actions: FixCodeAction[] = [];
    if (wants(context.only, vscode.CodeActionKind.QuickFix)) {
      for (const diagnostic of context.diagnostics) {
        if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
        const code = codeOf(diagnostic);
        for (const finding of snapshot.analysis.findings) {
          if (finding.code !== code || finding.range.file !== file.key) continue;
          if (!toVscodeRange(finding.range, file.lines).isEqual(diagnostic.range)) continue;
          for (const offer of fixesForFinding(snapshot.analysis, finding, textOf))
            actions.push(new FixCodeAction(offer, snapshot, vscode.CodeActionKind.QuickFix, diagnostic));
        }
      }
    }
    // Source actions only when asked for (the Source Action… menu, or a kind given explicitly).
    if (context.only && context.only.value !== '' && wants(context.only, SOURCE_ACTION_KIND)) {
      for (const offer of fixesForFile(snapshot.analysis, file.key, textOf))
        actions.push(new FixCodeAction(offer, snapshot, SOURCE_ACTION_KIND));
    }
    return actions;
  }

  resolveCodeAction(action: FixCodeAction): FixCodeAction {
    const result = action.offer.resolve();
    if (!result) {
      this.log(`${action.title}: nothing to change in the workspace as it is now.`);
      return action;
    }
    // The edits' offsets are into the texts the offer was made on: if one of those files changed
    // since (typing between the light bulb and the choice), the fix is not applied.
    const current = this.analysis.flush();
    const changed = result.edits.filter(
      (edit) => current.files.get(edit.file)?.text !== action.snapshot.files.get(edit.file)?.text,
    );
    if (changed.length > 0) {
      this.log(`${action.title}: ${changed[0]!.file} changed since the fix was offered; ask for it again.`);
      return action;
    }
    if (result.preview) this.log(`${result.preview.label}\n${result.preview.description}`);
    action.edit = toWorkspaceEdit(result, action.snapshot);
    return action;
  }
}

/** Whether code actions of `kind` were asked for (no `only`: quick fixes are). */
function wants(only: vscode.CodeActionKind | undefined, kind: vscode.CodeActionKind): boolean {
  return only === undefined || only.contains(kind);
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/**
 * The core's offset edits as a WorkspaceEdit: offsets become positions on the text the analysis
 * read (the index's text of that file), new files are created and filled. With a preview, every
 * entry needs confirmation and carries the connectivity diff.
 */
export function toWorkspaceEdit(result: FixResult, snapshot: AnalysisSnapshot): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  const metadata: vscode.WorkspaceEditEntryMetadata | undefined = result.preview && {
    needsConfirmation: true,
    label: result.preview.label,
    description: oneLine(result.preview.description),
  };
  for (const change of result.edits) {
    if (change.newFile) {
      const uri = vscode.Uri.parse(change.file);
      edit.createFile(uri, { overwrite: false, ignoreIfExists: false }, metadata);
      edit.insert(uri, new vscode.Position(0, 0), change.newText, metadata);
      continue;
    }
    const file = snapshot.files.get(change.file);
    if (!file) throw new Error(`Kube Topology has no text of ${change.file} to edit.`);
    edit.replace(file.uri, toVscodeRange(change, file.lines), change.newText, metadata);
  }
  return edit;
}

/** The diff's lines as one line for the preview's description (the output channel has them in full). */
function oneLine(description: string): string {
  return description
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}
