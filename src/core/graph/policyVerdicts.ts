import type { Protocol } from '../policy/connectionSet';
import { describeEndpoint, type Endpoint } from '../policy/endpoints';
import { ALL_IPV4 } from '../policy/ipRanges';
import type { DirectionVerdict, PolicyEngine } from '../policy/policyEngine';
import { UNEVALUATED_ID_KINDS, type UnevaluatedPolicies } from '../policy/unevaluatedPolicies';
import type { K8sObject } from '../model/k8sObject';
import type { Workload } from '../model/workspaceModel';
import type { EdgePolicy, GraphEdge } from './graph';
import type { GraphContext } from './graphContext';

/**
 * The NetworkPolicy verdict on every `calls` edge and on the last hop of every north-south path
 * (the edge that enters a Service from outside or from the Ingress controller): whether the
 * traffic reaches the selected pods on their target port, and which policies decided.
 */
export function withPolicyVerdicts(
  edges: readonly GraphEdge[],
  context: GraphContext,
  engine: PolicyEngine,
  unevaluated: UnevaluatedPolicies,
  ingressController: Endpoint,
  previous: VerdictCache | undefined,
): { edges: GraphEdge[]; cache: VerdictCache } {
  const keep = !context.model.options.oneShot;
  const cache = new Map<GraphEdge, CachedVerdict>();
  const changedPolicies = previous && keep ? policyChanges(context) : 'all';
  const { byId, workloadsById } = context.model;
  const annotated = edges.map((edge) => {
    // Edge builders reuse their edge objects while nothing they read changed (GraphContext.memo):
    // the common case after an edit is a hit, checked without allocating anything.
    const cached = previous?.get(edge);
    if (
      cached &&
      changedPolicies !== 'all' &&
      byId.get(edge.to) === cached.service &&
      context.selected(cached.service) === cached.selection &&
      (cached.caller === undefined || workloadsById.get(edge.from) === cached.caller) &&
      !cached.namespaces.some((namespace) => changedPolicies.has(namespace))
    ) {
      if (keep) cache.set(edge, cached);
      return cached.edge;
    }
    const source = sourceOf(edge, context, ingressController);
    const service = source && byId.get(edge.to);
    if (!source || !service || service.kind !== 'Service') return edge;
    const selection = context.selected(service);
    const caller = source.kind === 'workload' ? source.workload : undefined;
    const policy = verdict(context, engine, unevaluated, source, service, edge.port);
    const result = { ...edge, policy };
    // The pods of a selection are in the Service's namespace; the sender's egress is decided in
    // its own (a caller's, or a known Ingress controller's).
    const namespaces = [service.namespace ?? ''];
    if (caller) namespaces.push(caller.object.namespace ?? '');
    if (source.kind === 'ingress-controller' && source.controller.known)
      namespaces.push(source.controller.namespace);
    if (keep) cache.set(edge, { policy, service, selection, caller, namespaces, edge: result });
    return result;
  });
  return { edges: annotated, cache };
}

/**
 * Verdicts of the previous analysis by edge as built. One stays valid while the caller, the
 * Service and its selection are the same objects and no NetworkPolicy of the namespaces involved,
 * no namespace and no policy of another kind changed its content.
 */
export type VerdictCache = ReadonlyMap<GraphEdge, CachedVerdict>;

interface CachedVerdict {
  readonly policy: EdgePolicy;
  readonly service: K8sObject;
  readonly selection: readonly unknown[];
  readonly caller: Workload | undefined;
  /** The namespaces whose NetworkPolicies decide the verdict: the callee's and the caller's. */
  readonly namespaces: readonly string[];
  /** The edge as annotated (the key is the edge as built). */
  readonly edge: GraphEdge;
}

/**
 * The namespaces where a NetworkPolicy's content changed since the previous analysis, or 'all'
 * when no verdict can be reused (first analysis, namespaces or policies of other kinds changed).
 */
function policyChanges(context: GraphContext): ReadonlySet<string> | 'all' {
  const changes = context.model.changes;
  if (!changes || changes.namespaces) return 'all';
  const namespaces = new Set<string>();
  for (const id of changes.contentIds) {
    const [kind = '', namespace = ''] = id.split('/');
    if (kind === 'NetworkPolicy') namespaces.add(namespace);
    else if (UNEVALUATED_ID_KINDS.has(kind)) return 'all';
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
  const servicePorts = context
    .spec(service)
    .ports.filter((candidate) => port === undefined || candidate.port === port);
  const selected = context.selected(service);
  const notEvaluated = new Set<string>();
  if (source.kind === 'workload')
    for (const id of unevaluated.affecting(source.workload)) notEvaluated.add(id);
  const allowedBy = new Set<string>();
  const blockedBy = new Set<string>();
  const blockedAt: string[] = [];
  for (const { workload, ports } of selected) {
    for (const id of unevaluated.affecting(workload)) notEvaluated.add(id);
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
        if (open)
          for (const match of side.matches)
            if (target !== undefined && match.connections.contains(protocol, target))
              allowedBy.add(match.policy.object.id);
        if (!open && !allows(side, protocol, target))
          for (const policy of side.policies) blockedBy.add(policy.object.id);
      }
      if (!open) blockedAt.push(`${workload.object.id}:${target ?? mapping.targetPort}`);
    }
  }
  const from = describeEndpoint(source);
  const extra = notEvaluated.size > 0 ? { notEvaluated: [...notEvaluated] } : {};
  if (selected.length === 0) {
    return { allowed: false, by: [], from, reason: 'the Service selects no pods', ...extra };
  }
  if (blockedAt.length === 0) {
    const reason =
      allowedBy.size > 0 ? `allowed by ${[...allowedBy].join(', ')}` : 'no NetworkPolicy isolates these pods';
    return { allowed: true, by: [...allowedBy], from, reason, ...extra };
  }
  return {
    allowed: false,
    by: [...blockedBy],
    from,
    reason: `blocked at ${blockedAt.join(', ')} by ${[...blockedBy].join(', ')}`,
    ...extra,
  };
}

function allows(side: DirectionVerdict, protocol: Protocol, port: number | undefined): boolean {
  return port === undefined ? !side.allowed.isEmpty() : side.allowed.contains(protocol, port);
}
