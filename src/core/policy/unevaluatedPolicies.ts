import type { K8sObject } from '../model/k8sObject';
import type { WorkspaceModel, Workload } from '../model/workspaceModel';

/**
 * Policy kinds of CNIs and newer APIs that also filter traffic but that this engine does not
 * evaluate. They are recognised and reported as "not evaluated" on every pod they may affect,
 * never silently ignored: a verdict on such a pod is only what the NetworkPolicies say.
 */
const UNEVALUATED_KINDS: readonly { readonly idKind: string; readonly clusterWide: boolean }[] = [
  { idKind: 'CiliumNetworkPolicy', clusterWide: false },
  { idKind: 'CiliumClusterwideNetworkPolicy', clusterWide: true },
  { idKind: 'NetworkPolicy.crd.projectcalico.org', clusterWide: false },
  { idKind: 'NetworkPolicy.projectcalico.org', clusterWide: false },
  { idKind: 'GlobalNetworkPolicy', clusterWide: true },
  { idKind: 'AdminNetworkPolicy', clusterWide: true },
  { idKind: 'BaselineAdminNetworkPolicy', clusterWide: true },
  { idKind: 'AuthorizationPolicy', clusterWide: false },
];

/** The id kinds above, for change detection. */
export const UNEVALUATED_ID_KINDS: ReadonlySet<string> = new Set(
  UNEVALUATED_KINDS.map((kind) => kind.idKind),
);

/** For a workload: the unevaluated policies that may select its pods (same namespace, or cluster-wide). */
export class UnevaluatedPolicies {
  private readonly byNamespace = new Map<string, K8sObject[]>();
  private readonly clusterWide: K8sObject[] = [];

  constructor(model: WorkspaceModel) {
    for (const { idKind, clusterWide } of UNEVALUATED_KINDS) {
      for (const object of model.ofKind(idKind)) {
        if (clusterWide || object.namespace === null) {
          this.clusterWide.push(object);
          continue;
        }
        const list = this.byNamespace.get(object.namespace);
        if (list) list.push(object);
        else this.byNamespace.set(object.namespace, [object]);
      }
    }
  }

  /** Ids of the policies of other kinds that may apply to this workload's pods. */
  affecting(workload: Workload): readonly string[] {
    const local = this.byNamespace.get(workload.object.namespace ?? '');
    // Asked for every edge and every pod it reaches; almost always about none.
    if (!local && this.clusterWide.length === 0) return NONE;
    return [...(local ?? []), ...this.clusterWide].map((object) => object.id);
  }

  get any(): boolean {
    return this.byNamespace.size > 0 || this.clusterWide.length > 0;
  }
}

const NONE: readonly string[] = [];
