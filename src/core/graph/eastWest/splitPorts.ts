import type { Evidence } from '../graph';
import type { ContainerSource } from './containerSources';

/** `X_HOST`, `X_ADDR`, `X_SERVICE_HOST`, ...: a variable holding a host alone, and its prefix `X`. */
const HOST_PREFIX = /^(.*?)(?:_SERVICE)?_(?:HOST|HOSTNAME|HOST_NAME|ADDR|ADDRESS|SERVER)$/i;

/**
 * The ports that go with a host given alone, from sibling variables of the same container:
 * `X_PORT`, `X_SERVICE_PORT`, or one per protocol like `X_PORT_GRPC` and `X_PORT_HTTP`.
 */
export function splitPorts(
  source: ContainerSource,
  sources: readonly ContainerSource[],
): { port: number; evidence: readonly Evidence[] }[] {
  if (source.kind !== 'env') return [];
  const prefix = HOST_PREFIX.exec(source.name)?.[1];
  if (prefix === undefined || prefix === '') return [];
  // A loop, not flatMap: this runs for every port-less address, and most sources are no port.
  const ports: { port: number; evidence: readonly Evidence[] }[] = [];
  for (const candidate of sources) {
    if (candidate.kind !== 'env' || !isPortOf(candidate.name, prefix)) continue;
    const port = Number(candidate.value.trim());
    if (Number.isInteger(port) && port >= 1 && port <= 65535)
      ports.push({ port, evidence: candidate.evidence.slice(0, 1) });
  }
  return ports;
}

/** What follows `X_` in a port variable of `X` (matched in place, from `lastIndex`). */
const PORT_SUFFIX = /(?:SERVICE_)?PORT(?:_[A-Z0-9]+)?$/iy;

/**
 * `X_PORT`, `X_SERVICE_PORT`, `X_PORT_GRPC` for prefix `X`, ignoring case. Compared in place:
 * this runs for every sibling of every port-less host variable, and upper-cased copies of every
 * name were most of what it allocated.
 */
function isPortOf(name: string, prefix: string): boolean {
  if (name.length <= prefix.length + 1 || name.charCodeAt(prefix.length) !== UNDERSCORE) return false;
  if (name.slice(0, prefix.length).toUpperCase() !== prefix.toUpperCase()) return false;
  PORT_SUFFIX.lastIndex = prefix.length + 1;
  return PORT_SUFFIX.test(name);
}

const UNDERSCORE = 95;
