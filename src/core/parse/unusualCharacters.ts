// Characters the block YAML reader (blockYamlReader.ts) leaves to js-yaml. In scalars: those js-yaml
// rejects (control characters but tab, line feed and carriage return; in plain and block scalars
// also C1 controls and unpaired surrogates, here all surrogates) and those it reads unlike yaml v2
// (byte order marks, Unicode line separators). Anywhere: a NUL (js-yaml rejects it even in a comment)
// and a `\r` not followed by `\n` (a line break for js-yaml, even in a comment, not for yaml v2).
// Plain scalars are checked while they are scanned, which costs next to nothing; a regular
// expression over every document cost about 15 ms on the benchmark corpus.

/** Whether a character at or above U+007F is one the reader leaves to js-yaml. */
export function isUnusualAbove7F(code: number): boolean {
  return (
    code <= 0x9f ||
    (code >= 0xd800 && code <= 0xdfff) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0xfeff ||
    code >= 0xfffe
  );
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point.
const UNUSUAL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uD800-\uDFFF\u2028\u2029\uFEFF\uFFFE\uFFFF]/;

/** Whether `text` (a block scalar's lines) holds an unusual character. */
export function hasUnusualCharacter(text: string): boolean {
  return UNUSUAL.test(text);
}

const LONE_CR = /\r(?!\n)/;

// Whether the last file seen holds a `\r` or a NUL at all: most files have neither, and then their
// documents need no check of their own.
let checkedText: string | undefined;
let hasCr = false;
let hasNul = false;

/** Whether the document `source.slice(start, stop)` is free of NULs and of `\r` without `\n`. */
export function isLineBreakSimple(source: string, start: number, stop: number): boolean {
  if (source !== checkedText) {
    checkedText = source;
    hasCr = source.includes('\r');
    hasNul = source.includes('\0');
  }
  return !hasNul && !(hasCr && LONE_CR.test(source.slice(start, stop)));
}
