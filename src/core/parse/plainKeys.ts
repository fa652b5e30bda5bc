import { resolvePlainScalar } from './fastYamlSchema';

// Plain keys for blockYamlReader.ts, as js-yaml makes them: the scalar resolved (YAML_V2_CORE_SCHEMA),
// then turned into a string (`1` and `0x1`, `true`, `~` are keys "1", "1", "true", "null").
//
// Keys seen before are remembered by a hash of their length and first and last characters, and
// compared with the text rather than sliced from it again: a new string used as a property name
// must be hashed and looked up in V8's table of internalized strings, and reusing the key seen
// before made the whole reader about 8% faster (most keys of a manifest repeat: name, labels, ...).

const KEY_SLOTS = 4096;
const knownKeys: string[] = new Array<string>(KEY_SLOTS).fill('');

/** The plain key `text.slice(at, keyEnd)`, already scanned (no `: `, ` #`, tab or unusual character). */
export function plainKey(text: string, at: number, keyEnd: number): string {
  const length = keyEnd - at;
  const slot = (length * 31 + text.charCodeAt(at) * 7 + text.charCodeAt(keyEnd - 1)) & (KEY_SLOTS - 1);
  const known = knownKeys[slot]!;
  if (known.length === length && isAt(text, known, at)) return known;
  const raw = text.slice(at, keyEnd);
  const resolved = resolvePlainScalar(raw);
  // Only keys that are their own text are remembered (`~` and `0x1F` are keys "null" and "31").
  // Long slices are copied first: a slice would keep the whole file text alive.
  if (resolved === raw) knownKeys[slot] = raw.length < 13 ? raw : (raw + ' ').slice(0, -1);
  return String(resolved);
}

/** Whether `text` holds `part` at `at` (a loop: String.prototype.startsWith made the reader 15% slower). */
function isAt(text: string, part: string, at: number): boolean {
  for (let i = 0; i < part.length; i++) if (text.charCodeAt(at + i) !== part.charCodeAt(i)) return false;
  return true;
}
