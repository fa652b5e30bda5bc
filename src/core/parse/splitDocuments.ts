/** Where one YAML document of a multi-document file lies: `[start, end)` offsets into the file. */
export interface DocumentSpan {
  readonly start: number;
  readonly end: number;
}

const DOCUMENT_START = /^---(?=[ \t]|\r?\n|\r|$)/;

/**
 * Cuts a file into document chunks at `---` lines, without parsing. A `---` at column 0 always
 * starts a new document in YAML (even inside a block scalar, which it ends), so the cut agrees
 * with a real parser. Directive lines (`%YAML`, `%TAG`) go with the document that follows them.
 * Chunks let large files be parsed one document at a time, yielding in between, and let an edit
 * re-parse only the document it touched.
 */
export function splitDocuments(text: string): DocumentSpan[] {
  const spans: DocumentSpan[] = [];
  let chunkStart = 0;
  let directivesStart = -1;
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline + 1;
    const first = text.charCodeAt(lineStart);
    if (first === 37 /* % */) {
      if (directivesStart === -1) directivesStart = lineStart;
    } else if (first === 45 /* - */ && DOCUMENT_START.test(text.slice(lineStart, lineStart + 5))) {
      const cut = directivesStart === -1 ? lineStart : directivesStart;
      if (cut > chunkStart) spans.push({ start: chunkStart, end: cut });
      chunkStart = cut;
      directivesStart = -1;
    } else if (!isBlankOrComment(text, lineStart, lineEnd)) {
      directivesStart = -1;
    }
    lineStart = lineEnd;
  }
  if (text.length > chunkStart || spans.length === 0) spans.push({ start: chunkStart, end: text.length });
  return spans;
}

function isBlankOrComment(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 35 /* # */) return true;
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13) return false;
  }
  return true;
}
