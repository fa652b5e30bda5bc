// Which documents the fast tier hands to yaml v2 before js-yaml sees them: the cases where the two
// parsers could read the same text differently, or where the lines alone cannot give yaml v2's
// ranges. One pass over the text (a regular expression per case cost about 0.25 s per 15 MB, about
// as much as the parse itself; this costs about 0.05 s). The checks are deliberately broad (a `*` in a quoted cron schedule
// is skipped, but `a : b` or a `[` left open at the end of a line is not): a false alarm only costs
// a yaml v2 parse of that one document. The pass looks at each line on its own (only an empty
// sequence item looks further down), so the block YAML reader, which looks at every character of
// the documents it reads, runs it only on block scalars and checks the rest of its lines itself:
// needsExactTier then runs only on the documents the reader bails on or marks (blockYamlReader.ts).
//
// - directives (`%YAML 1.1` switches yaml v2 to another schema), `...` document ends and content on
//   the `---` line;
// - aliases, anchors and tags: yaml v2 counts alias expansions (maxAliasCount guards against alias
//   bombs) where js-yaml has no limit, and the two resolve tags differently, so js-yaml never sees
//   an alias;
// - explicit `? ` keys and flow collections as keys (`[a]: b`, `{[a]}`, `{a, {b}}`: yaml v2
//   stringifies those keys its own way);
// - empty and null keys (`: x`, `~: x`, `null: x`, `{null}`, and in flow collections `[:]`, `{a, :}`,
//   `[~: 1]`): yaml v2 makes them `""`, js-yaml `"null"`; a space before a colon is treated the same
//   way, to stay on the safe side;
// - a lone `\r` (a line break for js-yaml, not for yaml v2), also in quoted scalars and comments;
// - quoted scalars and flow collections left open at the end of a line: yaml v2 rejects their
//   continuation lines when they are not indented enough, js-yaml accepts them;
// - a `#` right after a quoted scalar or a flow collection (`"a"#c`): a comment for js-yaml, an
//   error for yaml v2;
// - an empty block sequence item (a `-` ending its line) whose next content line is a `-` item
//   further left: js-yaml takes it as an item of the same sequence (`- -\n- a` is [[null, 'a']]),
//   yaml v2 as an item of the outer one ([[null], 'a']) or an error.

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;

function isBreakOrEnd(code: number): boolean {
  return Number.isNaN(code) || code === SPACE || code === TAB || code === LF || code === CR;
}

/** Characters after which a node (and so an alias, anchor, tag or quoted scalar) may start. */
function isNodeBoundary(code: number): boolean {
  return (
    Number.isNaN(code) ||
    code === SPACE ||
    code === TAB ||
    code === LF ||
    code === CR ||
    code === 91 /* [ */ ||
    code === 123 /* { */ ||
    code === 44 /* , */ ||
    code === 58 /* : */
  );
}

/** Whether the word before `end` is a null scalar (`~`, `null`, `Null`, `NULL`) standing alone. */
export function endsWithNullKey(text: string, end: number): boolean {
  const word = text.slice(end - 4, end);
  let start: number;
  if (text.charCodeAt(end - 1) === 126 /* ~ */) start = end - 1;
  else if (word === 'null' || word === 'Null' || word === 'NULL') start = end - 4;
  else return false;
  const before = text.charCodeAt(start - 1);
  return (
    start === 0 ||
    before === SPACE ||
    before === TAB ||
    before === LF ||
    before === 91 /* [ */ ||
    before === 123 /* { */ ||
    before === 44 /* , */
  );
}

/**
 * Where to look: a colon that ends a key (followed by a space, the line end or, in a flow
 * collection, a flow indicator) after a space, a flow indicator, `~` or `l`/`L` (the end of
 * `null`), then the characters that can start something unusual, a `-` ending its line (before
 * spaces and a comment), then line-start markers. A regular expression finds these about five
 * times faster than a loop over every character.
 */
const CANDIDATE = /[\s{[,?\-\]}~lL]:(?=[ \t\r\n,[\]{}]|$)|[#*&!?"'[{\r%]|-(?=[ \t]*$|[ \t]+#)|^\.\.\.|^---/gm;

const FLOW_NULL_KEY = /(?:^|[\s{,])(?:~|null|Null|NULL)[ \t]*(?:[,}]|$)/;

/** Whether `text.slice(start, end)` (one document chunk, from splitDocuments) must be read by the exact tier. */
export function needsExactTier(text: string, start = 0, end = text.length): boolean {
  if (text.charCodeAt(start) === 58 /* : */) return true;
  return linesNeedExactTier(text, start, end, end);
}

/**
 * Whether the whole lines `text.slice(from, to)` of the document ending at `end` hold anything
 * that sends the document to the exact tier: needsExactTier over some of its lines.
 */
export function linesNeedExactTier(text: string, from: number, to: number, end: number): boolean {
  CANDIDATE.lastIndex = from;
  for (;;) {
    const match = CANDIDATE.exec(text);
    if (!match || match.index >= to) return false;
    const i = match.index;
    const token = match[0];
    if (token.length === 3) {
      // `...` or `---` at a line start.
      if (!isBreakOrEnd(text.charCodeAt(i + 3))) continue;
      if (token === '...') return true;
      let j = i + 3;
      while (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB) j++;
      const next = text.charCodeAt(j);
      if (!Number.isNaN(next) && next !== LF && next !== CR && next !== 35 /* # */) return true;
      continue;
    }
    if (token.length === 2) {
      // `X:` ending a key: empty, null, after a space, or after a flow collection.
      const before = token.charCodeAt(0);
      if (before !== 126 /* ~ */ && before !== 108 /* l */ && before !== 76 /* L */) return true;
      if (endsWithNullKey(text, i + 1)) return true;
      continue;
    }
    const code = token.charCodeAt(0);
    const previous = i === 0 ? NaN : text.charCodeAt(i - 1);
    switch (code) {
      case CR:
        if (text.charCodeAt(i + 1) !== LF) return true;
        break;
      case 37: // % opens a directive at a line start.
        if (Number.isNaN(previous) || previous === LF) return true;
        break;
      case 35: {
        // # starts a comment after a space (or at a line start): skip it, but not a lone `\r` in it.
        if (isClosing(previous)) return true;
        if (!isBreakOrEnd(previous)) break;
        const lineEnd = commentEnd(text, i, to);
        if (lineEnd === -1) return true;
        if (lineEnd >= to) return false;
        CANDIDATE.lastIndex = lineEnd;
        break;
      }
      case 42: // *
      case 38: // &
      case 33: // !
        if (isNodeBoundary(previous)) return true;
        break;
      case 63: // ?
        if (
          (isBreakOrEnd(previous) ||
            previous === 91 ||
            previous === 123 ||
            previous === 44 ||
            previous === 45) &&
          isBreakOrEnd(text.charCodeAt(i + 1))
        )
          return true;
        break;
      case 45: // - ending its line: an empty item when it stands alone.
        if (isBreakOrEnd(previous) && shallowerItemFollows(text, i, end)) return true;
        break;
      case 34: // "
      case 39: {
        // ' — a quoted scalar must close on its own line; its content is skipped.
        if (!isNodeBoundary(previous)) break;
        const close = closingQuote(text, i, code);
        if (close === -1) return true;
        CANDIDATE.lastIndex = close + 1;
        break;
      }
      default:
        // [ or {
        if (isNodeBoundary(previous) && flowOpeningNeedsExactTier(text, i)) return true;
        break;
    }
  }
}

/** `"`, `'`, `]` or `}`: a `#` right after one is a comment for js-yaml, an error for yaml v2. */
export function isClosing(code: number): boolean {
  return code === 34 || code === 39 || code === 93 || code === 125;
}

/**
 * Whether the `[` or `{` at `open`, at a node start, sends the document to the exact tier: when it
 * does not close on its line (brackets matched, quoted scalars skipped as the pass skips them), when
 * a flow collection inside a flow mapping is a key (`{[a]}`, `{a, {b}}`), and for `{null}` or
 * `{a, ~}` (a null key without a colon).
 */
export function flowOpeningNeedsExactTier(text: string, open: number): boolean {
  let lineEnd = text.indexOf('\n', open);
  if (lineEnd === -1) lineEnd = text.length;
  // The open collections, innermost in bit 0: 1 for a mapping, 0 for a sequence.
  let mappings = 0;
  let depth = 0;
  let previous = NaN;
  let lastSignificant = NaN;
  for (let i = open; i < lineEnd; i++) {
    const code = text.charCodeAt(i);
    if (code === 91 /* [ */ || code === 123 /* { */) {
      if (depth > 0 && (mappings & 1) === 1 && (lastSignificant === 123 || lastSignificant === 44)) {
        return true;
      }
      if (++depth > 30) return true;
      mappings = (mappings << 1) | (code === 123 ? 1 : 0);
    } else if (code === 93 /* ] */ || code === 125 /* } */) {
      if ((mappings & 1) !== (code === 125 ? 1 : 0)) return true;
      mappings >>= 1;
      if (--depth === 0) {
        return text.charCodeAt(open) === 123 && FLOW_NULL_KEY.test(text.slice(open + 1, lineEnd));
      }
    } else if ((code === 34 || code === 39) && isNodeBoundary(previous)) {
      const close = closingQuote(text, i, code);
      if (close === -1) return true;
      i = close;
    } else if (code === 35 /* # */ && isBreakOrEnd(previous)) {
      return true;
    }
    previous = text.charCodeAt(i);
    if (previous !== SPACE && previous !== TAB) lastSignificant = previous;
  }
  return true;
}

/** The `\n` ending the comment at `hash` (`to` if none before it), or -1 for a lone `\r` in it. */
function commentEnd(text: string, hash: number, to: number): number {
  for (let i = hash + 1; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === LF) return i;
    if (code === CR && text.charCodeAt(i + 1) !== LF) return -1;
  }
  return to;
}

/**
 * The offset of the quote closing the scalar opened at `open`, or -1 when it does not close on
 * that line (a `\r` counts as a line end: alone, it is one for js-yaml).
 */
export function closingQuote(text: string, open: number, quote: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === LF || code === CR) return -1;
    if (quote === 34 && code === 92 /* \ */) {
      if (text.charCodeAt(i + 1) === LF || text.charCodeAt(i + 1) === CR) return -1;
      i++;
    } else if (code === quote) {
      if (quote === 39 && text.charCodeAt(i + 1) === 39) i++;
      else return i;
    }
  }
  return -1;
}

/**
 * Whether the next content line after the empty sequence item whose `-` is at `dash` (blank and
 * comment lines skipped, as js-yaml skips them) starts with a `-` item indicator left of that `-`.
 */
function shallowerItemFollows(text: string, dash: number, end: number): boolean {
  const column = dash - text.lastIndexOf('\n', dash - 1) - 1;
  let lineStart = text.indexOf('\n', dash) + 1;
  while (lineStart > 0 && lineStart < end) {
    let i = lineStart;
    while (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB) i++;
    const code = text.charCodeAt(i);
    if (i < end && code !== LF && code !== CR && code !== 35 /* # */) {
      return i - lineStart < column && code === 45 && (i + 1 >= end || isBreakOrEnd(text.charCodeAt(i + 1)));
    }
    lineStart = text.indexOf('\n', i) + 1;
  }
  return false;
}
