import * as vscode from 'vscode';
import type { SourceRange } from '../core/model/sourceRange';
import type { AnalysisSnapshot } from './analysisService';
import { toVscodeRange } from './convert';
import type { RevealTarget } from './graphDtoMapper';

/**
 * What a click on an edge shows: one piece of its evidence (the env value, the backend), else the
 * place in an object the mapper chose (a Service's selector). Ranges come from the snapshot the panel
 * drew, never from the webview; `index` only picks among them.
 */
export async function revealTarget(
  snapshot: AnalysisSnapshot,
  target: RevealTarget,
  index: number,
): Promise<boolean> {
  const range =
    target.evidence[index] ??
    target.evidence[0] ??
    (target.fallback
      ? (target.fallback.object.locate(target.fallback.path) ?? target.fallback.object.nameRange)
      : undefined);
  return range ? revealRange(snapshot, range) : false;
}

/** Opens the range's file beside the panel, selects the range and scrolls it into view. */
export async function revealRange(snapshot: AnalysisSnapshot, range: SourceRange): Promise<boolean> {
  const file = snapshot.files.get(range.file);
  if (!file) return false;
  const document = await vscode.workspace.openTextDocument(file.uri);
  // The snapshot's offsets belong to the text it parsed; if the editor moved on, open at the start.
  const current = document.version === file.version || (file.version === undefined && !document.isDirty);
  const target = current ? toVscodeRange(range, file.lines) : new vscode.Range(0, 0, 0, 0);
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: vscode.window.visibleTextEditors[0]?.viewColumn ?? vscode.ViewColumn.One,
    preserveFocus: false,
    selection: new vscode.Selection(target.start, target.end),
  });
  editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}
