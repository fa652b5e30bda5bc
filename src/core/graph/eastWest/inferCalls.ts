import type { Workload } from '../../model/workspaceModel';
import type { Evidence, GraphEdge } from '../graph';
import type { GraphContext } from '../graphContext';
import { bareHost, findAddressCandidates, type AddressCandidate } from './addressCandidates';
import { containerSources, type ContainerSource } from './containerSources';
import { portForCall } from './portForCall';
import { resolveHost } from './resolveHost';

/** A value that looks like a cluster address but names no Service: reported, never guessed. */
export interface UnresolvedCall {
  /** The calling workload's id. */
  readonly from: string;
  /** The address as written (host and port). */
  readonly address: string;
  readonly reason: string;
  readonly source: string;
  readonly evidence: readonly Evidence[];
}

/** Variables whose whole value is a host name even without a port or scheme (`DB_HOST=postgres`). */
const HOST_VARIABLE =
  /(?:^|_)(?:HOST|HOSTNAME|HOST_NAME|ADDR|ADDRESS|SERVER|SERVERS|ENDPOINT|SERVICE_HOST|BROKER|BROKERS)$/i;
/** `X_HOST` + `X_PORT`: the port of a host given alone. */
const HOST_PREFIX = /^(.*?)(?:_SERVICE)?_(?:HOST|HOSTNAME|HOST_NAME|ADDR|ADDRESS|SERVER)$/i;

/**
 * East-west `calls` edges: for every container and init container of every workload, each value
 * it reads (env, args, command, mounted ConfigMaps) is scanned for addresses, which are resolved
 * like cluster DNS does for that pod. Calls to the workload's own Service are not edges. One edge
 * per caller, Service and port, carrying every piece of evidence.
 */
export function inferCalls(context: GraphContext): { edges: GraphEdge[]; unresolved: UnresolvedCall[] } {
  const edges = new Map<string, { edge: GraphEdge; evidence: Evidence[] }>();
  const unresolved: UnresolvedCall[] = [];
  for (const workload of context.model.workloads) {
    for (const container of workload.template.containers) {
      const sources = containerSources(context, workload, container);
      for (const source of sources) {
        for (const candidate of candidatesOf(source)) {
          const call = resolveCall(context, workload, sources, source, candidate);
          if (call === undefined) continue;
          if ('reason' in call) {
            unresolved.push(call);
            continue;
          }
          const key = `${call.edge.from}|${call.edge.to}|${call.edge.port ?? ''}`;
          const existing = edges.get(key);
          if (existing) existing.evidence.push(...call.evidence);
          else edges.set(key, { edge: call.edge, evidence: [...call.evidence] });
        }
      }
    }
  }
  return {
    edges: [...edges.values()].map(({ edge, evidence }) => ({ ...edge, evidence: dedupe(evidence) })),
    unresolved: dedupeUnresolved(unresolved),
  };
}

function candidatesOf(source: ContainerSource): AddressCandidate[] {
  const found = findAddressCandidates(source.value);
  if (source.kind === 'env' && HOST_VARIABLE.test(source.name) && found.length === 0) {
    const bare = bareHost(source.value);
    if (bare) found.push(bare);
  }
  // In mounted config files, `word:1234` is as likely a YAML key or a time as an address.
  return source.kind === 'file'
    ? found.filter((candidate) => candidate.form !== 'host-port' || candidate.host.includes('.'))
    : found;
}

function resolveCall(
  context: GraphContext,
  workload: Workload,
  sources: readonly ContainerSource[],
  source: ContainerSource,
  candidate: AddressCandidate,
): { edge: GraphEdge; evidence: readonly Evidence[] } | UnresolvedCall | undefined {
  const from = workload.object.id;
  const namespace = workload.object.namespace ?? '';
  const written = source.value.slice(candidate.start, candidate.end);
  const resolution = resolveHost(context, candidate.host, candidate.form, namespace);
  if (resolution.kind === 'ignored') return undefined;
  if (resolution.kind === 'unresolved') {
    return {
      from,
      address: written,
      reason: resolution.reason,
      source: source.name,
      evidence: source.evidence,
    };
  }
  const service = resolution.service;
  if (context.selected(service).some((selection) => selection.workload === workload)) return undefined;
  const split = candidate.port === undefined ? splitPort(source, sources) : undefined;
  const { port, servicePort } = portForCall(
    context,
    service,
    candidate.port ?? split?.port,
    candidate.scheme,
  );
  const edge: GraphEdge = {
    from,
    to: service.id,
    type: 'calls',
    traffic: 'east-west',
    ...(port === undefined ? {} : { port }),
    ...(servicePort === undefined ? {} : { targetPort: context.targetPort(service, servicePort) }),
  };
  return { edge, evidence: [...source.evidence, ...(split?.evidence ?? [])] };
}

/** `FOO_HOST=cart` with `FOO_PORT=7070` in the same container: the port and its evidence. */
function splitPort(
  source: ContainerSource,
  sources: readonly ContainerSource[],
): { port: number; evidence: readonly Evidence[] } | undefined {
  if (source.kind !== 'env') return undefined;
  const prefix = HOST_PREFIX.exec(source.name)?.[1];
  if (prefix === undefined) return undefined;
  const names = [`${prefix}_PORT`, `${prefix}_SERVICE_PORT`];
  for (const candidate of sources) {
    if (
      candidate.kind !== 'env' ||
      !names.some((name) => name.toLowerCase() === candidate.name.toLowerCase())
    )
      continue;
    const port = Number(candidate.value.trim());
    if (Number.isInteger(port) && port >= 1 && port <= 65535)
      return { port, evidence: candidate.evidence.slice(0, 1) };
  }
  return undefined;
}

/** By identity: the same written value is one Evidence object, and reading a range may cost a parse. */
function dedupe(evidence: readonly Evidence[]): Evidence[] {
  return [...new Set(evidence)];
}

function dedupeUnresolved(calls: readonly UnresolvedCall[]): UnresolvedCall[] {
  const seen = new Set<string>();
  return calls.filter((call) => {
    const key = `${call.from}|${call.address}|${call.source}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
