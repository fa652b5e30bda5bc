import type { K8sObject } from '../../model/k8sObject';
import type { Workload } from '../../model/workspaceModel';
import { ObjectEvidence } from '../evidence';
import type { Evidence, GraphEdge } from '../graph';
import type { GraphContext, Memo } from '../graphContext';
import { bareHost, findAddressCandidates, type AddressCandidate } from './addressCandidates';
import { containerSources, type ContainerSource } from './containerSources';
import { portForCall } from './portForCall';
import { resolveHost } from './resolveHost';
import { splitPorts } from './splitPorts';
import { memoList, projectResults, type ListResults } from '../listMemo';
import { mergeCalls, type CallFound } from './mergeCalls';

/** A value that looks like a cluster address but names no Service: reported, never guessed. */
export interface UnresolvedCall {
  /** The calling workload's id. */
  readonly from: string;
  /** The address as written (host and port). */
  readonly address: string;
  readonly reason: string;
  /** The Service name when the address is a short name (looked up in the caller's namespace only). */
  readonly shortName?: string;
  readonly source: string;
  readonly evidence: readonly Evidence[];
}

/** Variables whose whole value is a host name even without a port or scheme (`DB_HOST=postgres`). */
const HOST_VARIABLE =
  /(?:^|_)(?:HOST|HOSTNAME|HOST_NAME|ADDR|ADDRESS|SERVER|SERVERS|ENDPOINT|SERVICE_HOST|BROKER|BROKERS)$/i;

/**
 * East-west `calls` edges: for every container and init container of every workload, each value
 * it reads (env, args, command, mounted ConfigMaps) is scanned for addresses, which are resolved
 * like cluster DNS does for that pod. Calls to the workload's own Service are not edges. One edge
 * per caller, Service and port, carrying every piece of evidence; a call whose port is unknown is
 * folded into the caller's edges to the same Service that do know it.
 */
export function inferCalls(context: GraphContext, previous?: InferredCalls): InferredCalls {
  const workloads = context.model.workloads;
  // By object, so that the positions are the model's list of workload objects.
  const perWorkload = memoList(
    context,
    callCache,
    context.model.workloadObjects,
    previous?.perWorkload,
    (_object, position) => resolveWorkload(context, workloads[position]!),
  );
  return {
    unresolvedBefore: previous?.unresolved,
    edges: projectResults(perWorkload, previous?.edges, (calls) =>
      calls.edges.length > 0 ? calls.edges : NO_EDGES,
    ),
    unresolved: projectResults(perWorkload, previous?.unresolved, (calls) =>
      calls.unresolved.length > 0 ? calls.unresolved : NO_UNRESOLVED,
    ),
    perWorkload,
  };
}

const NO_EDGES: readonly GraphEdge[] = [];
const NO_UNRESOLVED: readonly UnresolvedCall[] = [];

export interface WorkloadCalls {
  readonly edges: GraphEdge[];
  readonly unresolved: UnresolvedCall[];
}

/**
 * Each workload's calls at its position in the model's list of workloads, as parallel lists
 * (one shared empty list where there are none). A position holds the same array as in the
 * previous analysis while that workload's calls were reused: verdicts are reused per array (see
 * listVerdicts.ts), and the lists are patched, not rebuilt, after an edit.
 */
export interface InferredCalls {
  readonly edges: readonly (readonly GraphEdge[])[];
  /** Values that look like cluster addresses but name no Service, per caller. */
  readonly unresolved: readonly (readonly UnresolvedCall[])[];
  /**
   * `unresolved` of the previous analysis (what this one was patched from), for what is kept per
   * position of it (call-unresolved findings); never an older one, so analyses do not chain.
   */
  readonly unresolvedBefore: readonly (readonly UnresolvedCall[])[] | undefined;
  /** The calls with what each consulted, for the next analysis after an edit (see memoList). */
  readonly perWorkload: ListResults<WorkloadCalls>;
}

/**
 * One workload's calls, reused from an earlier analysis while the workload object and every
 * answer its resolution depended on (Services looked up, their selections, namespaces) are the
 * same: editing one file re-resolves only the callers it can affect.
 */
const callCache = new WeakMap<object, Memo<WorkloadCalls>>();

function resolveWorkload(context: GraphContext, workload: Workload): WorkloadCalls {
  const found: CallFound[] = [];
  const unresolved: UnresolvedCall[] = [];
  for (const sources of sourcesOf(context, workload)) {
    for (const source of sources) {
      for (const candidate of candidatesOf(source))
        resolveCalls(context, workload, sources, source, candidate, found, unresolved);
    }
  }
  return { edges: mergeCalls(workload.object.id, found), unresolved: dedupeUnresolved(unresolved) };
}

/** What a workload's containers read, per container (re-read only when the workload is re-resolved). */
function sourcesOf(context: GraphContext, workload: Workload): readonly (readonly ContainerSource[])[] {
  const namespace = workload.object.namespace ?? '';
  const lookup = (name: string) => context.configMap(namespace, name);
  return workload.template.containers.map((container) => containerSources(lookup, workload, container));
}

function candidatesOf(source: ContainerSource): readonly AddressCandidate[] {
  const found = findAddressCandidates(source.value);
  if (source.kind === 'env' && found.length === 0 && HOST_VARIABLE.test(source.name)) {
    const bare = bareHost(source.value);
    if (bare) return [bare];
  }
  return found;
}

/** Adds what `candidate` resolves to: calls to `found`, an address naming no Service to `unresolved`. */
function resolveCalls(
  context: GraphContext,
  workload: Workload,
  sources: readonly ContainerSource[],
  source: ContainerSource,
  candidate: AddressCandidate,
  found: CallFound[],
  unresolved: UnresolvedCall[],
): void {
  const resolution = resolveHost(context, candidate.host, candidate.form, workload.object.namespace ?? '');
  if (resolution.kind === 'ignored') return;
  // In a mounted config file, `word:1234` that names no Service is as likely a key or a label as
  // an address: it makes an edge when it resolves, but is not reported when it does not.
  if (
    resolution.kind === 'unresolved' &&
    source.kind === 'file' &&
    candidate.form === 'host-port' &&
    !candidate.host.includes('.')
  )
    return;
  if (resolution.kind === 'service' && selects(context, resolution.service, workload)) return;
  const written = source.value.slice(candidate.start, candidate.end);
  // Evidence is made only now: most candidates (outside domains, plain words) never get here.
  const evidence = source.kind === 'file' ? fileEvidence(source, written) : source.evidence;
  if (resolution.kind === 'unresolved') {
    const { reason, shortName } = resolution;
    const from = workload.object.id;
    // Two literals rather than a spread of a temporary object: the key order JSON output shows.
    unresolved.push(
      shortName === undefined
        ? { from, address: written, reason, source: source.name, evidence }
        : { from, address: written, reason, shortName, source: source.name, evidence },
    );
    return;
  }
  const service = resolution.service;
  const split = candidate.port === undefined ? splitPorts(source, sources) : NO_PORTS;
  if (split.length === 0) {
    found.push(callFound(context, service, candidate.port, candidate.scheme, evidence));
    return;
  }
  for (const choice of split)
    found.push(callFound(context, service, choice.port, candidate.scheme, [...evidence, ...choice.evidence]));
}

function callFound(
  context: GraphContext,
  service: K8sObject,
  explicit: number | undefined,
  scheme: string | undefined,
  evidence: readonly Evidence[],
): CallFound {
  const { port, servicePort } = portForCall(context, service, explicit, scheme);
  return {
    to: service.id,
    port,
    targetPort: servicePort === undefined ? undefined : context.targetPort(service, servicePort),
    evidence,
  };
}

const NO_PORTS: readonly { port: number; evidence: readonly Evidence[] }[] = [];

/** Whether `service` selects the caller itself (a call to its own Service is not an edge). */
function selects(context: GraphContext, service: K8sObject, workload: Workload): boolean {
  for (const selection of context.selected(service))
    if (selection.workload.object === workload.object) return true;
  return false;
}

/** A mounted file is long: say which address in it implies the call. */
function fileEvidence(source: ContainerSource, written: string): Evidence[] {
  const [first, ...rest] = source.evidence;
  if (!(first instanceof ObjectEvidence)) return [...source.evidence];
  return [first.withText(`${source.name}: ${written}`), ...rest];
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
