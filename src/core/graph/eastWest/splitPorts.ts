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
  const start = prefix.toUpperCase();
  // A loop, not flatMap: this runs for every port-less address, and most sources are no port.
  const ports: { port: number; evidence: readonly Evidence[] }[] = [];
  for (const candidate of sources) {
    if (candidate.kind !== 'env' || !isPortOf(candidate.name.toUpperCase(), start)) continue;
    const port = Number(candidate.value.trim());
    if (Number.isInteger(port) && port >= 1 && port <= 65535)
      ports.push({ port, evidence: candidate.evidence.slice(0, 1) });
  }
  return ports;
}

/** `X_PORT`, `X_SERVICE_PORT`, `X_PORT_GRPC` for prefix `X` (names compared in upper case). */
function isPortOf(name: string, prefix: string): boolean {
  if (!name.startsWith(`${prefix}_`)) return false;
  return /^(?:SERVICE_)?PORT(?:_[A-Z0-9]+)?$/.test(name.slice(prefix.length + 1));
}
