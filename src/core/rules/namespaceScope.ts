import type { K8sObject } from '../model/k8sObject';
import type { WorkspaceModel } from '../model/workspaceModel';
import { exceptObjects } from '../model/objectList';
import { UNEVALUATED_ID_KINDS } from '../policy/unevaluatedPolicies';

/**
 * The model as a namespace-local rule sees it when it runs for one namespace: the lists it
 * iterates (`objects`, `services`, `workloads`, `ofKind`) hold that namespace's objects only, while
 * lookups (by id, by name, the label index) still see the whole workspace. A rule whose findings
 * for a namespace depend only on that namespace's objects then finds exactly that namespace's
 * findings, and an edit elsewhere leaves them as they were.
 */
export function namespaceView(model: WorkspaceModel, namespace: string): WorkspaceModel {
  const inNamespace = (kind: string): readonly K8sObject[] => {
    const objects = model.byName.get(kind)?.get(namespace);
    return objects ? [...objects.values()] : [];
  };
  let objects: K8sObject[] | undefined;
  const workloads = model.workloadIndex.itemsIn(namespace);
  // Not the workspace's object list: reading it would make it (see ObjectList).
  const rest = exceptObjects(model);
  return {
    ...rest,
    get objects() {
      objects ??= [...model.byName.values()].flatMap((byNamespace) => [
        ...(byNamespace.get(namespace)?.values() ?? []),
      ]);
      return objects;
    },
    services: inNamespace('Service'),
    workloads,
    get workloadObjects() {
      return workloads.map((workload) => workload.object);
    },
    ofKind: inNamespace,
  };
}

/** Every namespace that holds an object of the workspace. */
export function namespacesOf(model: WorkspaceModel): Set<string> {
  const namespaces = new Set<string>();
  for (const byNamespace of model.byName.values())
    for (const namespace of byNamespace.keys()) if (namespace !== '') namespaces.add(namespace);
  return namespaces;
}

/**
 * The namespaces whose local findings may differ from the previous analysis: those of every object
 * an edit added, removed or replaced. 'all' for a first analysis, a change of namespaces, or of
 * anything cluster-wide (cluster-scoped objects, policies of kinds that may select any namespace).
 */
export function changedNamespaces(model: WorkspaceModel): ReadonlySet<string> | 'all' {
  const changes = model.changes;
  if (!changes || changes.namespaces) return 'all';
  const namespaces = new Set<string>();
  for (const id of changes.ids) {
    const [kind = '', namespace = ''] = id.split('/');
    if (namespace === '' || UNEVALUATED_ID_KINDS.has(kind)) return 'all';
    namespaces.add(namespace);
  }
  return namespaces;
}
