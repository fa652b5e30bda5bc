// Strings from js-yaml, made fit to keep. js-yaml returns slices of its own flattened copy of each
// document's text (`input += '\0'` copies it), so one kept value keeps that whole copy alive, and
// it allocates every occurrence of a repeated value (a label, a port name, an image) anew. After a
// document is read, its strings are replaced by private copies shared within the file: at 10,000
// objects the bodies then take about as much heap as JSON.parse's (bench/graphBench.ts).

/** V8 makes slices (that keep their parent) of strings this long or longer; shorter ones are copies. */
const SLICE_MIN_LENGTH = 13;

let strings = new Map<string, string>();
let stringsOwner: unknown;

/**
 * Replaces the strings in `value` (in place) by shared copies. `owner` is the file's text: the table
 * of shared strings lives while one file is read, and is dropped when another file starts.
 */
export function shareStrings<T>(value: T, owner: unknown): T {
  if (owner !== stringsOwner) {
    strings = new Map();
    stringsOwner = owner;
  }
  return share(value) as T;
}

function share(value: unknown): unknown {
  if (typeof value === 'string') return keep(value);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = share(value[i]);
  } else {
    const record = value as Record<string, unknown>;
    for (const key in record) record[key] = share(record[key]);
  }
  return value;
}

function keep(value: string): string {
  let kept = strings.get(value);
  if (kept === undefined) {
    // Concatenating and reading back makes V8 flatten the string into memory of its own.
    kept = value.length < SLICE_MIN_LENGTH ? value : (value + ' ').slice(0, -1);
    strings.set(kept, kept);
  }
  return kept;
}
