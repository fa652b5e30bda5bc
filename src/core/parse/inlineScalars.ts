import { resolvePlainScalar } from './fastYamlSchema';
import { readDoubleQuoted, readSingleQuoted, scanned } from './quotedScalars';
import { isUnusualAbove7F } from './unusualCharacters';

// The one-line pieces of blockYamlReader.ts: plain scalars, `{}` and flow sequences of scalars, each
// read exactly as js-yaml 4 reads it (node_modules/js-yaml/lib/loader.js: readPlainScalar,
// readFlowCollection; quoted scalars are in quotedScalars.ts). Everything here stays on one line:
// `limit` is the end of the line's content (before `\n` or `\r\n`), and a scalar or collection that
// would go on past it is not simple. Readers answer undefined for "not simple" (never a value: an
// empty plain value is null), and the caller falls back to js-yaml. Tabs outside quotes are never
// simple: js-yaml and yaml v2 do not agree on all of them, and manifests hardly use them. Nor are
// unusual characters (unusualCharacters.ts).

const TAB = 9;
const SPACE = 32;
const DOUBLE_QUOTE = 34;
const HASH = 35;
const SINGLE_QUOTE = 39;
const COMMA = 44;
const DASH = 45;
const COLON = 58;
const QUESTION = 63;
const LEFT_BRACKET = 91;
const RIGHT_BRACKET = 93;
const LEFT_BRACE = 123;
const RIGHT_BRACE = 125;

/**
 * Whether a plain scalar may start at `at`: js-yaml's rule (no indicator character, and `-`, `?`
 * only when not followed by a space or the line end), and the same for `:` (where js-yaml would
 * read an empty node, which is not simple here).
 */
export function isPlainStart(text: string, at: number, limit: number): boolean {
  const code = text.charCodeAt(at);
  switch (code) {
    case DASH:
    case QUESTION:
    case COLON: {
      const next = text.charCodeAt(at + 1);
      return at + 1 < limit && next !== SPACE && next !== TAB;
    }
    // , [ ] { } # & * ! | > ' " % @ `
    case COMMA:
    case LEFT_BRACKET:
    case RIGHT_BRACKET:
    case LEFT_BRACE:
    case RIGHT_BRACE:
    case HASH:
    case 38:
    case 42:
    case 33:
    case 124:
    case 62:
    case SINGLE_QUOTE:
    case DOUBLE_QUOTE:
    case 37:
    case 64:
    case 96:
    case SPACE:
    case TAB:
      return false;
    default:
      return at < limit;
  }
}

/**
 * Scans a plain scalar of block context from `at` (where isPlainStart holds). Returns the end of
 * its text (trailing spaces excluded), or -1 when it holds a tab or an unusual character (see the
 * top); `scanned.end` is where it stopped: `limit`, the `#` of a comment, or a `:` followed by a
 * space or the line end (the scalar is then a key).
 */
export function scanPlain(text: string, at: number, limit: number): number {
  let i = at;
  for (; i < limit; i++) {
    const code = text.charCodeAt(i);
    // Letters and most punctuation come after `:` (and after the space, `#` and control characters).
    if (code > COLON) {
      if (code >= 0x7f && isUnusualAbove7F(code)) return -1;
    } else if (code === COLON) {
      const next = text.charCodeAt(i + 1);
      if (i + 1 === limit || next === SPACE || next === TAB) break;
    } else if (code === HASH) {
      if (text.charCodeAt(i - 1) === SPACE) break;
    } else if (code < SPACE) {
      return -1;
    }
  }
  scanned.end = i;
  while (i > at && text.charCodeAt(i - 1) === SPACE) i--;
  return i;
}

/**
 * The plain scalar at `at` ending its line (or followed by a comment), resolved to null, bool,
 * number or string; `scanned.end` is `limit`. Undefined when not simple, and for `a: b: c` (an
 * error for js-yaml).
 */
export function readPlainValue(text: string, at: number, limit: number): unknown {
  if (!isPlainStart(text, at, limit)) return undefined;
  const valueEnd = scanPlain(text, at, limit);
  if (valueEnd === -1 || (scanned.end < limit && text.charCodeAt(scanned.end) === COLON)) return undefined;
  scanned.end = limit;
  return resolvePlainScalar(text.slice(at, valueEnd));
}

/** `{}` (spaces inside allowed) at `at`; any other flow mapping is not simple. */
export function readEmptyFlowMapping(text: string, at: number, limit: number): object | undefined {
  let close = at + 1;
  while (close < limit && text.charCodeAt(close) === SPACE) close++;
  if (close >= limit || text.charCodeAt(close) !== RIGHT_BRACE) return undefined;
  scanned.end = close + 1;
  return {};
}

/** Whether only spaces, then the line end or a comment, follow `from` (a comment needs a space before it). */
export function isRestBlank(text: string, from: number, limit: number): boolean {
  let i = from;
  while (i < limit && text.charCodeAt(i) === SPACE) i++;
  return i === limit || (i > from && text.charCodeAt(i) === HASH);
}

/**
 * The flow sequence of scalars opening at `at` and closing on the same line (`[]`, `[a, "b", 1]`,
 * a trailing comma allowed as js-yaml allows it); `scanned.end` is just after its `]`. Nested
 * collections, pairs (`[a: b]`), empty entries and comments inside are not simple.
 */
export function readFlowSequence(text: string, at: number, limit: number): unknown[] | undefined {
  const result: unknown[] = [];
  let i = at + 1;
  for (;;) {
    while (i < limit && text.charCodeAt(i) === SPACE) i++;
    if (i >= limit) return undefined;
    const code = text.charCodeAt(i);
    if (code === RIGHT_BRACKET) break;
    let value: unknown;
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      value = code === DOUBLE_QUOTE ? readDoubleQuoted(text, i, limit) : readSingleQuoted(text, i, limit);
      if (value === undefined) return undefined;
      i = scanned.end;
    } else {
      const end = flowPlainEnd(text, i, limit);
      if (end === -1) return undefined;
      value = resolvePlainScalar(text.slice(i, end));
      i = scanned.end;
    }
    result.push(value);
    while (i < limit && text.charCodeAt(i) === SPACE) i++;
    const separator = text.charCodeAt(i);
    if (separator === RIGHT_BRACKET) break;
    if (separator !== COMMA || i >= limit) return undefined;
    i += 1;
  }
  scanned.end = i + 1;
  return result;
}

function isFlowIndicator(code: number): boolean {
  return (
    code === COMMA ||
    code === LEFT_BRACKET ||
    code === RIGHT_BRACKET ||
    code === LEFT_BRACE ||
    code === RIGHT_BRACE
  );
}

/**
 * The end of a plain scalar inside a flow sequence (trailing spaces excluded), stopping at `,` or
 * `]` (`scanned.end`); -1 for what is not simple: an indicator first, any `:`, `[`, `{`, `}`, a
 * comment, a tab, an unusual character or the line end.
 */
function flowPlainEnd(text: string, at: number, limit: number): number {
  const first = text.charCodeAt(at);
  if (!isPlainStart(text, at, limit)) return -1;
  if ((first === DASH || first === QUESTION) && isFlowIndicator(text.charCodeAt(at + 1))) return -1;
  let textEnd = at;
  for (let i = at; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (code === COMMA || code === RIGHT_BRACKET) {
      scanned.end = i;
      return textEnd;
    }
    if (code === SPACE) continue;
    if (
      code === COLON ||
      isFlowIndicator(code) ||
      code < SPACE ||
      (code >= 0x7f && isUnusualAbove7F(code)) ||
      (code === HASH && text.charCodeAt(i - 1) === SPACE)
    ) {
      return -1;
    }
    textEnd = i + 1;
  }
  return -1;
}
