import type { Protocol } from '../policy/connectionSet';
import type { Labels } from '../select/labelSelector';

/**
 * A NetworkPolicy the fixes write, as plain data with the reasons for each rule. Rendered to YAML
 * by policyYaml.ts; nothing here knows about files.
 */
export interface GeneratedPolicy {
  readonly name: string;
  readonly namespace: string;
  /** The workload it is written for; undefined for a namespace's default-deny. */
  readonly workload?: string;
  /** Sentences shown above the policy. */
  readonly comments: readonly string[];
  /** `matchLabels` of `spec.podSelector`; `{}` selects every pod of the namespace. */
  readonly podSelector: Labels;
  /**
   * Default both. A policy a fix adds beside others names one direction only: selecting pods for
   * a direction they were not isolated in would deny everything else in that direction.
   */
  readonly policyTypes?: readonly PolicyType[];
  readonly ingress: readonly GeneratedRule[];
  readonly egress: readonly GeneratedRule[];
}

export type PolicyType = 'Ingress' | 'Egress';

/** One ingress or egress rule: any of `peers`, on any of `ports`. */
export interface GeneratedRule {
  /** The evidence for the rule, one sentence each, e.g. `frontend calls cartservice:7070 (CART_SERVICE_ADDR)`. */
  readonly comments: readonly string[];
  readonly peers: readonly GeneratedPeer[];
  /** Never empty: every rule names its ports (an empty list would mean every port). */
  readonly ports: readonly GeneratedPort[];
}

export type GeneratedPeer =
  /**
   * Pods: `namespaceSelector` undefined = the policy's own namespace, `{}` = every namespace;
   * `podSelector` undefined = every pod of the selected namespaces. Both set: both must match.
   */
  | { readonly kind: 'pods'; readonly podSelector?: Labels; readonly namespaceSelector?: Labels }
  /** Addresses outside the cluster. */
  | { readonly kind: 'ipBlock'; readonly cidr: string };

export interface GeneratedPort {
  readonly protocol: Protocol;
  readonly port: number;
}
