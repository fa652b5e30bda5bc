import { readLabels, type Labels } from '../select/labelSelector';
import { field, type K8sObject } from './k8sObject';

/** The label every namespace carries automatically (Kubernetes ≥ 1.21). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export interface NamespaceInfo {
  readonly name: string;
  /** The `Namespace` object's labels plus `kubernetes.io/metadata.name`. */
  readonly labels: Labels;
  /** The `Namespace` object, when the manifests declare one. */
  readonly object?: K8sObject;
}

/**
 * Every namespace the workspace knows: declared by a `Namespace` object or used by an object.
 * Namespace selectors (NetworkPolicy peers, Gateway `allowedRoutes`) match these labels.
 */
export function collectNamespaces(objects: readonly K8sObject[]): Map<string, NamespaceInfo> {
  const namespaces = new Map<string, NamespaceInfo>();
  for (const object of objects) {
    if (object.kind === 'Namespace' && object.name !== '') {
      const labels = readLabels(field(object.body, 'metadata', 'labels')) ?? {};
      namespaces.set(object.name, {
        name: object.name,
        labels: { ...labels, [NAMESPACE_NAME_LABEL]: object.name },
        object,
      });
    }
  }
  for (const object of objects) {
    const name = object.namespace;
    if (name !== null && !namespaces.has(name)) {
      namespaces.set(name, { name, labels: { [NAMESPACE_NAME_LABEL]: name } });
    }
  }
  return namespaces;
}
