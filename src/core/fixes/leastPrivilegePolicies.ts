import { NAMESPACE_NAME_LABEL } from '../model/namespaces';
import type { Workload } from '../model/workspaceModel';
import type { RuleContext } from '../rules/rule';
import { usesHostNetwork } from '../rules/workloadNotIsolated';
import { matchesSelector } from '../select/labelSelector';
import type { GeneratedPeer, GeneratedPolicy, GeneratedPort, GeneratedRule } from './generatedPolicy';
import { peerKey, trafficNeeds, type PeerNeed, type WorkloadNeeds } from './trafficNeeds';
import { workloadSelector, type WorkloadSelector } from './workloadSelector';

export interface PolicyOptions {
  /** The workloads to write a policy for (ids); default: every workload of the workspace. */
  readonly workloads?: readonly string[];
  /** Namespaces that also get a default-deny of ingress and egress, written before their workloads' policies. */
  readonly defaultDenyNamespaces?: readonly string[];
}

export interface GeneratedPolicies {
  /** In a fixed order: by namespace, its default-deny first, then by workload name and kind. */
  readonly policies: readonly GeneratedPolicy[];
  /** Workloads asked for that get no policy, and why. */
  readonly skipped: readonly { readonly workload: string; readonly reason: string }[];
}

/** Where cluster DNS runs, as the egress-blocks-dns rule looks for it. */
export const DNS_NAMESPACE = 'kube-system';
export const DNS_POD_LABELS = { 'k8s-app': 'kube-dns' } as const;
const DNS_PORTS: readonly GeneratedPort[] = [
  { protocol: 'UDP', port: 53 },
  { protocol: 'TCP', port: 53 },
];

/**
 * Least-privilege NetworkPolicies from the traffic the manifests imply. Per workload, one policy
 * selecting exactly its pods for Ingress and Egress: ingress only from its inferred callers on the
 * pod ports their calls arrive at, from outside the cluster where a LoadBalancer or NodePort exposes
 * it, from the Ingress controller where an Ingress or route reaches it; egress only to the pods
 * behind the Services it calls, plus DNS. Every rule carries the evidence that makes it necessary.
 */
export function generatePolicies(context: RuleContext, options: PolicyOptions = {}): GeneratedPolicies {
  const { model } = context;
  const needs = trafficNeeds(context);
  const selectors = new Map<Workload, WorkloadSelector>();
  const selectorOf = (workload: Workload) => {
    let selector = selectors.get(workload);
    if (!selector) selectors.set(workload, (selector = workloadSelector(model, workload)));
    return selector;
  };
  const wanted = options.workloads
    ? options.workloads.flatMap((id) => model.workloadsById.get(id) ?? [])
    : model.workloads;
  const names = new UniqueNames(context);
  const skipped: { workload: string; reason: string }[] = [];
  const byNamespace = new Map<string, { deny?: GeneratedPolicy; workloads: GeneratedPolicy[] }>();
  const entry = (namespace: string) => {
    let found = byNamespace.get(namespace);
    if (!found) byNamespace.set(namespace, (found = { workloads: [] }));
    return found;
  };
  for (const namespace of options.defaultDenyNamespaces ?? []) {
    entry(namespace).deny = defaultDeny(namespace, names.take(namespace, 'default-deny'));
  }
  for (const workload of [...new Set(wanted)].sort(byNamespaceAndName)) {
    const reason = skipReason(workload);
    if (reason) {
      skipped.push({ workload: workload.object.id, reason });
      continue;
    }
    const namespace = workload.object.namespace ?? '';
    const own = needs.get(workload.object.id) ?? { ingress: new Map(), egress: new Map(), notes: [] };
    const name = names.take(namespace, `${workload.object.name}-allow`);
    entry(namespace).workloads.push(workloadPolicy(context, workload, own, name, selectorOf));
  }
  const policies = [...byNamespace.entries()]
    .sort(([a], [b]) => compare(a, b))
    .flatMap(([, { deny, workloads }]) => (deny ? [deny, ...workloads] : workloads));
  return { policies, skipped };
}

/** "Isolate namespace": a default-deny for ingress and egress plus an allow policy per workload of it. */
export function isolateNamespace(context: RuleContext, namespace: string): GeneratedPolicies {
  const workloads = context.model.workloadIndex.itemsIn(namespace).map((workload) => workload.object.id);
  return generatePolicies(context, { workloads, defaultDenyNamespaces: [namespace] });
}

/** Why a workload gets no policy: NetworkPolicies cannot restrict it, or it serves every pod. */
export function skipReason(workload: Workload): string | undefined {
  if (usesHostNetwork(workload))
    return 'its pods run on the host network (hostNetwork: true), where NetworkPolicies do not apply';
  if (
    workload.object.namespace === DNS_NAMESPACE &&
    matchesSelector({ matchLabels: DNS_POD_LABELS, matchExpressions: [] }, workload.template.labels)
  )
    return 'it is the cluster DNS, which every pod must reach';
  return undefined;
}

function workloadPolicy(
  context: RuleContext,
  workload: Workload,
  needs: WorkloadNeeds,
  name: string,
  selectorOf: (workload: Workload) => WorkloadSelector,
): GeneratedPolicy {
  const namespace = workload.object.namespace ?? '';
  const selector = selectorOf(workload);
  const comments = [
    `${workload.object.kind} ${workload.object.name}: ingress only from what the manifests show calls it, egress only to what it calls and to DNS.`,
  ];
  if (Object.keys(selector.labels).length === 0)
    comments.push(
      `Its pods carry no labels, so this policy selects every pod of namespace ${namespace}: give them a label of their own.`,
    );
  else if (!selector.exact)
    comments.push(
      `No subset of its pod labels selects it alone: these also select ${selector.alsoSelects.join(', ')}. Give its pods a label of their own.`,
    );
  comments.push(...needs.notes);
  const ingress = sortedNeeds(needs.ingress).map((need) => ingressRule(context, need, namespace, selectorOf));
  const egress = sortedNeeds(needs.egress).map((need) => workloadRule(need, namespace, selectorOf));
  egress.push(dnsRule());
  return {
    name,
    namespace,
    workload: workload.object.id,
    comments,
    podSelector: selector.labels,
    ingress,
    egress,
  };
}

/** Egress to the cluster DNS: UDP and TCP 53 to kube-dns in kube-system. */
export function dnsRule(): GeneratedRule {
  return {
    comments: [`DNS: name lookups, Service names included, go to kube-dns in ${DNS_NAMESPACE}`],
    peers: [
      {
        kind: 'pods',
        namespaceSelector: { [NAMESPACE_NAME_LABEL]: DNS_NAMESPACE },
        podSelector: { ...DNS_POD_LABELS },
      },
    ],
    ports: DNS_PORTS,
  };
}

function ingressRule(
  context: RuleContext,
  need: PeerNeed,
  namespace: string,
  selectorOf: (workload: Workload) => WorkloadSelector,
): GeneratedRule {
  const ports = sortedPorts(need);
  switch (need.peer.kind) {
    case 'workload':
      return workloadRule(need, namespace, selectorOf);
    case 'external':
      // Both address families: an IPv4 block says nothing about IPv6 clients of a dual-stack cluster.
      return {
        comments: need.reasons,
        peers: [
          { kind: 'ipBlock', cidr: '0.0.0.0/0' },
          { kind: 'ipBlock', cidr: '::/0' },
        ],
        ports,
      };
    case 'ingress-controller': {
      const controller = context.graph.ingressController;
      if (!controller.known) {
        return {
          comments: [
            ...need.reasons,
            'The Ingress controller is unknown (set --ingress-controller or kubeTopology.ingressController), so pods of every namespace are admitted on these ports.',
          ],
          peers: [{ kind: 'pods', namespaceSelector: {} }],
          ports,
        };
      }
      const peer: GeneratedPeer = {
        kind: 'pods',
        namespaceSelector: { [NAMESPACE_NAME_LABEL]: controller.namespace },
        ...(Object.keys(controller.labels).length > 0 ? { podSelector: controller.labels } : {}),
      };
      return {
        comments: [...need.reasons, `The Ingress controller runs in namespace ${controller.namespace}.`],
        peers: [peer],
        ports,
      };
    }
  }
}

/** A rule for a workload peer: its selecting labels, in its namespace by name when that is not the policy's. */
function workloadRule(
  need: PeerNeed,
  namespace: string,
  selectorOf: (workload: Workload) => WorkloadSelector,
): GeneratedRule {
  if (need.peer.kind !== 'workload') throw new Error(`not a workload peer: ${peerKey(need.peer)}`);
  const peer = need.peer.workload;
  const peerNamespace = peer.object.namespace ?? '';
  const selector = selectorOf(peer);
  const comments = [...need.reasons];
  if (Object.keys(selector.labels).length === 0)
    comments.push(
      `${peer.object.name}'s pods carry no labels: every pod of namespace ${peerNamespace} matches this rule.`,
    );
  else if (!selector.exact) comments.push(`These labels also select ${selector.alsoSelects.join(', ')}.`);
  return {
    comments,
    peers: [
      {
        kind: 'pods',
        podSelector: selector.labels,
        ...(peerNamespace === namespace
          ? {}
          : { namespaceSelector: { [NAMESPACE_NAME_LABEL]: peerNamespace } }),
      },
    ],
    ports: sortedPorts(need),
  };
}

function defaultDeny(namespace: string, name: string): GeneratedPolicy {
  return {
    name,
    namespace,
    comments: [
      `Default deny for namespace ${namespace}: every pod is isolated for ingress and egress, so only what the policies after it allow gets through.`,
    ],
    podSelector: {},
    ingress: [],
    egress: [],
  };
}

/** Workload peers by namespace and name, then outside clients, then the Ingress controller. */
function sortedNeeds(needs: ReadonlyMap<string, PeerNeed>): PeerNeed[] {
  const order = (need: PeerNeed) =>
    need.peer.kind === 'workload' ? 0 : need.peer.kind === 'external' ? 1 : 2;
  return [...needs.values()].sort(
    (a, b) =>
      order(a) - order(b) ||
      (a.peer.kind === 'workload' && b.peer.kind === 'workload'
        ? byNamespaceAndName(a.peer.workload, b.peer.workload)
        : 0),
  );
}

function sortedPorts(need: PeerNeed): GeneratedPort[] {
  return [...need.ports.values()].sort((a, b) => a.port - b.port || compare(a.protocol, b.protocol));
}

function byNamespaceAndName(a: Workload, b: Workload): number {
  return (
    compare(a.object.namespace ?? '', b.object.namespace ?? '') ||
    compare(a.object.name, b.object.name) ||
    compare(a.object.kind, b.object.kind)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Policy names not used by any NetworkPolicy of the namespace, nor by one written earlier in this run. */
export class UniqueNames {
  private readonly taken = new Set<string>();

  constructor(private readonly context: RuleContext) {}

  take(namespace: string, base: string): string {
    for (let attempt = 1; ; attempt++) {
      const name = attempt === 1 ? base : `${base}-${attempt}`;
      const key = `${namespace}/${name}`;
      if (this.taken.has(key) || this.context.model.byKindAndName('NetworkPolicy', namespace, name)) continue;
      this.taken.add(key);
      return name;
    }
  }
}
