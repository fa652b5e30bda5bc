/**
 * A span of a file's text as UTF-16 offsets into exactly the text that was parsed. The core speaks
 * only in offsets; the adapters turn them into lines and columns (src/vscode/convert.ts with the
 * editor's own document, the CLI with a LineIndex over the same text).
 */
export interface SourceRange {
  /** The file's key as the caller gave it: a URI string in VS Code, a relative path in the CLI. */
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

/** Whether `offset` lies inside `range` (end inclusive, so a cursor right after a value still counts). */
export function rangeContains(range: SourceRange, offset: number): boolean {
  return offset >= range.start && offset <= range.end;
}
