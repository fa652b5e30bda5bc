import { asArray, asString, field, type K8sObject } from '../model/k8sObject';
import { readLabelSelector, type LabelSelector } from '../select/labelSelector';
import { isProtocol, type Protocol } from './connectionSet';
import { parseCidr, type IpRange } from './ipRanges';

/**
 * A networking.k8s.io/v1 NetworkPolicy read into the shape its semantics need, with every
 * default of the API applied (policyTypes, protocol, "absent or empty = all").
 */
export interface NetworkPolicy {
  readonly object: K8sObject;
  readonly namespace: string;
  readonly podSelector: LabelSelector;
  /** `policyTypes`, or its default: Ingress, plus Egress when the policy has egress rules. */
  readonly affectsIngress: boolean;
  readonly affectsEgress: boolean;
  readonly ingress: readonly PolicyRule[];
  readonly egress: readonly PolicyRule[];
}

export interface PolicyRule {
  readonly direction: 'ingress' | 'egress';
  /** Index of the rule in its list, for explanations and ranges. */
  readonly index: number;
  /** `from`/`to` absent or empty: every peer, inside the cluster and out. */
  readonly peers: readonly Peer[] | 'all';
  /** `ports` absent or empty: every port of every protocol. */
  readonly ports: readonly PortRule[] | 'all';
}

export type Peer =
  /**
   * Pods: `namespaceSelector` undefined = the policy's own namespace; both selectors in one
   * peer must both match (AND); an empty selector matches everything.
   */
  | { readonly kind: 'pods'; readonly podSelector: LabelSelector; readonly namespaceSelector?: LabelSelector }
  /** Addresses outside the cluster: `cidr` minus `except`. */
  | {
      readonly kind: 'ipBlock';
      readonly cidr: IpRange;
      readonly except: readonly IpRange[];
      readonly text: string;
    };

export interface PortRule {
  readonly protocol: Protocol;
  /** A number, a container port name (resolved on each destination pod), or undefined: every port. */
  readonly port?: number | string;
  /** With a numeric `port`: the range port..endPort. */
  readonly endPort?: number;
}

export function readNetworkPolicy(object: K8sObject): NetworkPolicy {
  const spec = field(object.body, 'spec');
  const ingress = readRules(field(spec, 'ingress'), 'ingress', 'from');
  const egress = readRules(field(spec, 'egress'), 'egress', 'to');
  const types = field(spec, 'policyTypes');
  // The API server defaults an absent AND an empty list alike (SetDefaults_NetworkPolicy checks
  // len(policyTypes) == 0): `policyTypes: []` means Ingress, plus Egress with egress rules.
  const declared =
    Array.isArray(types) && types.length > 0
      ? types.filter((type): type is string => typeof type === 'string')
      : undefined;
  return {
    object,
    namespace: object.namespace ?? '',
    podSelector: readLabelSelector(field(spec, 'podSelector')),
    affectsIngress: declared ? declared.includes('Ingress') : true,
    affectsEgress: declared ? declared.includes('Egress') : egress.length > 0,
    ingress,
    egress,
  };
}

function readRules(value: unknown, direction: 'ingress' | 'egress', peersKey: 'from' | 'to'): PolicyRule[] {
  return asArray(value).map((rule, index) => {
    const peers = asArray(field(rule, peersKey));
    const ports = asArray(field(rule, 'ports'));
    return {
      direction,
      index,
      peers: peers.length === 0 ? 'all' : peers.flatMap(readPeer),
      ports: ports.length === 0 ? 'all' : ports.flatMap(readPortRule),
    };
  });
}

function readPeer(value: unknown): Peer[] {
  const ipBlock = field(value, 'ipBlock');
  if (ipBlock !== undefined) {
    const text = asString(field(ipBlock, 'cidr')) ?? '';
    const cidr = parseCidr(text);
    if (!cidr) return []; // IPv6 or malformed: matches no IPv4 address outside the cluster.
    const except = asArray(field(ipBlock, 'except')).flatMap((item) => {
      const range = typeof item === 'string' ? parseCidr(item) : undefined;
      return range ? [range] : [];
    });
    return [{ kind: 'ipBlock', cidr, except, text }];
  }
  const podSelector = field(value, 'podSelector');
  const namespaceSelector = field(value, 'namespaceSelector');
  if (podSelector === undefined && namespaceSelector === undefined) return [];
  return [
    {
      kind: 'pods',
      podSelector: readLabelSelector(podSelector),
      ...(namespaceSelector === undefined ? {} : { namespaceSelector: readLabelSelector(namespaceSelector) }),
    },
  ];
}

function readPortRule(value: unknown): PortRule[] {
  const protocol = field(value, 'protocol') ?? 'TCP';
  if (!isProtocol(protocol)) return [];
  const port = field(value, 'port');
  const endPort = field(value, 'endPort');
  return [
    {
      protocol,
      ...(typeof port === 'number' || (typeof port === 'string' && port !== '')
        ? { port: typeof port === 'string' && /^\d+$/.test(port) ? Number(port) : port }
        : {}),
      ...(typeof endPort === 'number' && typeof port === 'number' ? { endPort } : {}),
    },
  ];
}
