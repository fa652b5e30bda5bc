import * as vscode from 'vscode';
import type { LineIndex } from '../core/model/lineIndex';
import type { SourceRange } from '../core/model/sourceRange';

/**
 * The only place core offsets become `vscode.Range`s. The LineIndex is built from exactly the
 * text that was parsed, so positions agree with `document.positionAt` on that version.
 */
export function toVscodeRange(range: SourceRange, lines: LineIndex): vscode.Range {
  const start = lines.positionAt(range.start);
  const end = lines.positionAt(range.end);
  return new vscode.Range(start.line, start.character, end.line, end.character);
}
