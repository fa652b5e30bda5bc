// Line-level scanning of YAML text for the block locator (blockLocator.ts): line ends, blank and
// comment lines, indentation. Character codes rather than regexes: these run for every line a
// locate passes.

export const SPACE = 32;
export const TAB = 9;
export const CR = 13;
export const LF = 10;
export const HASH = 35;

export function lineEndOf(text: string, position: number): number {
  const newline = text.indexOf('\n', position);
  return newline === -1 ? text.length : newline;
}

/** Offset of the first character after the spaces at `lineStart`, or -1 when a tab is in the indentation. */
export function firstNonSpace(text: string, lineStart: number, lineEnd: number): number {
  let i = lineStart;
  while (i < lineEnd && text.charCodeAt(i) === SPACE) i++;
  if (i < lineEnd && text.charCodeAt(i) === TAB) return -1;
  return i;
}

export function isBlankFrom(text: string, position: number, lineEnd: number): boolean {
  for (let i = position; i < lineEnd; i++) {
    const code = text.charCodeAt(i);
    if (code !== SPACE && code !== TAB && code !== CR) return false;
  }
  return true;
}

/** Blank, or (after spaces or tabs) a comment. */
export function isBlankOrCommentFrom(text: string, position: number, lineEnd: number): boolean {
  for (let i = position; i < lineEnd; i++) {
    const code = text.charCodeAt(i);
    if (code === HASH) return true;
    if (code !== SPACE && code !== TAB && code !== CR) return false;
  }
  return true;
}

export function isDocumentMarker(text: string, lineStart: number, marker: '---' | '...'): boolean {
  if (!text.startsWith(marker, lineStart)) return false;
  const next = text.charCodeAt(lineStart + 3);
  return Number.isNaN(next) || next === SPACE || next === TAB || next === CR || next === LF;
}

/**
 * The next line after `lineEnd` that is neither blank nor a comment: its start and indentation.
 * `indent` is -1 when a tab indents it; undefined at the end of the text.
 */
export function nextContentLine(
  text: string,
  lineEnd: number,
): { start: number; indent: number } | undefined {
  const start = nextContentStart(text, lineEnd);
  return start === -1 ? undefined : { start, indent: indentAt(text, start) };
}

/**
 * Where the next line with content starts, or -1. Without an object per line: walking the
 * entries of a block steps over every line of the entries before, for every range located.
 */
export function nextContentStart(text: string, lineEnd: number): number {
  let lineStart = lineEnd + 1;
  while (lineStart < text.length) {
    const end = lineEndOf(text, lineStart);
    if (!isBlankOrCommentFrom(text, lineStart, end)) return lineStart;
    lineStart = end + 1;
  }
  return -1;
}

/** The indentation of a content line (-1 when it has only spaces, which content lines do not). */
export function indentAt(text: string, lineStart: number): number {
  const content = firstNonSpace(text, lineStart, lineEndOf(text, lineStart));
  return content === -1 ? -1 : content - lineStart;
}

export function isSequenceDash(text: string, position: number): boolean {
  if (text.charCodeAt(position) !== 45 /* - */) return false;
  const next = text.charCodeAt(position + 1);
  return Number.isNaN(next) || next === SPACE || next === TAB || next === CR || next === LF;
}
