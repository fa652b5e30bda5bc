import { hasUnusualCharacter } from './unusualCharacters';

// Literal (`|`) and folded (`>`) block scalars for blockYamlReader.ts, read line for line as js-yaml
// 4's readBlockScalar reads them (node_modules/js-yaml/lib/loader.js), so that the result is the
// same string: the content indentation is the first content line's (or more, when a blank line
// before it has more spaces), lines of fewer spaces end the scalar, and the chomping indicator
// (`-` strip, `+` keep, none clip) decides the final line breaks. An explicit indentation indicator
// (`|2`), anything after the header but a comment, or an unusual character in the lines is not
// simple: the caller falls back to js-yaml.

const SPACE = 32;
const TAB = 9;
const CR = 13;
const HASH = 35;
const PLUS = 43;
const MINUS = 45;
const GREATER = 62;

const CLIP = 0;
const STRIP = 1;
const KEEP = 2;

export interface BlockScalar {
  readonly value: string;
  /** Where the first line after the scalar starts (or the end of the document). */
  readonly next: number;
}

/**
 * The block scalar whose header (`|`, `>-`, ...) is at `at`, on a line whose content ends at
 * `headerEnd`; its lines start at `bodyStart` and the document ends at `end`. `parentIndent` is the
 * indentation of the mapping or sequence it is a value of: its lines must be indented further.
 * Undefined when the header is not simple.
 */
export function readBlockScalar(
  text: string,
  at: number,
  headerEnd: number,
  bodyStart: number,
  end: number,
  parentIndent: number,
): BlockScalar | undefined {
  const folded = text.charCodeAt(at) === GREATER;
  let chomping = CLIP;
  let i = at + 1;
  const indicator = text.charCodeAt(i);
  if (indicator === PLUS || indicator === MINUS) {
    chomping = indicator === PLUS ? KEEP : STRIP;
    i += 1;
  }
  if (i < headerEnd) {
    if (text.charCodeAt(i) !== SPACE) return undefined;
    while (i < headerEnd && text.charCodeAt(i) === SPACE) i++;
    if (i < headerEnd && text.charCodeAt(i) !== HASH) return undefined;
  }

  let textIndent = parentIndent + 1;
  let detected = false;
  let didRead = false;
  let emptyLines = 0;
  let moreIndented = false;
  let value = '';
  let lineStart = bodyStart;
  while (lineStart < end) {
    let p = lineStart;
    while ((!detected || p - lineStart < textIndent) && p < end && text.charCodeAt(p) === SPACE) p++;
    const indent = p - lineStart;
    // Before the first content line, blank lines may raise the indentation (js-yaml does so).
    if (!detected && indent > textIndent) textIndent = indent;
    let lineEnd = text.indexOf('\n', p);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    const contentEnd = text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
    if (p >= contentEnd) {
      emptyLines += 1;
      lineStart = lineEnd + 1;
      continue;
    }
    if (indent < textIndent) break;
    const code = text.charCodeAt(p);
    if (folded) {
      if (code === SPACE || code === TAB) {
        // More-indented lines keep their line breaks.
        moreIndented = true;
        value += '\n'.repeat(didRead ? 1 + emptyLines : emptyLines);
      } else if (moreIndented) {
        moreIndented = false;
        value += '\n'.repeat(emptyLines + 1);
      } else if (emptyLines === 0) {
        if (didRead) value += ' ';
      } else {
        value += '\n'.repeat(emptyLines);
      }
    } else if (didRead) {
      value += emptyLines === 0 ? '\n' : '\n'.repeat(1 + emptyLines);
    } else if (emptyLines > 0) {
      value += '\n'.repeat(emptyLines);
    }
    didRead = true;
    detected = true;
    emptyLines = 0;
    value += text.slice(p, contentEnd);
    lineStart = lineEnd + 1;
  }
  // Checked on all of the scalar's lines at once.
  if (didRead && hasUnusualCharacter(text.slice(bodyStart, lineStart))) return undefined;
  if (chomping === KEEP) value += '\n'.repeat(didRead ? 1 + emptyLines : emptyLines);
  else if (chomping === CLIP && didRead) value += '\n';
  return { value: flat(value), next: Math.min(lineStart, end) };
}

/**
 * A string built line by line is a tree of slices (a V8 cons string); kept as it is, it takes more
 * heap than its characters. Concatenating and reading back makes V8 flatten it into one copy.
 */
function flat(value: string): string {
  return value.length < 13 ? value : (value + ' ').slice(0, -1);
}
