import { readBlockScalar } from './blockScalars';
import { endsWithNullKey, linesNeedExactTier } from './exactTierTriggers';
import {
  exactTierHint,
  isPlainStart,
  isRestBlank,
  readEmptyFlowMapping,
  readFlowSequence,
  readPlainValue,
  scanPlain,
} from './inlineScalars';
import { plainKey } from './plainKeys';
import { readDoubleQuoted, readSingleQuoted, scanned } from './quotedScalars';
import { isLineBreakSimple } from './unusualCharacters';

// A reader for the small part of YAML that Kubernetes manifests almost always use: block mappings
// and sequences nested by indentation, one-line plain and quoted scalars, block scalars, `{}`, `[]`
// and one-line flow sequences of scalars, comments. It gives exactly what js-yaml's
// `load(chunk, { schema: YAML_V2_CORE_SCHEMA })` gives (the same values, types, key order), or
// NOT_SIMPLE as soon as the text leaves that part (anchors, tags, multi-line scalars, tabs in
// indentation, duplicate keys, ...; see the tests), and the fast tier then asks js-yaml. A bail
// costs at most what was read until then. About 2.6 times faster than js-yaml: 110 ms against 290 ms
// of CPU, warm, on the 10,000-object benchmark corpus, all of whose documents it reads (and 645 of
// the 688 of ../shared/corpus: it leaves block scalars that needsExactTier takes, see below).
//
// Strings are slices of the file text, which the index keeps anyway: on the benchmark corpus the
// bodies take 25.7 MB of heap so, 27.0 MB with js-yaml's strings copied and shared per file
// (sharedStrings.ts), whose sharing pass would cost about 40 ms more here.
//
// The reader also spares the fast tier needsExactTier's pass over the documents it reads (about
// 55 ms of CPU on the benchmark corpus, whose fast parse went from 235 to 203 ms without it): it
// runs that pass on block scalars only, and on every other line looks for what the pass would look
// at there (inlineScalars.ts, readKey) while reading. When it reads a document without raising
// the hint (mayNeedExactTier), needsExactTier would answer false for it; where the reader cannot
// tell cheaply (a quote after a space in a plain scalar, ...), it raises the hint and the pass
// decides. The tests check exactly that (blockYamlReader.test.ts, bench/fuzzParseTiers.ts).

/** What readBlockYaml answers when the text is not in the subset it reads. */
export const NOT_SIMPLE: unique symbol = Symbol('not simple YAML');

const TAB = 9;
const CR = 13;
const SPACE = 32;
const DOUBLE_QUOTE = 34;
const HASH = 35;
const SINGLE_QUOTE = 39;
const DASH = 45;
const DOT = 46;
const COLON = 58;
const GREATER = 62;
const LEFT_BRACKET = 91;
const LEFT_BRACE = 123;
const PIPE = 124;

/** Deeper nesting is not simple (js-yaml stops at a depth of 100, counting keys and values). */
const MAX_DEPTH = 40;

/** Thrown inside the reader to leave it; one instance, so throwing captures no stack. */
const BAIL = new Error('not simple YAML');

// The reader's state, for one document at a time: the text, where the document ends, and the
// current content line (where it starts, its first non-space character, the end of its content
// before `\n` or `\r\n`, where the next line starts). `first` is -1 after the last content line.
let text = '';
let end = 0;
let lineStart = 0;
let first = -1;
let contentEnd = 0;
let nextLine = 0;
let depth = 0;
let afterKey = 0;

/**
 * The document `text.slice(start, end)` (a span from splitDocuments: blank and comment lines, maybe
 * a `---` line, then the content), as js-yaml would load it, or NOT_SIMPLE.
 */
export function readBlockYaml(source: string, start: number, stop: number): unknown {
  // needsExactTier takes every document starting with a colon.
  exactTierHint.raised = source.charCodeAt(start) === COLON;
  if (!isLineBreakSimple(source, start, stop)) return NOT_SIMPLE;
  text = source;
  end = stop;
  depth = 0;
  try {
    toContentLine(afterDocumentStart(start));
    if (first === -1) return isBlank(start) ? undefined : null;
    const value = isSequenceItem(first) ? readSequence(first - lineStart, first) : readMapping(first);
    if (first !== -1) return NOT_SIMPLE;
    return value;
  } catch (error) {
    if (error === BAIL) return NOT_SIMPLE;
    throw error;
  } finally {
    text = '';
    // After a bail, the items of the sequences it left.
    items.length = 0;
  }
}

/**
 * After readBlockYaml gave a value: whether needsExactTier must still be asked about the document.
 * When not, it would answer false (see the top).
 */
export function mayNeedExactTier(): boolean {
  return exactTierHint.raised;
}

function bail(): never {
  throw BAIL;
}

/**
 * Whether js-yaml finds no document at all in the span, not even an empty one: only spaces, maybe
 * ending in one line break (it loads `""` and `"  \n"` as undefined, `"\n\n"` and `"# c"` as null).
 */
function isBlank(start: number): boolean {
  let i = start;
  while (i < end && text.charCodeAt(i) === SPACE) i++;
  return i >= end - 1 && (i === end || text.charCodeAt(i) === 10 || text.charCodeAt(i) === CR);
}

/** Where the content starts: after the blank and comment lines and the `---` line, if any, before it. */
function afterDocumentStart(start: number): number {
  toContentLine(start, true);
  if (first === -1 || first !== lineStart || !text.startsWith('---', first)) return start;
  if (first + 3 < contentEnd && !isRestBlank(text, first + 3, contentEnd)) bail();
  return nextLine;
}

/**
 * Moves to the first content line at or after `from`, skipping blank and comment lines. Tabs in
 * indentation and document markers (`---`, `...`) at a line start are not simple, except the
 * first `---` when `markerAllowed`.
 */
function toContentLine(from: number, markerAllowed = false): void {
  let start = from;
  while (start < end) {
    let i = start;
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    let lineEnd = text.indexOf('\n', i);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    const code = text.charCodeAt(i);
    if (i < lineEnd && code !== HASH && code !== CR) {
      if (code === TAB) bail();
      if (i === start && (code === DASH || code === DOT) && !markerAllowed && isMarker(start)) bail();
      lineStart = start;
      first = i;
      contentEnd = text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
      nextLine = lineEnd + 1;
      return;
    }
    start = lineEnd + 1;
  }
  first = -1;
}

function isMarker(at: number): boolean {
  return text.startsWith('---', at) || text.startsWith('...', at);
}

/** A `-` followed by a space or the line end: a block sequence item. */
function isSequenceItem(at: number): boolean {
  return text.charCodeAt(at) === DASH && (at + 1 === contentEnd || text.charCodeAt(at + 1) === SPACE);
}

function enter(): void {
  if (++depth > MAX_DEPTH) bail();
}

/** The block mapping whose first key starts at `keyAt` on the current line; its column is the mapping's. */
function readMapping(keyAt: number): Record<string, unknown> {
  enter();
  const indent = keyAt - lineStart;
  const result: Record<string, unknown> = {};
  for (;;) {
    const key = readKey(keyAt);
    // js-yaml rejects duplicate keys (also `1` and `"1"`), defines `__proto__` as an own property
    // and, with other schemas, merges `<<`: all left to it.
    if (key === '__proto__' || key === '<<' || Object.hasOwn(result, key)) bail();
    result[key] = readValue(indent, afterKey);
    if (first === -1) break;
    const column = first - lineStart;
    if (column < indent) break;
    if (column > indent) bail();
    keyAt = first;
  }
  depth -= 1;
  return result;
}

/** The key at `at`, a plain or quoted scalar followed by `:` and a space or the line end; sets `afterKey`. */
function readKey(at: number): string {
  const code = text.charCodeAt(at);
  let key: string | undefined;
  let colon: number;
  if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
    key =
      code === DOUBLE_QUOTE ? readDoubleQuoted(text, at, contentEnd) : readSingleQuoted(text, at, contentEnd);
    colon = scanned.end;
  } else {
    if (!isPlainStart(text, at, contentEnd)) bail();
    const keyEnd = scanPlain(text, at, contentEnd);
    colon = scanned.end;
    // A space before the colon is left to js-yaml (the exact tier takes those documents anyway).
    if (keyEnd === colon) {
      key = plainKey(text, at, keyEnd);
      if (mayEndSpecialKey(text.charCodeAt(colon - 1), colon)) exactTierHint.raised = true;
    }
  }
  if (key === undefined || text.charCodeAt(colon) !== COLON || colon >= contentEnd) bail();
  if (colon + 1 < contentEnd && text.charCodeAt(colon + 1) !== SPACE) bail();
  afterKey = colon + 1;
  return key;
}

/**
 * needsExactTier's keys ending in the character `last` before the colon at `colon`: after a flow
 * indicator, `?` or `-`, null (`~`, `null`, ...) or after a Unicode space (its `\s`).
 */
function mayEndSpecialKey(last: number, colon: number): boolean {
  switch (last) {
    case LEFT_BRACE:
    case LEFT_BRACKET:
    case 44 /* , */:
    case 63 /* ? */:
    case DASH:
    case 93 /* ] */:
    case 125 /* } */:
      return true;
    case 126 /* ~ */:
    case 108 /* l */:
    case 76 /* L */:
      return endsWithNullKey(text, colon);
    default:
      return last >= 0x80 && /\s/.test(String.fromCharCode(last));
  }
}

/** The value of a key of the mapping at column `indent`, from `from` (just after the colon) on. */
function readValue(indent: number, from: number): unknown {
  const at = skipSpaces(from);
  if (at < contentEnd && text.charCodeAt(at) !== HASH) return readInline(at, indent);
  // Nothing more on the key's line: the value is on the lines below, or null.
  toContentLine(nextLine);
  if (first === -1) return null;
  const column = first - lineStart;
  if (column < indent) return null;
  // A sequence may sit at the key's own indentation (`key:\n- a`).
  if (column === indent) return isSequenceItem(first) ? readSequence(column, first) : null;
  return readNestedBlock(column);
}

/** The block sequence at column `indent` whose first `-` is at `dashAt` on the current line. */
/**
 * The items of the sequences being read, innermost last. Each sequence is copied out at its exact
 * length when it ends: an array grown by `push` keeps room for 17 items from its first one, and
 * most sequences of a manifest hold one or two (on the benchmark corpus the slack was 4 MB of the
 * 30 MB of bodies, kept as long as the index is).
 */
const items: unknown[] = [];

function readSequence(indent: number, dashAt: number): unknown[] {
  enter();
  const mark = items.length;
  for (;;) {
    items.push(readItem(indent, dashAt + 1));
    if (first === -1) break;
    const column = first - lineStart;
    if (column < indent) break;
    if (column > indent) bail();
    if (!isSequenceItem(first)) break;
    dashAt = first;
  }
  const result = items.slice(mark);
  items.length = mark;
  depth -= 1;
  return result;
}

/** One item of the sequence at column `indent`, from `from` (just after its `-`) on. */
function readItem(indent: number, from: number): unknown {
  const at = skipSpaces(from);
  if (at >= contentEnd || text.charCodeAt(at) === HASH) {
    toContentLine(nextLine);
    if (first === -1) return null;
    if (first - lineStart > indent) return readNestedBlock(first - lineStart);
    // After an empty item js-yaml takes the next `- ` as an item of the same sequence whatever its
    // indentation (in `- -\n- a` the `a` is in the inner sequence).
    if (first - lineStart < indent && isSequenceItem(first)) bail();
    return null;
  }
  // `- - a` and `- key: value`: a collection starting on the item's line, at the item's column.
  if (isSequenceItem(at)) return readSequence(at - lineStart, at);
  if (startsKey(at)) return readMapping(at);
  return readInline(at, indent);
}

/** The collection starting at the current line's first character, indented at `column`. */
function readNestedBlock(column: number): unknown {
  return isSequenceItem(first) ? readSequence(column, first) : readMapping(first);
}

/** Whether a key (a scalar, then `:` and a space or the line end) starts at `at`. */
function startsKey(at: number): boolean {
  const code = text.charCodeAt(at);
  if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
    const key =
      code === DOUBLE_QUOTE ? readDoubleQuoted(text, at, contentEnd) : readSingleQuoted(text, at, contentEnd);
    return key !== undefined && text.charCodeAt(scanned.end) === COLON && scanned.end < contentEnd;
  }
  if (!isPlainStart(text, at, contentEnd)) return false;
  if (scanPlain(text, at, contentEnd) === -1) bail();
  return scanned.end < contentEnd && text.charCodeAt(scanned.end) === COLON;
}

/**
 * A value starting at `at` on the current line (not a block collection) of a mapping or sequence
 * at column `indent`; moves on to the next content line, which must not be indented further (it
 * would continue a multi-line scalar, or be an error).
 */
function readInline(at: number, indent: number): unknown {
  const code = text.charCodeAt(at);
  let value: unknown;
  if (code === PIPE || code === GREATER) {
    const scalar = readBlockScalar(text, at, contentEnd, nextLine, end, indent);
    if (scalar === undefined || linesNeedExactTier(text, nextLine, scalar.next, end)) bail();
    toContentLine(scalar.next);
    value = scalar.value;
  } else {
    if (code === DOUBLE_QUOTE) value = readDoubleQuoted(text, at, contentEnd);
    else if (code === SINGLE_QUOTE) value = readSingleQuoted(text, at, contentEnd);
    else if (code === LEFT_BRACKET) value = readFlowSequence(text, at, contentEnd);
    else if (code === LEFT_BRACE) value = readEmptyFlowMapping(text, at, contentEnd);
    else value = readPlainValue(text, at, contentEnd);
    if (value === undefined || !isRestBlank(text, scanned.end, contentEnd)) bail();
    toContentLine(nextLine);
  }
  if (first !== -1 && first - lineStart > indent) bail();
  return value;
}

function skipSpaces(from: number): number {
  let i = from;
  while (i < contentEnd && text.charCodeAt(i) === SPACE) i++;
  if (i < contentEnd && text.charCodeAt(i) === TAB) bail();
  return i;
}
