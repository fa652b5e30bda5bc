// Single- and double-quoted scalars on one line, for blockYamlReader.ts and inlineScalars.ts, read
// exactly as js-yaml 4 reads them (readSingleQuotedScalar, readDoubleQuotedScalar in
// node_modules/js-yaml/lib/loader.js): every escape of its table, `''` in single quotes, tabs kept,
// control characters rejected. A scalar not closed on its line (`limit` is the end of the line's
// content) is not simple: the readers answer undefined, and the caller falls back to js-yaml.

const TAB = 9;
const SPACE = 32;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const BACKSLASH = 92;

/** Where the last scalar or flow collection read on a line ended (one past its closing character). */
export const scanned = { end: 0 };

/** The double-quoted scalar opening at `at`; `scanned.end` is just after its closing quote. */
export function readDoubleQuoted(text: string, at: number, limit: number): string | undefined {
  let result = '';
  let segmentStart = at + 1;
  for (let i = segmentStart; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (code === DOUBLE_QUOTE) {
      scanned.end = i + 1;
      return result + text.slice(segmentStart, i);
    }
    if (code !== BACKSLASH) {
      // js-yaml rejects control characters but tabs in quoted scalars.
      if (code < SPACE && code !== TAB) return undefined;
      continue;
    }
    // js-yaml's escapes; a backslash at the line end continues the scalar on the next line.
    if (i + 1 >= limit) return undefined;
    const escape = text.charCodeAt(i + 1);
    result += text.slice(segmentStart, i);
    const simple = simpleEscape(escape);
    if (simple !== undefined) {
      result += simple;
      i += 1;
    } else {
      const digits = escape === 120 /* x */ ? 2 : escape === 117 /* u */ ? 4 : escape === 85 /* U */ ? 8 : 0;
      if (digits === 0 || i + 2 + digits > limit) return undefined;
      const hex = text.slice(i + 2, i + 2 + digits);
      if (!/^[0-9a-fA-F]+$/.test(hex)) return undefined;
      result += codePointString(parseInt(hex, 16));
      i += 1 + digits;
    }
    segmentStart = i + 1;
  }
  return undefined;
}

/** js-yaml's simpleEscapeSequence (a tab after the backslash is not simple: see the top). */
function simpleEscape(code: number): string | undefined {
  switch (code) {
    case 48 /* 0 */:
      return '\x00';
    case 97 /* a */:
      return '\x07';
    case 98 /* b */:
      return '\x08';
    case 116 /* t */:
      return '\t';
    case 110 /* n */:
      return '\n';
    case 118 /* v */:
      return '\x0B';
    case 102 /* f */:
      return '\x0C';
    case 114 /* r */:
      return '\r';
    case 101 /* e */:
      return '\x1B';
    case SPACE:
      return ' ';
    case DOUBLE_QUOTE:
      return '"';
    case 47 /* / */:
      return '/';
    case BACKSLASH:
      return '\\';
    case 78 /* N */:
      return '\x85';
    case 95 /* _ */:
      return '\xA0';
    case 76 /* L */:
      return '\u2028';
    case 80 /* P */:
      return '\u2029';
    default:
      return undefined;
  }
}

/** js-yaml's charFromCodepoint: code points above U+FFFF as a surrogate pair, unchecked. */
function codePointString(code: number): string {
  if (code <= 0xffff) return String.fromCharCode(code);
  return String.fromCharCode(((code - 0x10000) >> 10) + 0xd800, ((code - 0x10000) & 0x3ff) + 0xdc00);
}

/** The single-quoted scalar opening at `at` (`''` is a quote); `scanned.end` is just after it. */
export function readSingleQuoted(text: string, at: number, limit: number): string | undefined {
  let result = '';
  let segmentStart = at + 1;
  for (let i = segmentStart; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (code !== SINGLE_QUOTE) {
      if (code < SPACE && code !== TAB) return undefined;
      continue;
    }
    if (text.charCodeAt(i + 1) !== SINGLE_QUOTE || i + 1 >= limit) {
      scanned.end = i + 1;
      return result + text.slice(segmentStart, i);
    }
    result += text.slice(segmentStart, i + 1);
    segmentStart = i + 2;
    i += 1;
  }
  return undefined;
}
