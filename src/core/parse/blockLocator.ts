import type { LocateTarget, PathSegment } from './yamlNodes';
import {
  SPACE,
  TAB,
  CR,
  HASH,
  lineEndOf,
  firstNonSpace,
  isBlankFrom,
  isBlankOrCommentFrom,
  isDocumentMarker,
  nextContentLine,
  isSequenceDash,
} from './lineScan';
import { isUnhandledStart, findKey, valueOfEntry, valueOfItem, type Block, type Value } from './blockEntries';

// Ranges read from the lines of plain block YAML, without building nodes: where a document's
// top-level node starts and ends, and where a scalar at a path lies. This answers the questions the
// fast tier must answer for every object (its range and `metadata.name`) at the cost of a few line
// scans. It only handles the plain cases (block mappings and sequences, one-line plain or quoted
// scalars, plain keys) and returns undefined as soon as anything else shows up (flow collections,
// block scalars, multi-line scalars, tabs, quoted keys, a key that is not a string): callers then
// ask yaml v2, whose answer is the reference. The differential tests hold both to the same results.

/** `[start, end)` offsets into the chunk the function was given. */
export type Span = [number, number];

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
