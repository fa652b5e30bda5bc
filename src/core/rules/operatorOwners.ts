import { apiGroup } from '../model/kinds';
import type { K8sObject } from '../model/k8sObject';
import type { WorkspaceModel } from '../model/workspaceModel';
import type { LabelSelector } from '../select/labelSelector';

/** API groups of Kubernetes itself: their kinds never stand in for pods created by an operator. */
const BUILT_IN_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'extensions',
  'policy',
  'autoscaling',
  'networking.k8s.io',
  'gateway.networking.k8s.io',
  'rbac.authorization.k8s.io',
  'storage.k8s.io',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'admissionregistration.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'scheduling.k8s.io',
  'node.k8s.io',
  'certificates.k8s.io',
  'kustomize.config.k8s.io',
]);

/**
 * Custom resources of the namespace that probably own the pods a selector looks for: operators
 * (Prometheus, Alertmanager, databases) create StatefulSets or pods from them, which manifests do
 * not contain. A resource counts when the selector names its kind (lower case) or its name.
 */
export function operatorOwners(
  model: WorkspaceModel,
  namespace: string,
  selector: LabelSelector,
): K8sObject[] {
  const values = new Set(Object.values(selector.matchLabels).map((value) => value.toLowerCase()));
  if (values.size === 0) return [];
  return model.objects.filter(
    (object) =>
      object.namespace === namespace &&
      !BUILT_IN_GROUPS.has(apiGroup(object.apiVersion)) &&
      (values.has(object.kind.toLowerCase()) || values.has(object.name.toLowerCase())),
  );
}
