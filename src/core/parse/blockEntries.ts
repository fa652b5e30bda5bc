// Entries of block collections as the block locator (blockLocator.ts) reads them from the lines:
// `key: value` entries, sequence items, and the block or inline value each leads to.

import {
  SPACE,
  TAB,
  CR,
  HASH,
  lineEndOf,
  firstNonSpace,
  isBlankOrCommentFrom,
  isDocumentMarker,
  nextContentLine,
  nextContentStart,
  isSequenceDash,
} from './lineScan';

/** A block collection being searched: where its first entry starts and the column of its entries. */
export interface Block {
  readonly kind: 'map' | 'seq';
  /** Offset of the first entry's first character (a key, or a `-`). */
  readonly first: number;
  readonly indent: number;
}

/** One `key: ...` entry found on a line. */
export interface Entry {
  readonly keyStart: number;
  readonly keyEnd: number;
  /** Offset of the value's first character on the key's line, or -1 when the line has no value. */
  readonly valueStart: number;
  readonly lineEnd: number;
}

/** What a key or sequence item leads to. */
export type Value =
  | { readonly kind: 'block'; readonly block: Block }
  | {
      readonly kind: 'inline';
      readonly start: number;
      readonly lineEnd: number;
      readonly parentIndent: number;
    };

// Plain scalars that yaml v2's core schema reads as something else than a string.
export const NON_STRING_KEY =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;

/**
 * Whether the key from `start` to `end` can be one NON_STRING_KEY matches, without cutting it
 * out: almost every key is a word that cannot (only null, true and false are words it matches),
 * and slicing each key to test it was most of what locating a finding allocated.
 */
export function mayBeNonStringKey(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  const isLetter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122);
  if (!isLetter) return true;
  const length = end - start;
  // n, N, t, T, f, F: the first letters of null, true and false in their three spellings.
  return (length === 4 || length === 5) && [110, 78, 116, 84, 102, 70].includes(first);
}

/** First characters after which a plain scalar (or plain key) cannot start, or that we do not handle. */
export function isUnhandledStart(text: string, position: number, lineEnd: number): boolean {
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
export function readEntry(text: string, position: number): Entry | undefined {
  const lineEnd = lineEndOf(text, position);
  const colon = entryColon(text, position, lineEnd);
  return colon === -1 ? undefined : entryAt(text, position, colon, lineEnd);
}

/**
 * The colon ending the plain key of `key: value` at `position`, or -1 when the line is not a plain
 * mapping entry we understand. (Apart from readEntry so that findKey makes no Entry for every key
 * it passes: locating every finding's range passed hundreds of thousands.)
 */
export function entryColon(text: string, position: number, lineEnd: number): number {
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

export function entryAt(text: string, position: number, colon: number, lineEnd: number): Entry {
  let valueStart = colon + 1;
  while (
    valueStart < lineEnd &&
    (text.charCodeAt(valueStart) === SPACE || text.charCodeAt(valueStart) === TAB)
  )
    valueStart++;
  const hasValue = valueStart < lineEnd && !isBlankOrCommentFrom(text, valueStart, lineEnd);
  return { keyStart: position, keyEnd: colon, valueStart: hasValue ? valueStart : -1, lineEnd };
}

/** The block collection on the lines after a key or dash with nothing after it, if any. */
export function blockAfter(
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
export function nextEntry(text: string, block: Block, entry: number): number {
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

export function findKey(text: string, block: Block, key: string): Entry | undefined {
  for (let position = block.first; position !== -1; position = nextEntry(text, block, position)) {
    const lineEnd = lineEndOf(text, position);
    const colon = entryColon(text, position, lineEnd);
    if (colon === -1) return undefined;
    if (colon - position === key.length && text.startsWith(key, position))
      return entryAt(text, position, colon, lineEnd);
  }
  return undefined;
}

export function valueOfEntry(text: string, entry: Entry, indent: number): Value | undefined {
  if (entry.valueStart !== -1) {
    return { kind: 'inline', start: entry.valueStart, lineEnd: entry.lineEnd, parentIndent: indent };
  }
  const block = blockAfter(text, entry.lineEnd, indent, true);
  return block ? { kind: 'block', block } : undefined;
}

export function valueOfItem(text: string, block: Block, index: number): Value | undefined {
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
