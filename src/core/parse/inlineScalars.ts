import { closingQuote, flowOpeningNeedsExactTier, isClosing } from './exactTierTriggers';
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
//
// While they scan, the readers also look for what needsExactTier (exactTierTriggers.ts) would look
// at in the same characters, and raise `exactTierHint.raised` for it (` *`, ` &`, ` !`, a quote or
// `[`, `{` after a space its checks reject, ` ? `, `:` before a flow indicator, `"#`, a value
// ending in ` -`; in flow sequences, more broadly): the fast tier then still asks needsExactTier
// about the document; otherwise it need not.

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
 * Raised (never lowered) by the readers here when a scalar holds something needsExactTier might
 * send to the exact tier; blockYamlReader.ts lowers it before each document.
 */
export const exactTierHint = { raised: false };

// scanPlain's classes of ASCII characters: most need nothing but the comparison with ORDINARY.
const ORDINARY = 0;
const NOT_PLAIN = 1;
const NODE_START = 2;
const QUESTION_MARK = 3;
const COLON_MARK = 4;
const HASH_MARK = 5;
const PLAIN_CLASS = new Uint8Array(128);
PLAIN_CLASS.fill(NOT_PLAIN, 0, SPACE);
PLAIN_CLASS[0x7f] = NOT_PLAIN;
// An alias, anchor, tag, quoted scalar or flow collection for needsExactTier after a node boundary.
for (const code of '!"&\'*[{') PLAIN_CLASS[code.charCodeAt(0)] = NODE_START;
PLAIN_CLASS[QUESTION] = QUESTION_MARK;
PLAIN_CLASS[COLON] = COLON_MARK;
PLAIN_CLASS[HASH] = HASH_MARK;

/** Whether a node may start after `code` inside a plain scalar, for needsExactTier (isNodeBoundary there). */
function isNodeBoundary(code: number): boolean {
  return code === SPACE || code === COLON || code === COMMA || code === LEFT_BRACKET || code === LEFT_BRACE;
}

/**
 * Whether needsExactTier takes the document for the node start `code` at `at` (after a node
 * boundary) inside a plain scalar: any alias, anchor or tag, a quote or flow collection as its own
 * checks decide. needsExactTier skips a closed quote's content: with a `#` in it, where the reader
 * may see a comment start and skip the rest of the line, it raises the hint too.
 */
function nodeNeedsExactTier(text: string, at: number, code: number, limit: number): boolean {
  if (code === LEFT_BRACKET || code === LEFT_BRACE) return flowOpeningNeedsExactTier(text, at);
  if (code !== DOUBLE_QUOTE && code !== SINGLE_QUOTE) return true;
  const close = closingQuote(text, at, code);
  if (close === -1 || close >= limit) return true;
  for (let i = at + 1; i < close; i++) if (text.charCodeAt(i) === HASH) return true;
  return false;
}

/** needsExactTier's `?` (an explicit key): after a space, `[`, `{`, `,` or `-`, before a space or the line end. */
function isExplicitKeyMark(text: string, at: number, limit: number): boolean {
  const previous = text.charCodeAt(at - 1);
  const next = text.charCodeAt(at + 1);
  return (
    (previous === SPACE ||
      previous === LEFT_BRACKET ||
      previous === LEFT_BRACE ||
      previous === COMMA ||
      previous === DASH) &&
    (at + 1 >= limit || next === SPACE || next === TAB)
  );
}

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
 * space or the line end (the scalar is then a key). Raises exactTierHint (see the top).
 */
export function scanPlain(text: string, at: number, limit: number): number {
  let i = at;
  for (; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) {
      if (isUnusualAbove7F(code)) return -1;
      continue;
    }
    const kind = PLAIN_CLASS[code];
    if (kind === ORDINARY) continue;
    if (kind === COLON_MARK) {
      const next = text.charCodeAt(i + 1);
      if (i + 1 === limit || next === SPACE || next === TAB) break;
      if (isFlowIndicator(next)) exactTierHint.raised = true;
    } else if (kind === HASH_MARK) {
      const previous = text.charCodeAt(i - 1);
      if (previous === SPACE) break;
      if (isClosing(previous)) exactTierHint.raised = true;
    } else if (kind === NODE_START) {
      if (isNodeBoundary(text.charCodeAt(i - 1)) && nodeNeedsExactTier(text, i, code, limit)) {
        exactTierHint.raised = true;
      }
    } else if (kind === QUESTION_MARK) {
      if (isExplicitKeyMark(text, i, limit)) exactTierHint.raised = true;
    } else {
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
  // ` -` ending a line may be an empty sequence item for needsExactTier.
  if (text.charCodeAt(valueEnd - 1) === DASH && text.charCodeAt(valueEnd - 2) === SPACE) {
    exactTierHint.raised = true;
  }
  scanned.end = limit;
  return resolvePlainScalar(text.slice(at, valueEnd));
}

/** `{}` (spaces inside allowed) at `at`; any other flow mapping is not simple. */
export function readEmptyFlowMapping(text: string, at: number, limit: number): object | undefined {
  let close = at + 1;
  while (close < limit && text.charCodeAt(close) === SPACE) close++;
  if (close >= limit || text.charCodeAt(close) !== RIGHT_BRACE) return undefined;
  // needsExactTier looks for a null key (`{null}`) in the rest of the line, the comment included.
  if (close + 1 < limit && flowOpeningNeedsExactTier(text, at)) exactTierHint.raised = true;
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
    // For needsExactTier (see the top): a node start after a space, an explicit key mark, a `#`
    // after a quote.
    if (code === QUESTION) {
      if (isExplicitKeyMark(text, i, limit)) exactTierHint.raised = true;
    } else if (code < 128 && PLAIN_CLASS[code] === NODE_START && text.charCodeAt(i - 1) === SPACE) {
      exactTierHint.raised = true;
    } else if (code === HASH && isClosing(text.charCodeAt(i - 1))) {
      exactTierHint.raised = true;
    }
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
