/**
 * A change to one file as offsets into exactly the text that was analysed (no editor types): the
 * VS Code adapter turns it into a WorkspaceEdit, a test applies it to a string.
 */
export interface TextEdit {
  /** The file's key as the analysis knows it (a URI string in VS Code, a relative path in the CLI). */
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly newText: string;
  /** The file does not exist yet: create it with `newText` (start and end are 0). */
  readonly newFile?: boolean;
}

/** Applies the edits of one file to its text (edits must not overlap). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  }
  return result;
}
