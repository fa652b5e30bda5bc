import type { Protocol } from '../policy/connectionSet';
import { describeEndpoint, type Endpoint } from '../policy/endpoints';
import { ALL_IPV4 } from '../policy/ipRanges';
import type { DirectionVerdict, PolicyEngine } from '../policy/policyEngine';
import { UNEVALUATED_ID_KINDS, type UnevaluatedPolicies } from '../policy/unevaluatedPolicies';
import type { K8sObject } from '../model/k8sObject';
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
): GraphEdge[] {
  const reusable = reusableVerdicts(context);
  return edges.map((edge) => {
    const source = sourceOf(edge, context, ingressController);
    const service = source && context.model.byId.get(edge.to);
    if (!source || !service || service.kind !== 'Service') return edge;
    const selection = context.selected(service);
    const cached = annotated.get(edge);
    if (cached && cached.selection === selection && reusable(source, selection)) return cached.edge;
    const result = { ...edge, policy: verdict(context, engine, unevaluated, source, service, edge.port) };
    if (!context.model.options.oneShot) annotated.set(edge, { edge: result, selection });
    return result;
  });
}

/**
 * Verdicts kept per edge object across analyses. An edge object is reused only while its caller,
 * Service and selection are unchanged (see GraphContext.memo); its verdict stays valid while, in
 * addition, no NetworkPolicy of the namespaces involved, no namespace and no policy of another kind
 * changed.
 */
const annotated = new WeakMap<GraphEdge, { edge: GraphEdge; selection: readonly unknown[] }>();

function reusableVerdicts(
  context: GraphContext,
): (source: Endpoint, selection: readonly { workload: { object: K8sObject } }[]) => boolean {
  const changes = context.model.changes;
  if (!changes || changes.namespaces) return () => false;
  const policyNamespaces = new Set<string>();
  let otherPolicies = false;
  for (const id of changes.ids) {
    const [kind = '', namespace = ''] = id.split('/');
    if (kind === 'NetworkPolicy') policyNamespaces.add(namespace);
    else if (UNEVALUATED_ID_KINDS.has(kind)) otherPolicies = true;
  }
  if (otherPolicies) return () => false;
  return (source, selection) => {
    if (source.kind === 'workload' && policyNamespaces.has(source.workload.object.namespace ?? ''))
      return false;
    return selection.every(({ workload }) => !policyNamespaces.has(workload.object.namespace ?? ''));
  };
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
