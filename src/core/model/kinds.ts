// Which kinds run pods, and which kinds have no namespace. Everything else (including unknown
// custom resources) is treated as namespaced, as kubectl does for kinds it has no schema for.

/** Kinds whose pods the graph represents by the workload itself (docs/CLI.md "Ids"). */
export const WORKLOAD_KINDS: ReadonlySet<string> = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
  'Pod',
]);

/** Built-in and common cluster-scoped kinds: their ids are `Kind//name`. */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'StorageClass',
  'CSIDriver',
  'CSINode',
  'VolumeAttachment',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'APIService',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'PriorityClass',
  'RuntimeClass',
  'IngressClass',
  'GatewayClass',
  'CertificateSigningRequest',
  'FlowSchema',
  'PriorityLevelConfiguration',
  'AdminNetworkPolicy',
  'BaselineAdminNetworkPolicy',
  'CiliumClusterwideNetworkPolicy',
  'GlobalNetworkPolicy',
  'GlobalNetworkSet',
  'ClusterIssuer',
]);

export function isWorkloadKind(kind: string): boolean {
  return WORKLOAD_KINDS.has(kind);
}

export function isClusterScopedKind(kind: string): boolean {
  return CLUSTER_SCOPED_KINDS.has(kind);
}

/** The contract id of an object: `Kind/namespace/name`, or `Kind//name` when cluster-scoped. */
export function objectId(kind: string, namespace: string | null, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

/** The namespace part of an id (`''` for cluster-scoped objects and `external`). */
export function namespaceOfId(id: string): string {
  const first = id.indexOf('/');
  const second = id.indexOf('/', first + 1);
  return first === -1 || second === -1 ? '' : id.slice(first + 1, second);
}

/** Whether an id's namespace part (see namespaceOfId) is one of `namespaces`, without slicing it out. */
export function idInNamespaces(id: string, namespaces: readonly string[]): boolean {
  const first = id.indexOf('/');
  if (first === -1) return namespaces.includes('');
  const second = id.indexOf('/', first + 1);
  if (second === -1) return namespaces.includes('');
  for (const namespace of namespaces)
    if (second - first - 1 === namespace.length && id.startsWith(namespace, first + 1)) return true;
  return false;
}

/**
 * Kinds that more than one API group defines. Objects of the group listed here keep the plain
 * kind in their id; the same kind from another group is qualified as `Kind.group` (kubectl's
 * notation), so an Istio `Gateway` and a Gateway API `Gateway` of the same name never share an id.
 */
const PRIMARY_GROUPS: Readonly<Record<string, readonly string[]>> = {
  Service: [''],
  Pod: [''],
  ConfigMap: [''],
  Namespace: [''],
  ReplicationController: [''],
  Deployment: ['apps', 'extensions'],
  StatefulSet: ['apps'],
  DaemonSet: ['apps', 'extensions'],
  ReplicaSet: ['apps', 'extensions'],
  Job: ['batch'],
  CronJob: ['batch'],
  Ingress: ['networking.k8s.io', 'extensions'],
  NetworkPolicy: ['networking.k8s.io', 'extensions'],
  Gateway: ['gateway.networking.k8s.io'],
  Route: ['route.openshift.io'],
};

/** The API group of an apiVersion: `apps/v1` → `apps`, `v1` → `` (core). */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/** The kind as it appears in ids: plain, or `Kind.group` when another group owns the plain name. */
export function idKind(apiVersion: string, kind: string): string {
  const primary = PRIMARY_GROUPS[kind];
  const group = apiGroup(apiVersion);
  return primary === undefined || primary.includes(group) ? kind : `${kind}.${group}`;
}
