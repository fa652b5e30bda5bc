import type { Analysis } from '../analysis';
import { field, type K8sObject } from '../model/k8sObject';
import type { Workload } from '../model/workspaceModel';
import { formatIp, type IpRange } from '../policy/ipRanges';
import {
  readNetworkPolicy,
  type NetworkPolicy,
  type Peer,
  type PolicyRule,
  type PortRule,
} from '../policy/networkPolicy';
import { formatSelector, isEmptySelector, matchesSelector } from '../select/labelSelector';
import { ORIGIN_TEXT } from './describeService';
import { section, type HoverContent, type HoverSection } from './hoverContent';

/**
 * A NetworkPolicy in words: the workloads it selects, its policyTypes after the API's defaulting,
 * and what each rule allows (peers, with the workloads they match, and ports).
 */
export function describeNetworkPolicy(analysis: Analysis, object: K8sObject): HoverContent {
  const policy =
    analysis.graph.policy.policies.find((candidate) => candidate.object === object) ??
    readNetworkPolicy(object);
  const selected = analysis.model.workloadIndex.select(policy.namespace, policy.podSelector);
  const types = [policy.affectsIngress ? 'Ingress' : '', policy.affectsEgress ? 'Egress' : ''].filter(
    Boolean,
  );
  const sections: HoverSection[] = [
    { label: 'Namespace', values: [`${policy.namespace} (${ORIGIN_TEXT[object.namespaceOrigin]})`] },
    {
      label: 'Pod selector',
      values: [
        isEmptySelector(policy.podSelector)
          ? `(empty) every pod of namespace ${policy.namespace}`
          : formatSelector(policy.podSelector),
      ],
    },
    section(
      'Selects',
      selected.length > 0
        ? selected.map((workload) => workload.object.id)
        : [`nothing in namespace ${policy.namespace}: no workload's pod labels match`],
    ),
    { label: 'Policy types', values: [policyTypesText(object, policy, types)] },
  ];
  for (const direction of ['ingress', 'egress'] as const) {
    const lines = rulesText(analysis, policy, direction);
    if (lines.length > 0)
      sections.push(section(direction === 'ingress' ? 'Ingress rules' : 'Egress rules', lines));
  }
  return {
    kind: 'network-policy',
    title: `NetworkPolicy ${policy.namespace}/${object.name}`,
    subtitle: types.length > 0 ? types.join(', ') : 'no policy types',
    sections,
    range: object.range,
  };
}

function policyTypesText(object: K8sObject, policy: NetworkPolicy, types: readonly string[]): string {
  const list = types.length > 0 ? types.join(', ') : 'none';
  if (Array.isArray(field(object.body, 'spec', 'policyTypes'))) return `${list} (declared)`;
  return policy.affectsEgress
    ? `${list} (defaulted: no policyTypes; Egress because it has egress rules)`
    : `${list} (defaulted: no policyTypes and no egress rules)`;
}

/** One line per rule, or what the absence of rules means for an isolated direction. */
function rulesText(analysis: Analysis, policy: NetworkPolicy, direction: 'ingress' | 'egress'): string[] {
  const affects = direction === 'ingress' ? policy.affectsIngress : policy.affectsEgress;
  const rules = direction === 'ingress' ? policy.ingress : policy.egress;
  if (!affects) {
    return rules.length > 0
      ? [`ignored: policyTypes does not include ${direction === 'ingress' ? 'Ingress' : 'Egress'}`]
      : [];
  }
  if (rules.length === 0)
    return [`none: all ${direction} of the selected pods is denied (unless another policy allows it)`];
  return rules.map((rule) => ruleText(analysis, policy, rule));
}

function ruleText(analysis: Analysis, policy: NetworkPolicy, rule: PolicyRule): string {
  const preposition = rule.direction === 'ingress' ? 'from' : 'to';
  const peers =
    rule.peers === 'all'
      ? 'anywhere (every pod of every namespace and every address)'
      : rule.peers.length === 0
        ? 'nothing (no peer it could read)'
        : rule.peers.map((peer) => peerText(analysis, policy, peer)).join('; or ');
  const ports = rule.ports === 'all' ? 'every port' : rule.ports.map(portRuleText).join(', ');
  return `rule ${rule.index}: ${preposition} ${peers}; on ${ports}`;
}

function peerText(analysis: Analysis, policy: NetworkPolicy, peer: Peer): string {
  if (peer.kind === 'ipBlock') {
    const except = peer.except.length > 0 ? ` except ${peer.except.map(cidrText).join(', ')}` : '';
    return `addresses ${peer.text}${except} (outside the cluster)`;
  }
  const pods = isEmptySelector(peer.podSelector) ? 'every pod' : `pods ${formatSelector(peer.podSelector)}`;
  const namespaces =
    peer.namespaceSelector === undefined
      ? `in namespace ${policy.namespace}`
      : isEmptySelector(peer.namespaceSelector)
        ? 'in every namespace'
        : `in namespaces ${formatSelector(peer.namespaceSelector)}`;
  const matched = peerWorkloads(analysis, policy, peer);
  const shown =
    matched.length === 0
      ? 'matches no workload here'
      : matched.length > 5
        ? `${matched
            .slice(0, 5)
            .map((workload) => workload.object.id)
            .join(', ')} and ${matched.length - 5} more`
        : matched.map((workload) => workload.object.id).join(', ');
  return `${pods} ${namespaces} [${shown}]`;
}

/** The workloads of the workspace a pod peer matches (namespaces by label, then pods by label). */
function peerWorkloads(
  analysis: Analysis,
  policy: NetworkPolicy,
  peer: Extract<Peer, { kind: 'pods' }>,
): Workload[] {
  const namespaces =
    peer.namespaceSelector === undefined
      ? [policy.namespace]
      : [...analysis.model.namespaces.values()]
          .filter(
            (namespace) =>
              peer.namespaceSelector && matchesSelector(peer.namespaceSelector, namespace.labels),
          )
          .map((namespace) => namespace.name);
  return namespaces.flatMap((namespace) => analysis.model.workloadIndex.select(namespace, peer.podSelector));
}

function portRuleText(port: PortRule): string {
  if (port.port === undefined) return `${port.protocol} (every port)`;
  if (typeof port.port === 'string') return `${port.protocol} port named ${port.port}`;
  return port.endPort === undefined
    ? `${port.protocol} ${port.port}`
    : `${port.protocol} ${port.port}-${port.endPort}`;
}

/** `10.1.0.0/16` when the range is one CIDR block, else `first-last`. */
function cidrText(range: IpRange): string {
  const size = range.last - range.first + 1;
  const prefix = 32 - Math.log2(size);
  if (Number.isInteger(prefix) && range.first % size === 0) return `${formatIp(range.first)}/${prefix}`;
  return `${formatIp(range.first)}-${formatIp(range.last)}`;
}
