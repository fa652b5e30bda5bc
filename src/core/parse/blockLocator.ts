import type { LocateTarget, PathSegment } from './yamlNodes';

// Ranges read from the lines of plain block YAML, without building nodes: where a document's
// top-level node starts and ends, and where a scalar at a path lies. This answers the questions the
// fast tier must answer for every object (its range and `metadata.name`) at the cost of a few line
// scans. It only handles the plain cases (block mappings and sequences, one-line plain or quoted
// scalars, plain keys) and returns undefined as soon as anything else shows up (flow collections,
// block scalars, multi-line scalars, tabs, quoted keys, a key that is not a string): callers then
// ask yaml v2, whose answer is the reference. The differential tests hold both to the same results.

/** `[start, end)` offsets into the chunk the function was given. */
export type Span = [number, number];

const SPACE = 32;
const TAB = 9;
const CR = 13;
const LF = 10;
const HASH = 35;

function lineEndOf(text: string, position: number): number {
  const newline = text.indexOf('\n', position);
  return newline === -1 ? text.length : newline;
}

/** Offset of the first character after the spaces at `lineStart`, or -1 when a tab is in the indentation. */
function firstNonSpace(text: string, lineStart: number, lineEnd: number): number {
  let i = lineStart;
  while (i < lineEnd && text.charCodeAt(i) === SPACE) i++;
  if (i < lineEnd && text.charCodeAt(i) === TAB) return -1;
  return i;
}

function isBlankFrom(text: string, position: number, lineEnd: number): boolean {
  for (let i = position; i < lineEnd; i++) {
    const code = text.charCodeAt(i);
    if (code !== SPACE && code !== TAB && code !== CR) return false;
  }
  return true;
}

/** Blank, or (after spaces or tabs) a comment. */
function isBlankOrCommentFrom(text: string, position: number, lineEnd: number): boolean {
  for (let i = position; i < lineEnd; i++) {
    const code = text.charCodeAt(i);
    if (code === HASH) return true;
    if (code !== SPACE && code !== TAB && code !== CR) return false;
  }
  return true;
}

function isDocumentMarker(text: string, lineStart: number, marker: '---' | '...'): boolean {
  if (!text.startsWith(marker, lineStart)) return false;
  const next = text.charCodeAt(lineStart + 3);
  return Number.isNaN(next) || next === SPACE || next === TAB || next === CR || next === LF;
}

/**
 * Whether a chunk holds no YAML document at all: only blank lines and comments. (A `---` line
 * alone makes a document whose content is an empty scalar, which yaml v2 counts as content.)
 */
export function isContentFree(chunk: string): boolean {
  let lineStart = 0;
  while (lineStart < chunk.length) {
    const lineEnd = lineEndOf(chunk, lineStart);
    if (!isBlankOrCommentFrom(chunk, lineStart, lineEnd)) return false;
    lineStart = lineEnd + 1;
  }
  return true;
}

/**
 * The span yaml v2 gives a document's top-level mapping, after trimming trailing whitespace: from
 * its first character to the end of its last content line. Undefined when the document is not
 * simple enough to tell from lines (content on the `---` line, a `...` line, an indented comment
 * after the last content line, which yaml v2 may count into the node, or a flow collection with
 * anything after its closing bracket).
 */
export function documentContentSpan(chunk: string): Span | undefined {
  let lineStart = 0;
  let start = -1;
  let first = true;
  while (lineStart < chunk.length) {
    const lineEnd = lineEndOf(chunk, lineStart);
    if (first && isDocumentMarker(chunk, lineStart, '---')) {
      if (!isBlankOrCommentFrom(chunk, lineStart + 3, lineEnd)) return undefined;
    } else if (!isBlankOrCommentFrom(chunk, lineStart, lineEnd)) {
      if (isDocumentMarker(chunk, lineStart, '...')) return undefined;
      start = firstNonSpace(chunk, lineStart, lineEnd);
      break;
    }
    first = false;
    lineStart = lineEnd + 1;
  }
  if (start === -1) return undefined;
  // Walk back over trailing blank lines and column-0 comments to the last content line.
  let lineEnd = chunk.length;
  for (;;) {
    const lineBegin = chunk.lastIndexOf('\n', lineEnd - 1) + 1;
    if (lineBegin <= start) {
      lineEnd = Math.max(lineEnd, start);
      break;
    }
    if (isBlankFrom(chunk, lineBegin, lineEnd)) {
      lineEnd = lineBegin - 1;
      continue;
    }
    if (chunk.charCodeAt(lineBegin) === HASH) {
      lineEnd = lineBegin - 1;
      continue;
    }
    const content = firstNonSpace(chunk, lineBegin, lineEnd);
    if (content === -1 || chunk.charCodeAt(content) === HASH) return undefined;
    if (isDocumentMarker(chunk, lineBegin, '...') || isDocumentMarker(chunk, lineBegin, '---'))
      return undefined;
    break;
  }
  const end = start + chunk.slice(start, lineEnd).trimEnd().length;
  const opener = chunk.charCodeAt(start);
  if (opener === 123 /* { */ || opener === 91 /* [ */) {
    // A flow collection ends at its bracket; a comment after it would not be part of the node.
    const closer = opener === 123 ? 125 : 93;
    const lastLine = chunk.slice(chunk.lastIndexOf('\n', end - 1) + 1, end);
    if (chunk.charCodeAt(end - 1) !== closer || lastLine.includes('#')) return undefined;
  }
  return [start, end];
}

/** A block collection being searched: where its first entry starts and the column of its entries. */
interface Block {
  readonly kind: 'map' | 'seq';
  /** Offset of the first entry's first character (a key, or a `-`). */
  readonly first: number;
  readonly indent: number;
}

/** One `key: ...` entry found on a line. */
interface Entry {
  readonly keyStart: number;
  readonly keyEnd: number;
  /** Offset of the value's first character on the key's line, or -1 when the line has no value. */
  readonly valueStart: number;
  readonly lineEnd: number;
}

/** What a key or sequence item leads to. */
type Value =
  | { readonly kind: 'block'; readonly block: Block }
  | {
      readonly kind: 'inline';
      readonly start: number;
      readonly lineEnd: number;
      readonly parentIndent: number;
    };

// Plain scalars that yaml v2's core schema reads as something else than a string.
const NON_STRING_KEY =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;

/**
 * Whether the key from `start` to `end` can be one NON_STRING_KEY matches, without cutting it
 * out: almost every key is a word that cannot (only null, true and false are words it matches),
 * and slicing each key to test it was most of what locating a finding allocated.
 */
function mayBeNonStringKey(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  const isLetter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122);
  if (!isLetter) return true;
  const length = end - start;
  // n, N, t, T, f, F: the first letters of null, true and false in their three spellings.
  return (length === 4 || length === 5) && [110, 78, 116, 84, 102, 70].includes(first);
}

/** First characters after which a plain scalar (or plain key) cannot start, or that we do not handle. */
function isUnhandledStart(text: string, position: number, lineEnd: number): boolean {
  const code = text.charCodeAt(position);
  switch (code) {
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
    case 44: // ,
    case HASH:
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case 39: // '
    case 34: // "
    case 37: // %
    case 64: // @
    case 96: // `
    case TAB:
      return true;
    case 45: // -
    case 63: // ?
    case 58: {
      // :
      const next = position + 1 < lineEnd ? text.charCodeAt(position + 1) : SPACE;
      return next === SPACE || next === TAB || next === CR;
    }
    default:
      return false;
  }
}

/**
 * Reads `key: value` at `position` (a plain key only). Undefined when the line is not a plain
 * mapping entry we understand.
 */
function readEntry(text: string, position: number): Entry | undefined {
  const lineEnd = lineEndOf(text, position);
  const colon = entryColon(text, position, lineEnd);
  return colon === -1 ? undefined : entryAt(text, position, colon, lineEnd);
}

/**
 * The colon ending the plain key of `key: value` at `position`, or -1 when the line is not a plain
 * mapping entry we understand. (Apart from readEntry so that findKey makes no Entry for every key
 * it passes: locating every finding's range passed hundreds of thousands.)
 */
function entryColon(text: string, position: number, lineEnd: number): number {
  if (isUnhandledStart(text, position, lineEnd)) return -1;
  let colon = -1;
  for (let i = position; i < lineEnd; i++) {
    const code = text.charCodeAt(i);
    if (code === 58 /* : */) {
      const next = i + 1 < lineEnd ? text.charCodeAt(i + 1) : SPACE;
      if (next === SPACE || next === TAB || next === CR) {
        colon = i;
        break;
      }
    } else if (code === HASH) {
      const previous = text.charCodeAt(i - 1);
      if (previous === SPACE || previous === TAB) return -1;
    }
  }
  if (colon === -1) return -1;
  const before = text.charCodeAt(colon - 1);
  if (before === SPACE || before === TAB) return -1;
  if (mayBeNonStringKey(text, position, colon) && NON_STRING_KEY.test(text.slice(position, colon))) return -1;
  return colon;
}

function entryAt(text: string, position: number, colon: number, lineEnd: number): Entry {
  let valueStart = colon + 1;
  while (
    valueStart < lineEnd &&
    (text.charCodeAt(valueStart) === SPACE || text.charCodeAt(valueStart) === TAB)
  )
    valueStart++;
  const hasValue = valueStart < lineEnd && !isBlankOrCommentFrom(text, valueStart, lineEnd);
  return { keyStart: position, keyEnd: colon, valueStart: hasValue ? valueStart : -1, lineEnd };
}

/**
 * The next line after `lineEnd` that is neither blank nor a comment: its start and indentation.
 * `indent` is -1 when a tab indents it; undefined at the end of the text.
 */
function nextContentLine(text: string, lineEnd: number): { start: number; indent: number } | undefined {
  const start = nextContentStart(text, lineEnd);
  return start === -1 ? undefined : { start, indent: indentAt(text, start) };
}

/**
 * Where the next line with content starts, or -1. Without an object per line: walking the
 * entries of a block steps over every line of the entries before, for every range located.
 */
function nextContentStart(text: string, lineEnd: number): number {
  let lineStart = lineEnd + 1;
  while (lineStart < text.length) {
    const end = lineEndOf(text, lineStart);
    if (!isBlankOrCommentFrom(text, lineStart, end)) return lineStart;
    lineStart = end + 1;
  }
  return -1;
}

/** The indentation of a content line (-1 when it has only spaces, which content lines do not). */
function indentAt(text: string, lineStart: number): number {
  const content = firstNonSpace(text, lineStart, lineEndOf(text, lineStart));
  return content === -1 ? -1 : content - lineStart;
}

function isSequenceDash(text: string, position: number): boolean {
  if (text.charCodeAt(position) !== 45 /* - */) return false;
  const next = text.charCodeAt(position + 1);
  return Number.isNaN(next) || next === SPACE || next === TAB || next === CR || next === LF;
}

/** The block collection on the lines after a key or dash with nothing after it, if any. */
function blockAfter(
  text: string,
  lineEnd: number,
  parentIndent: number,
  parentIsMap: boolean,
): Block | undefined {
  const next = nextContentLine(text, lineEnd);
  if (!next || next.indent < 0) return undefined;
  const first = next.start + next.indent;
  if (next.indent > parentIndent) {
    if (isSequenceDash(text, first)) return { kind: 'seq', first, indent: next.indent };
    // Anything but `key: ...` (a flow collection or a scalar on its own line) is left to yaml v2.
    return readEntry(text, first) ? { kind: 'map', first, indent: next.indent } : undefined;
  }
  // A sequence may sit at its parent key's own indentation.
  if (parentIsMap && next.indent === parentIndent && isSequenceDash(text, first)) {
    return { kind: 'seq', first, indent: next.indent };
  }
  return undefined;
}

/**
 * The entries of a block collection: the first at `block.first`, then every line at the block's
 * indentation, until a line indented less (or a line at the same indentation that is not an
 * entry of this kind). Deeper lines belong to the entries' values and are skipped. Stepped
 * through with `nextEntry` rather than a generator: locating every finding's range walked
 * hundreds of thousands of entries, and each step of a generator allocated.
 */
function nextEntry(text: string, block: Block, entry: number): number {
  let lineEnd = lineEndOf(text, entry);
  for (;;) {
    const start = nextContentStart(text, lineEnd);
    if (start === -1) return -1;
    lineEnd = lineEndOf(text, start);
    const content = firstNonSpace(text, start, lineEnd);
    if (content === -1) return -1;
    const indent = content - start;
    if (indent > block.indent) continue;
    if (indent < block.indent) return -1;
    const position = start + indent;
    if (block.kind === 'seq') {
      if (!isSequenceDash(text, position)) return -1;
    } else if (isSequenceDash(text, position)) {
      // A sequence at its key's own indentation: part of the previous entry's value.
      continue;
    } else if (isDocumentMarker(text, start, '...') || isDocumentMarker(text, start, '---')) {
      return -1;
    }
    return position;
  }
}

function findKey(text: string, block: Block, key: string): Entry | undefined {
  for (let position = block.first; position !== -1; position = nextEntry(text, block, position)) {
    const lineEnd = lineEndOf(text, position);
    const colon = entryColon(text, position, lineEnd);
    if (colon === -1) return undefined;
    if (colon - position === key.length && text.startsWith(key, position))
      return entryAt(text, position, colon, lineEnd);
  }
  return undefined;
}

function valueOfEntry(text: string, entry: Entry, indent: number): Value | undefined {
  if (entry.valueStart !== -1) {
    return { kind: 'inline', start: entry.valueStart, lineEnd: entry.lineEnd, parentIndent: indent };
  }
  const block = blockAfter(text, entry.lineEnd, indent, true);
  return block ? { kind: 'block', block } : undefined;
}

function valueOfItem(text: string, block: Block, index: number): Value | undefined {
  let seen = 0;
  for (let dash = block.first; dash !== -1; dash = nextEntry(text, block, dash)) {
    if (seen++ < index) continue;
    const lineEnd = lineEndOf(text, dash);
    let content = dash + 1;
    while (content < lineEnd && text.charCodeAt(content) === SPACE) content++;
    if (content >= lineEnd || isBlankOrCommentFrom(text, content, lineEnd)) {
      const nested = blockAfter(text, lineEnd, block.indent, false);
      return nested ? { kind: 'block', block: nested } : undefined;
    }
    if (text.charCodeAt(content) === TAB || isSequenceDash(text, content)) return undefined;
    // `- key: value` opens a mapping whose entries line up with `key`.
    if (readEntry(text, content)) {
      const column = content - (text.lastIndexOf('\n', content - 1) + 1);
      return { kind: 'block', block: { kind: 'map', first: content, indent: column } };
    }
    return { kind: 'inline', start: content, lineEnd, parentIndent: block.indent };
  }
  return undefined;
}

/** A one-line scalar value's span (without a trailing comment), or undefined when it is anything else. */
function inlineScalarSpan(text: string, value: Extract<Value, { kind: 'inline' }>): Span | undefined {
  const { start, lineEnd, parentIndent } = value;
  const quote = text.charCodeAt(start);
  let end: number;
  if (quote === 34 /* " */) {
    let i = start + 1;
    while (i < lineEnd && text.charCodeAt(i) !== 34) i += text.charCodeAt(i) === 92 /* \ */ ? 2 : 1;
    if (i >= lineEnd) return undefined;
    end = i + 1;
  } else if (quote === 39 /* ' */) {
    let i = start + 1;
    for (; i < lineEnd; i++) {
      if (text.charCodeAt(i) !== 39) continue;
      if (text.charCodeAt(i + 1) === 39) i++;
      else break;
    }
    if (i >= lineEnd) return undefined;
    end = i + 1;
  } else {
    if (isUnhandledStart(text, start, lineEnd)) return undefined;
    end = start;
    for (let i = start; i < lineEnd; i++) {
      const code = text.charCodeAt(i);
      if (code === HASH && (text.charCodeAt(i - 1) === SPACE || text.charCodeAt(i - 1) === TAB)) break;
      if (code === 58 /* : */) {
        const next = i + 1 < lineEnd ? text.charCodeAt(i + 1) : SPACE;
        if (next === SPACE || next === TAB || next === CR) return undefined;
      }
      if (code !== SPACE && code !== TAB && code !== CR) end = i + 1;
    }
    // A plain scalar continues on more-indented lines; those are left to yaml v2.
    const next = nextContentLine(text, lineEnd);
    if (next && (next.indent < 0 || next.indent > parentIndent)) return undefined;
  }
  return isBlankOrCommentFrom(text, end, lineEnd) && (end === lineEnd || !isHashRightAfter(text, end))
    ? [start, end]
    : undefined;
}

/** `"x"#c` is not a comment (a comment needs a space before `#`): left to yaml v2. */
function isHashRightAfter(text: string, position: number): boolean {
  return text.charCodeAt(position) === HASH;
}

/**
 * The span of the scalar (or key) at `path` in the block mapping whose first key is at `rootStart`,
 * as yaml v2's `locateInNode` would give it, or undefined when the lines are not plain enough to
 * tell. The caller has checked that the path exists in the data.
 */
export function locateInBlock(
  text: string,
  rootStart: number,
  path: readonly PathSegment[],
  target: LocateTarget = 'value',
): Span | undefined {
  if (path.length === 0) return undefined;
  const rootColumn = rootStart - (text.lastIndexOf('\n', rootStart - 1) + 1);
  let block: Block = { kind: 'map', first: rootStart, indent: rootColumn };
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    let value: Value | undefined;
    if (typeof segment === 'number') {
      if (block.kind !== 'seq') return undefined;
      value = valueOfItem(text, block, segment);
    } else {
      if (block.kind !== 'map') return undefined;
      const entry = findKey(text, block, segment);
      if (!entry) return undefined;
      if (last && target === 'key') return [entry.keyStart, entry.keyEnd];
      value = valueOfEntry(text, entry, block.indent);
    }
    if (!value) return undefined;
    if (last) {
      if (value.kind === 'block') return blockCollectionSpan(text, value.block);
      const indicator = text.charCodeAt(value.start);
      if (indicator === 124 /* | */ || indicator === 62 /* > */) return blockScalarSpan(text, value);
      return inlineScalarSpan(text, value);
    }
    if (value.kind !== 'block') return undefined;
    block = value.block;
  }
  return undefined;
}

/**
 * The span yaml v2 gives the mapping of item `index` of the block sequence at `path` (a `kind:
 * List`'s `items`), trimmed of trailing whitespace: from the item's first key to the end of its
 * last content line. Undefined when that is not plain to see, and whenever a comment line lies
 * between the item's last content and the next item (yaml v2 may count it into the item).
 */
export function locateSequenceItem(
  text: string,
  rootStart: number,
  path: readonly PathSegment[],
  index: number,
): Span | undefined {
  const rootColumn = rootStart - (text.lastIndexOf('\n', rootStart - 1) + 1);
  let block: Block = { kind: 'map', first: rootStart, indent: rootColumn };
  for (const segment of path) {
    if (typeof segment !== 'string' || block.kind !== 'map') return undefined;
    const entry = findKey(text, block, segment);
    const value = entry && valueOfEntry(text, entry, block.indent);
    if (value?.kind !== 'block') return undefined;
    block = value.block;
  }
  if (block.kind !== 'seq') return undefined;
  const item = valueOfItem(text, block, index);
  if (item?.kind !== 'block' || item.block.kind !== 'map') return undefined;
  const start = item.block.first;
  // Walk the lines after the item's start until one at the sequence's indentation or less.
  let lastContentEnd = lineEndOf(text, start);
  let commentSinceContent = false;
  let lineStart = lastContentEnd + 1;
  while (lineStart < text.length) {
    const lineEnd = lineEndOf(text, lineStart);
    if (isBlankFrom(text, lineStart, lineEnd)) {
      lineStart = lineEnd + 1;
      continue;
    }
    const content = firstNonSpace(text, lineStart, lineEnd);
    if (content === -1) return undefined;
    if (text.charCodeAt(content) === HASH) {
      commentSinceContent = true;
    } else if (content - lineStart <= block.indent) {
      break;
    } else {
      lastContentEnd = lineEnd;
      commentSinceContent = false;
    }
    lineStart = lineEnd + 1;
  }
  if (commentSinceContent) return undefined;
  return [start, start + text.slice(start, lastContentEnd).trimEnd().length];
}

/**
 * A block collection's span as yaml v2 gives it for a value: from its first entry to the end of its
 * last content line, line break included. Undefined when a comment line follows that last content
 * line inside the collection's indentation (yaml v2 may or may not count it in).
 */
function blockCollectionSpan(text: string, block: Block): Span | undefined {
  const end = blockEnd(text, block);
  return end === undefined ? undefined : [block.first, end];
}

/** The end of a block collection (after its last content line's break), or undefined when unclear. */
function blockEnd(text: string, block: Block): number | undefined {
  let lastContentEnd = lineEndOf(text, block.first);
  let commentSinceContent = false;
  let lineStart = lastContentEnd + 1;
  while (lineStart < text.length) {
    const lineEnd = lineEndOf(text, lineStart);
    if (isBlankFrom(text, lineStart, lineEnd)) {
      lineStart = lineEnd + 1;
      continue;
    }
    const content = firstNonSpace(text, lineStart, lineEnd);
    if (content === -1) return undefined;
    const indent = content - lineStart;
    if (text.charCodeAt(content) === HASH) {
      commentSinceContent = true;
    } else if (
      indent < block.indent ||
      (indent === block.indent && block.kind === 'seq' && !isSequenceDash(text, content)) ||
      isDocumentMarker(text, lineStart, '---') ||
      isDocumentMarker(text, lineStart, '...')
    ) {
      break;
    } else {
      lastContentEnd = lineEnd;
      commentSinceContent = false;
    }
    lineStart = lineEnd + 1;
  }
  if (commentSinceContent || endsWithEmptyValue(text, lastContentEnd)) return undefined;
  return Math.min(lastContentEnd + 1, text.length);
}

/**
 * Whether the line ending at `lineEnd` ends with a key or dash without a value: yaml v2 then ends
 * the collection at that empty node, before the line break, so the span is left to it.
 */
function endsWithEmptyValue(text: string, lineEnd: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', lineEnd - 1) + 1, lineEnd);
  // `[^]` and not `.`, which stops at the `\r` of a CRLF line.
  const content = line.replace(/\s#[^]*$/, '').trimEnd();
  return content.endsWith(':') || content.endsWith('-');
}

/**
 * A `|` or `>` block scalar's span as yaml v2 gives it: from the indicator to the break of its
 * last non-blank line. Only clip and strip chomping without an indentation indicator; `|+` (whose
 * span takes in trailing blank lines) and anything unusual are left to yaml v2.
 */
function blockScalarSpan(text: string, value: Extract<Value, { kind: 'inline' }>): Span | undefined {
  const { start, lineEnd, parentIndent } = value;
  let header = start + 1;
  if (text.charCodeAt(header) === 45 /* - */) header++;
  if (!isBlankOrCommentFrom(text, header, lineEnd)) return undefined;
  if (header < lineEnd && text.charCodeAt(header) === HASH) return undefined;
  let contentIndent = -1;
  let lastContentEnd = -1;
  let lineStart = lineEnd + 1;
  while (lineStart < text.length) {
    const end = lineEndOf(text, lineStart);
    if (isBlankFrom(text, lineStart, end)) {
      lineStart = end + 1;
      continue;
    }
    const content = firstNonSpace(text, lineStart, end);
    if (content === -1) return undefined;
    const indent = content - lineStart;
    if (indent <= parentIndent) break;
    if (contentIndent === -1) contentIndent = indent;
    else if (indent < contentIndent) return undefined;
    lastContentEnd = end;
    lineStart = end + 1;
  }
  if (lastContentEnd === -1) return undefined;
  return [start, Math.min(lastContentEnd + 1, text.length)];
}
