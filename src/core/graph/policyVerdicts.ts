import { withPolicy } from './edgeCopies';
import type { Protocol } from '../policy/connectionSet';
import { describeEndpoint, type Endpoint } from '../policy/endpoints';
import { ALL_IPV4 } from '../policy/ipRanges';
import type { DirectionVerdict, PolicyEngine } from '../policy/policyEngine';
import { UNEVALUATED_ID_KINDS, type UnevaluatedPolicies } from '../policy/unevaluatedPolicies';
import type { K8sObject } from '../model/k8sObject';
import { namespaceOfId } from '../model/kinds';
import type { EdgePolicy, GraphEdge } from './graph';
import type { GraphContext } from './graphContext';
import { listVerdicts, isBlocked, type ListVerdicts } from './listVerdicts';
import { flatten } from '../util/flatten';
import { sameItems } from '../util/sameItems';
import { NO_CACHE, type CachedVerdict, type VerdictCache } from './verdictCache';
export type { VerdictCache } from './verdictCache';

/** Edges that come per item of a list, with the positions an edit built again. */
export interface EdgeLists {
  readonly lists: readonly (readonly GraphEdge[])[];
  /** Positions of `lists` that may hold other arrays than in the previous analysis. */
  readonly recomputed: readonly number[] | 'all';
}

/**
 * The NetworkPolicy verdict on every `calls` edge and on the last hop of every north-south path
 * (the edge that enters a Service from outside or from the Ingress controller): whether the
 * traffic reaches the selected pods on their target port, and which policies decided.
 * The edges come per item: `northSouth` per entry point (exposed Services, Ingresses, the other
 * entry points together), `calls` per caller. An item's verdicts are reused whole after an edit
 * while its edges were reused and nothing changed in the namespaces they depend on
 * (listVerdicts.ts); the results are per item too, so the rules see what an edit left alone as
 * the same arrays.
 */
export function withPolicyVerdicts(
  northSouth: readonly EdgeLists[],
  calls: EdgeLists,
  context: GraphContext,
  engine: PolicyEngine,
  unevaluated: UnevaluatedPolicies,
  ingressController: Endpoint,
  previous: VerdictCache | undefined,
): {
  /** The north-south edges with their verdicts: per group given, per entry point. */
  northSouth: readonly (readonly (readonly GraphEdge[])[])[];
  /** The calls with their verdicts, per caller. */
  calls: readonly (readonly GraphEdge[])[];
  /** The blocked edges: per group (those of `northSouth`, then the calls), per item. */
  blocked: readonly (readonly (readonly GraphEdge[])[])[];
  cache: VerdictCache;
} {
  if (context.model.options.oneShot) {
    // Nothing is kept for a next analysis: no dependencies to note, no cache to fill.
    const annotate = (edge: GraphEdge) =>
      withVerdict(
        edge,
        context,
        engine,
        unevaluated,
        sourceOf(edge, context, ingressController),
        context.model.byId.get(edge.to),
      );
    const annotatedNorthSouth = flatten(northSouth.flatMap((group) => group.lists)).map(annotate);
    const annotatedCalls = flatten(calls.lists).map(annotate);
    const blocked = annotatedNorthSouth.filter(isBlocked).concat(annotatedCalls.filter(isBlocked));
    return {
      northSouth: [[annotatedNorthSouth]],
      calls: [annotatedCalls],
      blocked: [[blocked]],
      cache: NO_CACHE,
    };
  }
  const dirty = previous ? changedNamespaces(context) : 'all';
  const reusable = (spaces: readonly string[]) =>
    dirty !== 'all' && !spaces.some((space) => dirty.has(space));
  const annotate = (edge: GraphEdge, before: CachedVerdict | undefined): CachedVerdict => {
    if (before && reusable(before.spaces)) return before;
    const fresh = annotated(edge, context, engine, unevaluated, ingressController);
    // The same verdict again keeps the edge object: findings and lists kept per edge stay valid.
    return before && samePolicy(before.edge.policy, fresh.edge.policy)
      ? { edge: before.edge, spaces: fresh.spaces }
      : fresh;
  };
  const verdictsOf = (group: EdgeLists, before: ListVerdicts | undefined) =>
    listVerdicts(group.lists, group.recomputed, dirty, annotate, before);
  const northSouthVerdicts = northSouth.map((group, index) => verdictsOf(group, previous?.northSouth[index]));
  const callVerdicts = verdictsOf(calls, previous?.calls);
  return {
    northSouth: northSouthVerdicts.map((verdicts) => verdicts.annotated),
    calls: callVerdicts.annotated,
    blocked: [...northSouthVerdicts, callVerdicts].map((verdicts) => verdicts.blocked),
    cache: { northSouth: northSouthVerdicts, calls: callVerdicts },
  };
}

function samePolicy(a: EdgePolicy | undefined, b: EdgePolicy | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    a.allowed === b.allowed &&
    a.from === b.from &&
    a.reason === b.reason &&
    sameItems(a.by, b.by) &&
    sameItems(a.notEvaluated ?? [], b.notEvaluated ?? []) &&
    (a.notEvaluated === undefined) === (b.notEvaluated === undefined)
  );
}

/** One edge with its verdict and the namespaces that verdict depends on. */
function annotated(
  edge: GraphEdge,
  context: GraphContext,
  engine: PolicyEngine,
  unevaluated: UnevaluatedPolicies,
  ingressController: Endpoint,
): CachedVerdict {
  const source = sourceOf(edge, context, ingressController);
  const service = context.model.byId.get(edge.to);
  // The Service's namespace (read from the id when it does not exist: adding it marks that
  // namespace), and the sender's.
  const spaces = [service ? (service.namespace ?? '') : namespaceOfId(edge.to)];
  if (source?.kind === 'workload') spaces.push(source.workload.object.namespace ?? '');
  if (source?.kind === 'ingress-controller' && source.controller.known)
    spaces.push(source.controller.namespace);
  return { edge: withVerdict(edge, context, engine, unevaluated, source, service), spaces };
}

/** The edge with its verdict, or as built for edges that carry none. */
function withVerdict(
  edge: GraphEdge,
  context: GraphContext,
  engine: PolicyEngine,
  unevaluated: UnevaluatedPolicies,
  source: Endpoint | undefined,
  service: K8sObject | undefined,
): GraphEdge {
  if (!source || !service || service.kind !== 'Service') return edge;
  return withPolicy(edge, verdict(context, engine, unevaluated, source, service, edge.port));
}

/**
 * The namespaces where something a verdict reads changed since the previous analysis (a
 * workload's pod labels or ports, the content of a Service or a NetworkPolicy), or 'all' when no verdict can be reused
 * (first analysis, namespaces or policies of other kinds changed).
 */
function changedNamespaces(context: GraphContext): ReadonlySet<string> | 'all' {
  const changes = context.model.changes;
  if (!changes || changes.namespaces) return 'all';
  const namespaces = new Set(changes.relabeledNamespaces);
  for (const id of changes.contentIds) {
    const kind = id.slice(0, id.indexOf('/'));
    if (UNEVALUATED_ID_KINDS.has(kind)) return 'all';
    if (kind === 'NetworkPolicy' || kind === 'Service') namespaces.add(namespaceOfId(id));
  }
  return namespaces;
}

/** Who sends the traffic of an edge into a Service; undefined for edges that carry no verdict. */
function sourceOf(edge: GraphEdge, context: GraphContext, ingressController: Endpoint): Endpoint | undefined {
  if (edge.type === 'calls') {
    const caller = context.model.workloadsById.get(edge.from);
    return caller ? { kind: 'workload', workload: caller } : undefined;
  }
  if (edge.type === 'exposes') return { kind: 'external', range: ALL_IPV4 };
  if (edge.type === 'routes') return ingressController;
  return undefined;
}

function verdict(
  context: GraphContext,
  engine: PolicyEngine,
  unevaluated: UnevaluatedPolicies,
  source: Endpoint,
  service: K8sObject,
  port: number | undefined,
): EdgePolicy {
  const ports = context.spec(service).ports;
  const servicePorts = port === undefined ? ports : ports.filter((candidate) => candidate.port === port);
  const selected = context.selected(service);
  // Lists without repeats rather than Sets, made only when something goes in: one verdict per
  // edge, and most stay empty.
  let notEvaluated: string[] | undefined;
  if (source.kind === 'workload')
    for (const id of unevaluated.affecting(source.workload)) notEvaluated = addOnce(notEvaluated, id);
  let allowedBy: string[] | undefined;
  let blockedBy: string[] | undefined;
  let blockedAt: string[] | undefined;
  for (const { workload, ports } of selected) {
    for (const id of unevaluated.affecting(workload)) notEvaluated = addOnce(notEvaluated, id);
    const result = engine.connection(source, { kind: 'workload', workload });
    for (const mapping of ports) {
      if (
        !servicePorts.some(
          (candidate) => candidate.port === mapping.port && candidate.protocol === mapping.protocol,
        )
      )
        continue;
      const target = mapping.containerPort;
      const protocol = mapping.protocol as Protocol;
      // A named target no container declares (service-port-mismatch says so) cannot be judged at
      // a port: it is blocked only when the policies allow no port at all.
      const open =
        target === undefined ? !result.allowed.isEmpty() : result.allowed.contains(protocol, target);
      for (const side of [result.egress, result.ingress]) {
        if (!side?.isolated) continue;
        if (open && target !== undefined)
          for (const match of side.matches)
            if (match.connections.contains(protocol, target))
              allowedBy = addOnce(allowedBy, match.policy.object.id);
        if (!open && !allows(side, protocol, target))
          for (const policy of side.policies) blockedBy = addOnce(blockedBy, policy.object.id);
      }
      if (!open) (blockedAt ??= []).push(`${workload.object.id}:${target ?? mapping.targetPort}`);
    }
  }
  const from = describeEndpoint(source);
  const policy: { -readonly [K in keyof EdgePolicy]: EdgePolicy[K] } =
    selected.length === 0
      ? { allowed: false, by: NO_IDS, from, reason: 'the Service selects no pods' }
      : blockedAt === undefined
        ? {
            allowed: true,
            by: allowedBy ?? NO_IDS,
            from,
            reason: allowedBy ? `allowed by ${allowedBy.join(', ')}` : 'no NetworkPolicy isolates these pods',
          }
        : {
            allowed: false,
            by: blockedBy ?? NO_IDS,
            from,
            reason: `blocked at ${blockedAt.join(', ')} by ${(blockedBy ?? NO_IDS).join(', ')}`,
          };
  // Added, not spread from a temporary object: there is one verdict per edge.
  if (notEvaluated) policy.notEvaluated = notEvaluated;
  return policy;
}

/** The `by` of verdicts no policy decided (shared: most edges, never modified). */
const NO_IDS: readonly string[] = [];

/** The list with `item` added unless it holds it already; made on the first item. */
function addOnce(list: string[] | undefined, item: string): string[] {
  if (!list) return [item];
  if (!list.includes(item)) list.push(item);
  return list;
}

function allows(side: DirectionVerdict, protocol: Protocol, port: number | undefined): boolean {
  return port === undefined ? !side.allowed.isEmpty() : side.allowed.contains(protocol, port);
}
