import { servesTraffic } from '../model/podTemplate';
import type { Workload } from '../model/workspaceModel';
import { type ConnectionSet, type Protocol } from './connectionSet';
import { describeEndpoint, type Endpoint } from './endpoints';
import type { DirectionVerdict, PolicyEngine } from './policyEngine';

/** One direction of a reach answer, as data the CLI prints and the hovers render. */
export interface DirectionExplanation {
  /** Whose rules these are: the source (egress) or the destination (ingress). */
  readonly pod: string;
  readonly isolated: boolean;
  /** Policies that select the pod for this direction. */
  readonly policies: readonly string[];
  /** The rules that allow this connection: `NetworkPolicy/ns/name` and the rule's index. */
  readonly allowedBy: readonly { readonly policy: string; readonly rule: number }[];
  readonly allowed: boolean;
  readonly sentence: string;
}

export interface ReachTarget {
  readonly workload: string;
  /** The container port the connection arrives at (undefined: a named port the pod does not declare). */
  readonly port?: number;
  readonly allowed: boolean;
  readonly egress?: DirectionExplanation;
  readonly ingress?: DirectionExplanation;
}

export interface ReachAnswer {
  readonly allowed: boolean;
  readonly protocol: Protocol;
  readonly targets: readonly ReachTarget[];
  readonly reason: string;
}

/**
 * Whether `source` can open a connection to each destination pod on `port` (a container port
 * number, or a name resolved on that pod's containers), with the reason for each direction.
 */
export function reach(
  engine: PolicyEngine,
  source: Endpoint,
  destinations: readonly { readonly endpoint: Endpoint; readonly port: number | string | undefined }[],
  protocol: Protocol,
): ReachAnswer {
  const targets = destinations.map(({ endpoint, port }) =>
    reachOne(engine, source, endpoint, port, protocol),
  );
  const allowed = targets.length > 0 && targets.every((target) => target.allowed);
  const parts = targets.map((target) => {
    const verdict = target.allowed ? 'allowed' : 'blocked';
    const sides = [target.egress, target.ingress]
      .filter((side) => side !== undefined)
      .map((side) => side.sentence);
    return `${target.workload}${target.port === undefined ? '' : `:${target.port}`} ${verdict}: ${sides.join('; ')}`;
  });
  const reason = targets.length === 0 ? 'no destination pods' : parts.join('\n');
  return { allowed, protocol, targets, reason };
}

function reachOne(
  engine: PolicyEngine,
  source: Endpoint,
  destination: Endpoint,
  port: number | string | undefined,
  protocol: Protocol,
): ReachTarget {
  const workload = destination.kind === 'workload' ? destination.workload : undefined;
  const number = typeof port === 'string' ? resolveNamedPort(workload, port, protocol) : port;
  const name = describeEndpoint(destination);
  if (number === undefined && port !== undefined) {
    return { workload: name, allowed: false, egress: undefined, ingress: undefined };
  }
  const result = engine.connection(source, destination);
  const open = (set: ConnectionSet) =>
    number === undefined ? !set.isEmpty() : set.contains(protocol, number);
  const explain = (verdict: DirectionVerdict | undefined, pod: Endpoint | undefined) =>
    verdict && pod ? explainDirection(verdict, describeEndpoint(pod), (set) => open(set)) : undefined;
  const egress = explain(result.egress, source.kind === 'workload' ? source : undefined);
  const ingress = explain(result.ingress, workload ? destination : undefined);
  return {
    workload: name,
    ...(number === undefined ? {} : { port: number }),
    allowed: open(result.allowed),
    ...(egress ? { egress } : {}),
    ...(ingress ? { ingress } : {}),
  };
}

function explainDirection(
  verdict: DirectionVerdict,
  pod: string,
  open: (set: ConnectionSet) => boolean,
): DirectionExplanation {
  const policies = verdict.policies.map((policy) => policy.object.id);
  const allowedBy = verdict.matches
    .filter((match) => open(match.connections))
    .map((match) => ({ policy: match.policy.object.id, rule: match.rule.index }));
  const allowed = open(verdict.allowed);
  const side = verdict.direction === 'egress' ? 'egress' : 'ingress';
  let sentence: string;
  if (!verdict.isolated)
    sentence = `${side} of ${pod} is not isolated (no NetworkPolicy selects it for ${side})`;
  else if (allowed)
    sentence = `${side} of ${pod} is isolated by ${policies.join(', ')}; allowed by ${allowedBy.map((item) => `${item.policy} ${side} rule ${item.rule}`).join(', ')}`;
  else
    sentence = `${side} of ${pod} is isolated by ${policies.join(', ')}, and none of their ${side} rules allows this`;
  return { pod, isolated: verdict.isolated, policies, allowedBy, allowed, sentence };
}

/** The number a port name has on a pod's containers, for a protocol. */
export function resolveNamedPort(
  workload: Workload | undefined,
  name: string,
  protocol: Protocol,
): number | undefined {
  for (const container of workload?.template.containers ?? []) {
    // Init containers end before the pod serves; sidecars (restartPolicy: Always) serve with it.
    if (!servesTraffic(container)) continue;
    const port = container.ports.find(
      (candidate) => candidate.name === name && candidate.protocol === protocol,
    );
    if (port) return port.containerPort;
  }
  return undefined;
}
