import * as vscode from 'vscode';
import { objectAt } from '../core/model/objectAt';
import type { AnalysisService } from './analysisService';

/** Cursor moves come in bursts (holding an arrow key): the panel follows after a short pause. */
const CURSOR_DEBOUNCE_MS = 120;

/**
 * Follows the cursor of the active editor: when it moves into the object of a node, `onNode` gets the
 * node's id (null when it moves into text that is no node's object). Only changes are reported, and
 * only for manifests whose analysed text is the editor's current text (while typing, offsets would
 * point into an older version: the next analysis brings the panel up to date).
 */
export class CursorSync implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last: string | null | undefined;

  constructor(
    private readonly analysis: AnalysisService,
    private readonly onNode: (id: string | null) => void,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeTextEditorSelection((event) => this.schedule(event.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((editor) => editor && this.schedule(editor)),
    );
  }

  /** Forget what was reported (the webview reloaded and lost its selection). */
  reset(): void {
    this.last = undefined;
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  private schedule(editor: vscode.TextEditor): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.follow(editor);
    }, CURSOR_DEBOUNCE_MS);
  }

  private follow(editor: vscode.TextEditor): void {
    const document = editor.document;
    const snapshot = this.analysis.current;
    const file = snapshot.files.get(document.uri.toString());
    if (!file) return;
    const current = file.version === undefined ? !document.isDirty : file.version === document.version;
    if (!current) return;
    const offset = document.offsetAt(editor.selection.active);
    const object = objectAt(snapshot.analysis.model, file.key, offset);
    const id = object && snapshot.analysis.graph.nodesById.has(object.id) ? object.id : null;
    if (id === this.last) return;
    this.last = id;
    this.onNode(id);
  }
}
