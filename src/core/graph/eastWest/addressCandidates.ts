// Finds text that may name a network address: URLs, host:port pairs and cluster DNS names, with
// their offsets. Whether a candidate really is a call is decided later, against the Services of
// the workspace (resolveHost.ts); this file only reads text.

/** How strongly the text itself says "this is an address", before any Service is looked up. */
export type AddressForm =
  /** `scheme://host[:port]` */
  | 'url'
  /** `host:port` without a scheme */
  | 'host-port'
  /** A dotted name without port or scheme, like `zipkin.jaeger.svc.cluster.local` or `cart.shop` */
  | 'dotted'
  /** A single word in a position that names a host (`DB_HOST=postgres`, `Server=mysql`) */
  | 'bare';

export interface AddressCandidate {
  /** Offsets of the host (and port) inside the scanned text. */
  readonly start: number;
  readonly end: number;
  /** Lower case, without a trailing dot. */
  readonly host: string;
  readonly port?: number;
  readonly scheme?: string;
  readonly form: AddressForm;
}

const HOST = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\\.?';
/** `scheme://[user@]host[:port][,host[:port]]...` (the list form is MongoDB's). */
const URL_PATTERN = new RegExp(
  `\\b([a-z][a-z0-9+.-]*)://(?:[^\\s/@'"]*@)?(${HOST}(?::\\d{1,5})?(?:,${HOST}(?::\\d{1,5})?)*)`,
  'gi',
);
/** `host:port` where the host is not preceded by something that makes it part of a longer token. */
const HOST_PORT_PATTERN = new RegExp(
  `(?<![\\w.\\-/:@$])((?:[a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)*|\\d{1,3}(?:\\.\\d{1,3}){3})\\.?):(\\d{1,5})(?![\\w.:])`,
  'gi',
);
/** Dotted names (two or more labels), the only bare form the text alone can make look like an address. */
const DOTTED_PATTERN = new RegExp(
  `(?<![\\w.\\-/:@$])([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\\.?(?![\\w\\-]|\\.\\w|:\\d)`,
  'gi',
);
/** `key=value` connection strings (`Host=x;Port=y`, `Server=x,1433`). */
const CONNECTION_KEY_PATTERN =
  /(?:^|[;\s])(host|hostname|server|address|addr|data source)\s*=\s*([a-z0-9][a-z0-9.-]*)(?:[,:](\d{1,5}))?/gi;
const MAY_HOLD_ADDRESS = /[.:=]/;
const CONNECTION_PORT_PATTERN = /(?:^|[;\s])port\s*=\s*(\d{1,5})/i;

/**
 * Every address-like span of `text`, earliest first, without overlaps (a URL's host is not
 * reported again as a host:port pair). Not cached: a cache by text held 20 MB at 50,000 objects
 * and saved nothing measurable once the scan skipped patterns that cannot add a find; re-analyses
 * after an edit reuse whole callers (inferCalls.ts).
 */
export function findAddressCandidates(text: string): readonly AddressCandidate[] {
  // Every form below needs a '.', ':' or '='; most values (flags, numbers, words) have none.
  if (!MAY_HOLD_ADDRESS.test(text)) return NONE;
  return scan(text);
}

const NONE: readonly AddressCandidate[] = [];

function scan(text: string): AddressCandidate[] {
  const found: AddressCandidate[] = [];
  if (text.includes('://')) {
    for (let match = first(URL_PATTERN, text); match; match = URL_PATTERN.exec(text)) {
      const scheme = (match[1] ?? '').toLowerCase();
      const list = match[2] ?? '';
      let offset = match.index + match[0].length - list.length;
      for (const part of list.split(',')) {
        const [host = '', port] = splitPort(part);
        add(found, {
          start: offset,
          end: offset + part.length,
          host: normalise(host),
          scheme,
          form: 'url',
          ...portOf(port),
        });
        offset += part.length + 1;
      }
    }
  }
  if (text.includes('=')) {
    for (let match = first(CONNECTION_KEY_PATTERN, text); match; match = CONNECTION_KEY_PATTERN.exec(text)) {
      const host = match[2] ?? '';
      const start = match.index + match[0].length - host.length - (match[3] ? match[3].length + 1 : 0);
      const port = match[3] ?? CONNECTION_PORT_PATTERN.exec(text)?.[1];
      add(found, {
        start,
        end: start + host.length,
        host: normalise(host),
        form: host.includes('.') ? 'dotted' : 'bare',
        ...portOf(port),
      });
    }
  }
  // A host:port match holds a ':' before a digit, and a dotted match holds a '.': when every such
  // character lies inside an earlier find, whatever the pattern matched would overlap it and be
  // dropped by `add`, so the (costly, look-behind) pattern is not run at all.
  if (uncovered(text, found, isPortColon)) {
    for (let match = first(HOST_PORT_PATTERN, text); match; match = HOST_PORT_PATTERN.exec(text)) {
      const start = match.index;
      add(found, {
        start,
        end: start + match[0].length,
        host: normalise(match[1] ?? ''),
        form: 'host-port',
        ...portOf(match[2]),
      });
    }
  }
  if (uncovered(text, found, isDot)) {
    for (let match = first(DOTTED_PATTERN, text); match; match = DOTTED_PATTERN.exec(text)) {
      const start = match.index;
      add(found, {
        start,
        end: start + (match[1] ?? '').length,
        host: normalise(match[1] ?? ''),
        form: 'dotted',
      });
    }
  }
  return found.length < 2 ? found : found.sort((a, b) => a.start - b.start);
}

/**
 * The first match of a global pattern, from the start of `text`; `pattern.exec(text)` gives the
 * next ones. (`matchAll` would copy the pattern on every call, for every value of every container.)
 */
function first(pattern: RegExp, text: string): RegExpExecArray | null {
  pattern.lastIndex = 0;
  return pattern.exec(text);
}

const COLON = 58;
const DOT = 46;

function isPortColon(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== COLON) return false;
  const next = text.charCodeAt(at + 1);
  return next >= 48 && next <= 57;
}

function isDot(text: string, at: number): boolean {
  return text.charCodeAt(at) === DOT;
}

/** Whether some character that `is` picks lies outside every candidate found so far. */
function uncovered(
  text: string,
  found: readonly AddressCandidate[],
  is: (text: string, at: number) => boolean,
): boolean {
  for (let at = 0; at < text.length; at++) {
    if (!is(text, at)) continue;
    let inside = false;
    for (const candidate of found) {
      if (at >= candidate.start && at < candidate.end) {
        inside = true;
        break;
      }
    }
    if (!inside) return true;
  }
  return false;
}

/** Adds a candidate unless it overlaps one found by an earlier (stronger) form. */
function add(found: AddressCandidate[], candidate: AddressCandidate): void {
  for (const other of found) if (candidate.start < other.end && candidate.end > other.start) return;
  found.push(candidate);
}

/** A whole value that is a single host name (`postgres`, `cart.shop`), for host-ish variables. */
export function bareHost(value: string): AddressCandidate | undefined {
  const trimmed = value.trim();
  if (!/^[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*\.?$/i.test(trimmed)) return undefined;
  const start = value.indexOf(trimmed);
  return {
    start,
    end: start + trimmed.length,
    host: normalise(trimmed),
    form: trimmed.includes('.') ? 'dotted' : 'bare',
  };
}

function splitPort(part: string): [string, string | undefined] {
  const colon = part.lastIndexOf(':');
  return colon === -1 ? [part, undefined] : [part.slice(0, colon), part.slice(colon + 1)];
}

function portOf(port: string | undefined): { port?: number } {
  if (port === undefined || port === '') return {};
  const number = Number(port);
  return number >= 1 && number <= 65535 ? { port: number } : {};
}

function normalise(host: string): string {
  return host.toLowerCase().replace(/\.$/, '');
}
