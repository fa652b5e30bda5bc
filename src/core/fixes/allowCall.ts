import type { GraphEdge } from '../graph/graph';
import { NAMESPACE_NAME_LABEL } from '../model/namespaces';
import type { K8sObject } from '../model/k8sObject';
import type { Workload } from '../model/workspaceModel';
import { isProtocol } from '../policy/connectionSet';
import type { NetworkPolicy } from '../policy/networkPolicy';
import type { RuleContext } from '../rules/rule';
import { isEmptySelector } from '../select/labelSelector';
import { evidenceLabel } from './evidenceLabel';
import type { GeneratedPeer, GeneratedPort, GeneratedRule } from './generatedPolicy';
import { insertInto, ruleAdditionEdits, selectedBy, type RuleAddition } from './ruleAdditions';
import type { TextEdit } from './textEdit';
import { nameIn } from './trafficNeeds';
import { workloadSelector } from './workloadSelector';

/** A blocked pod port of one workload behind the Service, and which sides block it. */
interface BlockedPort {
  readonly target: Workload;
  readonly port: GeneratedPort;
  readonly servicePort: number;
  readonly ingress: boolean;
  readonly egress: boolean;
}

/** "Allow storefront → reviews:8080", for a blocked `calls` edge. */
export function allowCallTitle(context: RuleContext, edge: GraphEdge): string | undefined {
  const caller = context.model.workloadsById.get(edge.from);
  const service = context.model.byId.get(edge.to);
  if (!caller || !service) return undefined;
  const port = edge.port === undefined ? '' : `:${edge.port}`;
  return `Allow ${nameIn(caller.object, service.namespace ?? '')} → ${service.name}${port}`;
}

/**
 * "Allow <caller> → <Service>:<port>": opens exactly the connections of a blocked call, from the
 * caller's pods to each pod behind the Service on the pod port the call arrives at. On the
 * callee's side, a rule admitting the caller's pods (by their selecting labels, and their
 * namespace by name when it is another) goes into a policy that isolates the callee for ingress
 * and selects nothing else that needs other ports; on the caller's side, when its egress is
 * isolated and does not allow the call, a rule to the callee's pods goes into a policy selecting
 * only the caller. When no policy fits, a new one for that direction only. Undefined when nothing
 * can be opened (no pods, or the call is not blocked).
 */
export function allowCall(
  context: RuleContext,
  edge: GraphEdge,
  textOf: (file: string) => string | undefined,
): TextEdit[] | undefined {
  const { model } = context;
  const caller = model.workloadsById.get(edge.from);
  const service = model.byId.get(edge.to);
  if (edge.type !== 'calls' || !caller || !service || service.kind !== 'Service') return undefined;
  const blocked = blockedPorts(context, caller, service, edge);
  if (blocked.length === 0) return undefined;
  const additions: RuleAddition[] = [];

  // The callees' ingress: per target, its blocked ports, in a policy selecting only targets that
  // need exactly these ports from this caller.
  const ingressNeeds = portsByTarget(blocked.filter((item) => item.ingress));
  const done = new Set<Workload>();
  for (const [target, ports] of ingressNeeds) {
    if (done.has(target)) continue;
    const namespace = target.object.namespace ?? '';
    const key = portsKey(ports);
    // A namespace-wide policy never fits, however few workloads the workspace has there: a rule in
    // it would admit the caller to every pod of the namespace, today's and tomorrow's.
    const fits = (policy: NetworkPolicy) =>
      !isEmptySelector(policy.podSelector) &&
      selectedBy(context, policy).every((other) => {
        const needed = ingressNeeds.get(other);
        return needed !== undefined && portsKey(needed) === key;
      });
    const rules: GeneratedRule[] = [
      {
        comments: [
          ...[...ports.values()].map((item) => callSentence(caller, service, edge, item, namespace)),
          ...selectorCaveat(context, caller),
        ],
        peers: [workloadPeer(context, caller, namespace)],
        ports: sortedPorts([...ports.values()].map((item) => item.port)),
      },
    ];
    // Only policies whose text can take the rule: the one chosen covers every target it selects.
    const candidates = ranked(
      context.graph.policy.policiesFor(target, 'ingress').filter(fits),
      context,
      'ingress',
    ).filter((policy) => insertInto(policy, 'ingress', rules, textOf) !== undefined);
    const chosen = candidates[0];
    for (const other of chosen ? selectedBy(context, chosen) : [target]) done.add(other);
    additions.push({
      direction: 'ingress',
      workload: target,
      rules,
      candidates: chosen ? [chosen] : [],
      newName: `${target.object.name}-allow-${caller.object.name}`,
      newComment: `${target.object.kind} ${target.object.name}: admits ${nameIn(caller.object, namespace)}, which calls ${nameIn(service, namespace)}.`,
    });
  }

  // The caller's egress: one rule per set of ports, to the targets that need them.
  const egressNeeds = portsByTarget(blocked.filter((item) => item.egress));
  if (egressNeeds.size > 0) {
    const namespace = caller.object.namespace ?? '';
    const groups = new Map<string, { targets: Workload[]; ports: BlockedPort[] }>();
    for (const [target, ports] of egressNeeds) {
      const key = portsKey(ports);
      const group = groups.get(key);
      if (group) group.targets.push(target);
      else groups.set(key, { targets: [target], ports: [...ports.values()] });
    }
    const rules: GeneratedRule[] = [...groups.values()].map(({ targets, ports }) => ({
      comments: [
        ...new Set(ports.map((item) => callSentence(caller, service, edge, item, namespace))),
        ...targets.flatMap((target) => selectorCaveat(context, target)),
      ],
      peers: targets.map((target) => workloadPeer(context, target, namespace)),
      ports: sortedPorts(ports.map((item) => item.port)),
    }));
    const candidates = ranked(
      context.graph.policy
        .policiesFor(caller, 'egress')
        .filter(
          (policy) =>
            !isEmptySelector(policy.podSelector) &&
            selectedBy(context, policy).every((other) => other === caller),
        ),
      context,
      'egress',
    );
    additions.push({
      direction: 'egress',
      workload: caller,
      rules,
      candidates,
      newName: `${caller.object.name}-to-${service.name}`,
      newComment: `${caller.object.kind} ${caller.object.name}: may call ${nameIn(service, namespace)}.`,
    });
  }
  return ruleAdditionEdits(context, additions, textOf);
}

/**
 * The pod ports of the call that policies block, per workload behind the Service, with the side
 * that blocks each (as the edge verdict judges them). Named target ports no container declares
 * cannot be opened by a policy and are left out.
 */
function blockedPorts(
  context: RuleContext,
  caller: Workload,
  service: K8sObject,
  edge: GraphEdge,
): BlockedPort[] {
  const { graph } = context;
  const used = graph.context
    .spec(service)
    .ports.filter((port) => edge.port === undefined || port.port === edge.port);
  const blocked: BlockedPort[] = [];
  for (const { workload: target, ports } of graph.context.selected(service)) {
    const connection = graph.policy.connection(
      { kind: 'workload', workload: caller },
      { kind: 'workload', workload: target },
    );
    for (const mapping of ports) {
      if (!used.some((port) => port.port === mapping.port && port.protocol === mapping.protocol)) continue;
      const { containerPort, protocol } = mapping;
      if (containerPort === undefined || !isProtocol(protocol)) continue;
      if (connection.allowed.contains(protocol, containerPort)) continue;
      const closed = (side: typeof connection.egress) =>
        side?.isolated === true && !side.allowed.contains(protocol, containerPort);
      blocked.push({
        target,
        port: { protocol, port: containerPort },
        servicePort: mapping.port,
        ingress: closed(connection.ingress),
        egress: closed(connection.egress),
      });
    }
  }
  return blocked;
}

function portsByTarget(blocked: readonly BlockedPort[]): Map<Workload, Map<string, BlockedPort>> {
  const byTarget = new Map<Workload, Map<string, BlockedPort>>();
  for (const item of blocked) {
    let ports = byTarget.get(item.target);
    if (!ports) byTarget.set(item.target, (ports = new Map<string, BlockedPort>()));
    ports.set(`${item.port.protocol}/${item.port.port}`, item);
  }
  return byTarget;
}

function portsKey(ports: ReadonlyMap<string, BlockedPort>): string {
  return [...ports.keys()].sort().join(',');
}

function sortedPorts(ports: readonly GeneratedPort[]): GeneratedPort[] {
  const unique = new Map(ports.map((port) => [`${port.protocol}/${port.port}`, port]));
  return [...unique.values()].sort((a, b) => a.port - b.port || (a.protocol < b.protocol ? -1 : 1));
}

/** Policies with rules in the direction first (the allow policy rather than a bare deny), then the narrowest. */
function ranked(
  policies: readonly NetworkPolicy[],
  context: RuleContext,
  direction: 'ingress' | 'egress',
): NetworkPolicy[] {
  const rank = (policy: NetworkPolicy) => (policy[direction].length > 0 ? 0 : 1);
  return [...policies].sort(
    (a, b) => rank(a) - rank(b) || selectedBy(context, a).length - selectedBy(context, b).length,
  );
}

/** A workload's pods as a rule peer seen from a policy of `namespace`. */
export function workloadPeer(context: RuleContext, workload: Workload, namespace: string): GeneratedPeer {
  const peerNamespace = workload.object.namespace ?? '';
  return {
    kind: 'pods',
    podSelector: workloadSelector(context.model, workload).labels,
    ...(peerNamespace === namespace ? {} : { namespaceSelector: { [NAMESPACE_NAME_LABEL]: peerNamespace } }),
  };
}

function selectorCaveat(context: RuleContext, workload: Workload): string[] {
  const selector = workloadSelector(context.model, workload);
  if (Object.keys(selector.labels).length === 0)
    return [
      `${workload.object.name}'s pods carry no labels: every pod of namespace ${workload.object.namespace ?? ''} matches this rule.`,
    ];
  return selector.exact ? [] : [`These labels also select ${selector.alsoSelects.join(', ')}.`];
}

/** `shop-web/storefront calls reviews:8080 (REVIEWS_ADDR)`, plus the pod port when the Service translates it. */
function callSentence(
  caller: Workload,
  service: K8sObject,
  edge: GraphEdge,
  item: BlockedPort,
  namespace: string,
): string {
  const pods = item.target.object.name === service.name ? '' : ` of ${nameIn(item.target.object, namespace)}`;
  const arrival =
    item.port.port !== item.servicePort
      ? `, pod port ${item.port.port}${pods}`
      : pods === ''
        ? ''
        : `, pods${pods}`;
  return `${nameIn(caller.object, namespace)} calls ${nameIn(service, namespace)}:${item.servicePort}${evidenceLabel(edge)}${arrival}`;
}
