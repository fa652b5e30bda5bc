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
