import type { Labels } from '../select/labelSelector';
import { matchesSelector } from '../select/labelSelector';
import { SelectorIndex } from '../select/selectorIndex';
import type { K8sObject } from '../model/k8sObject';
import type { Workload, WorkspaceModel } from '../model/workspaceModel';
import { servesTraffic } from '../model/podTemplate';
import { NAMESPACE_NAME_LABEL } from '../model/namespaces';
import { ConnectionSet } from './connectionSet';
import type { Endpoint } from './endpoints';
import { rangeContainsRange } from './ipRanges';
import {
  readNetworkPolicy,
  type NetworkPolicy,
  type Peer,
  type PolicyRule,
  type PortRule,
} from './networkPolicy';

export type Direction = 'ingress' | 'egress';

/** One rule that allowed (part of) a connection. */
export interface RuleMatch {
  readonly policy: NetworkPolicy;
  readonly rule: PolicyRule;
  readonly connections: ConnectionSet;
}

/** The verdict of one direction (the source's egress, or the destination's ingress). */
export interface DirectionVerdict {
  readonly direction: Direction;
  /** Whether any policy selects the pod for this direction; if not, everything is allowed. */
  readonly isolated: boolean;
  /** The policies that select the pod for this direction. */
  readonly policies: readonly NetworkPolicy[];
  /** What the union of their rules allows for this peer. */
  readonly allowed: ConnectionSet;
  /** The rules that matched the peer. */
  readonly matches: readonly RuleMatch[];
}

/** Labels of the namespace an unknown pod lives in: nothing but a name no selector expects. */
const UNKNOWN_NAMESPACE_LABELS: Labels = { [NAMESPACE_NAME_LABEL]: '\u0000unknown' };

/**
 * networking.k8s.io/v1 NetworkPolicy semantics over the workloads of a workspace. Policies are
 * read once per object and bucketed by namespace; which of them select a workload is worked out on
 * first use from its own namespace's policies, looked up by the workload's labels in a
 * SelectorIndex (rule peers go through the label index, see allowedPeers.ts), never by testing
 * every policy against every pod.
 */
/** The policies that select one workload, per direction. */
interface SelectingPolicies {
  readonly ingress: NetworkPolicy[];
  readonly egress: NetworkPolicy[];
}

export class PolicyEngine {
  private listed: readonly NetworkPolicy[] | undefined;
  /** Per namespace, its policies in workspace order (read on first use). */
  private readonly byNamespace = new Map<string, readonly NetworkPolicy[]>();
  /** Per namespace, its policies indexed by the labels their podSelector requires (built on first use). */
  private readonly podSelectorIndexes = new Map<string, SelectorIndex<NetworkPolicy>>();
  /**
   * Which policies select each workload, per namespace. A namespace's table is handed on to the
   * next analysis's engine unless a NetworkPolicy of that namespace was added, removed or
   * replaced: unchanged workloads (the same objects) keep their answers, answers for workloads an
   * edit replaced are never asked for again, and the weak keys let them go.
   */
  private readonly selecting = new Map<string, WeakMap<Workload, SelectingPolicies>>();

  /**
   * `previous`: the engine of the analysis before an edit, whose answers may be carried over. The
   * policies are read per namespace when first asked for: reading all of them again on each
   * keystroke cost milliseconds at 50,000 objects, and most namespaces are never asked.
   */
  constructor(
    readonly model: WorkspaceModel,
    previous?: PolicyEngine,
  ) {
    const changes = model.changes;
    if (previous && changes && !changes.namespaces && !model.options.oneShot) {
      const stale = new Set<string>();
      for (const id of changes.ids) if (id.startsWith('NetworkPolicy/')) stale.add(id.split('/')[1] ?? '');
      for (const [namespace, table] of previous.selecting)
        if (!stale.has(namespace)) this.selecting.set(namespace, table);
      for (const [namespace, policies] of previous.byNamespace)
        if (!stale.has(namespace)) this.byNamespace.set(namespace, policies);
      for (const [namespace, index] of previous.podSelectorIndexes)
        if (!stale.has(namespace)) this.podSelectorIndexes.set(namespace, index);
    }
  }

  /** Every NetworkPolicy of the workspace, in workspace order. */
  get policies(): readonly NetworkPolicy[] {
    this.listed ??= this.model.ofKind('NetworkPolicy').map(readPolicyOnce);
    return this.listed;
  }

  /** The NetworkPolicies of one namespace, in workspace order. */
  private policiesIn(namespace: string): readonly NetworkPolicy[] {
    let policies = this.byNamespace.get(namespace);
    if (!policies) {
      const objects = this.model.byName.get('NetworkPolicy')?.get(namespace);
      policies = objects ? [...objects.values()].map(readPolicyOnce) : [];
      this.byNamespace.set(namespace, policies);
    }
    return policies;
  }

  /** A NetworkPolicy object as read (each object is read once). */
  policyOf(object: K8sObject): NetworkPolicy {
    return readPolicyOnce(object);
  }

  /**
   * The policies that select a workload for a direction (empty: not isolated). Worked out per
   * workload on first use, from the policies of its namespace only.
   */
  policiesFor(workload: Workload, direction: Direction): readonly NetworkPolicy[] {
    const namespace = workload.object.namespace ?? '';
    let table = this.selecting.get(namespace);
    if (!table) {
      table = new WeakMap();
      this.selecting.set(namespace, table);
    }
    let entry = table.get(workload);
    if (!entry) {
      entry = { ingress: [], egress: [] };
      for (const policy of this.podSelectorIndex(namespace).matching(workload.template.labels)) {
        if (policy.affectsIngress) entry.ingress.push(policy);
        if (policy.affectsEgress) entry.egress.push(policy);
      }
      table.set(workload, entry);
    }
    return entry[direction];
  }

  private podSelectorIndex(namespace: string): SelectorIndex<NetworkPolicy> {
    let index = this.podSelectorIndexes.get(namespace);
    if (!index) {
      index = new SelectorIndex(this.policiesIn(namespace), (policy) => policy.podSelector);
      this.podSelectorIndexes.set(namespace, index);
    }
    return index;
  }

  /**
   * What `destination`'s ingress admits from `source`, or what `source`'s egress lets out to
   * `destination`: the union of the matching rules of every policy selecting that pod.
   */
  verdict(
    direction: Direction,
    pod: Workload,
    peer: Endpoint,
    portsOn: Workload | undefined,
  ): DirectionVerdict {
    const policies = this.policiesFor(pod, direction);
    if (policies.length === 0) return NOT_ISOLATED[direction];
    const matches: RuleMatch[] = [];
    let allowed = ConnectionSet.NONE;
    for (const policy of policies) {
      for (const rule of direction === 'ingress' ? policy.ingress : policy.egress) {
        if (!this.ruleAdmits(policy, rule, peer)) continue;
        const connections = ruleConnections(rule, portsOn);
        if (connections.isEmpty()) continue;
        matches.push({ policy, rule, connections });
        allowed = allowed.union(connections);
      }
    }
    return { direction, isolated: true, policies, allowed, matches };
  }

  /** Egress of the source AND ingress of the destination: what can actually flow. */
  connection(
    source: Endpoint,
    destination: Endpoint,
  ): { allowed: ConnectionSet; egress?: DirectionVerdict; ingress?: DirectionVerdict } {
    const destinationWorkload = destination.kind === 'workload' ? destination.workload : undefined;
    const egress =
      source.kind === 'workload'
        ? this.verdict('egress', source.workload, destination, destinationWorkload)
        : undefined;
    const ingress = destinationWorkload
      ? this.verdict('ingress', destinationWorkload, source, destinationWorkload)
      : undefined;
    const allowed = (egress?.allowed ?? ConnectionSet.ALL).intersect(ingress?.allowed ?? ConnectionSet.ALL);
    // Key by key, not spread: one verdict per edge and selected workload.
    const result: { allowed: ConnectionSet; egress?: DirectionVerdict; ingress?: DirectionVerdict } = {
      allowed,
    };
    if (egress) result.egress = egress;
    if (ingress) result.ingress = ingress;
    return result;
  }

  private ruleAdmits(policy: NetworkPolicy, rule: PolicyRule, peer: Endpoint): boolean {
    if (rule.peers === 'all') return true;
    return rule.peers.some((candidate) => this.peerMatches(policy, candidate, peer));
  }

  private peerMatches(policy: NetworkPolicy, peer: Peer, endpoint: Endpoint): boolean {
    if (peer.kind === 'ipBlock') {
      // ipBlock selects addresses outside the cluster; pods are matched by selectors only.
      if (endpoint.kind !== 'external') return false;
      return (
        rangeContainsRange(peer.cidr, endpoint.range) &&
        !peer.except.some((hole) => rangeContainsRange(hole, endpoint.range))
      );
    }
    const pod = this.podOf(endpoint);
    if (!pod) return false;
    if (peer.namespaceSelector === undefined) {
      if (pod.namespace !== policy.namespace) return false;
    } else if (!matchesSelector(peer.namespaceSelector, pod.namespaceLabels)) {
      return false;
    }
    return matchesSelector(peer.podSelector, pod.labels);
  }

  /** The namespace, its labels and the pod labels of an in-cluster endpoint. */
  private podOf(
    endpoint: Endpoint,
  ): { namespace: string; namespaceLabels: Labels; labels: Labels } | undefined {
    switch (endpoint.kind) {
      case 'external':
        return undefined;
      case 'workload': {
        const namespace = endpoint.workload.object.namespace ?? '';
        return {
          namespace,
          namespaceLabels: this.namespaceLabels(namespace),
          labels: endpoint.workload.template.labels,
        };
      }
      case 'ingress-controller': {
        const controller = endpoint.controller;
        if (!controller.known)
          return { namespace: '\u0000unknown', namespaceLabels: UNKNOWN_NAMESPACE_LABELS, labels: {} };
        return {
          namespace: controller.namespace,
          namespaceLabels: this.namespaceLabels(controller.namespace),
          labels: controller.labels,
        };
      }
    }
  }

  private namespaceLabels(namespace: string): Labels {
    return this.model.namespaces.get(namespace)?.labels ?? { [NAMESPACE_NAME_LABEL]: namespace };
  }
}

/** The verdict of a direction no policy isolates: one shared object each (most pods, most edges). */
const NOT_ISOLATED: Readonly<Record<Direction, DirectionVerdict>> = {
  ingress: { direction: 'ingress', isolated: false, policies: [], allowed: ConnectionSet.ALL, matches: [] },
  egress: { direction: 'egress', isolated: false, policies: [], allowed: ConnectionSet.ALL, matches: [] },
};

/** A policy object is read once and the result kept while the object is unchanged. */
const readPolicies = new WeakMap<object, NetworkPolicy>();

function readPolicyOnce(object: K8sObject): NetworkPolicy {
  let policy = readPolicies.get(object);
  if (!policy) {
    policy = readNetworkPolicy(object);
    readPolicies.set(object, policy);
  }
  return policy;
}

/** The connections a rule's ports allow on a destination pod (named ports resolved on its containers). */
export function ruleConnections(rule: PolicyRule, destination: Workload | undefined): ConnectionSet {
  if (rule.ports === 'all') return ConnectionSet.ALL;
  let set = ConnectionSet.NONE;
  for (const port of rule.ports) set = set.union(portConnections(port, destination));
  return set;
}

function portConnections(rule: PortRule, destination: Workload | undefined): ConnectionSet {
  if (rule.port === undefined) return ConnectionSet.of(rule.protocol);
  if (typeof rule.port === 'number')
    return ConnectionSet.of(rule.protocol, rule.port, rule.endPort ?? rule.port);
  // A named port means whatever number the destination pod gives that name (for this protocol).
  let set = ConnectionSet.NONE;
  for (const container of destination?.template.containers ?? []) {
    // Init containers end before the pod serves; sidecars (restartPolicy: Always) serve with it.
    if (!servesTraffic(container)) continue;
    for (const port of container.ports) {
      if (port.name === rule.port && port.protocol === rule.protocol) {
        set = set.union(ConnectionSet.of(rule.protocol, port.containerPort, port.containerPort));
      }
    }
  }
  return set;
}
