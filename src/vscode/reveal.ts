import * as vscode from 'vscode';
import type { AnalysisSnapshot } from './analysisService';
import { toVscodeRange } from './convert';

/**
 * Shows an object's YAML: opens its file in the editor group the user works in (not the panel's)
 * and selects the object's name, scrolling the whole object into view. Ids come from the webview;
 * only ids the analysis produced resolve, so the webview cannot open anything else.
 */
export async function revealObject(snapshot: AnalysisSnapshot, id: string): Promise<boolean> {
  const object = snapshot.analysis.model.byId.get(id);
  const file = object ? snapshot.files.get(object.file) : undefined;
  if (!object || !file) return false;
  const document = await vscode.workspace.openTextDocument(file.uri);
  // The snapshot's ranges belong to the text it parsed; if the editor moved on, fall back to the start.
  const current = document.version === file.version || (file.version === undefined && !document.isDirty);
  const range = current ? toVscodeRange(object.range, file.lines) : new vscode.Range(0, 0, 0, 0);
  const name = current ? toVscodeRange(object.nameRange, file.lines) : range;
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: editorColumn(),
    preserveFocus: false,
    selection: new vscode.Selection(name.start, name.end),
  });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

/** The column of the text editor the user last used, so the YAML opens beside the panel, not over it. */
function editorColumn(): vscode.ViewColumn {
  return vscode.window.visibleTextEditors[0]?.viewColumn ?? vscode.ViewColumn.One;
}
