import type { FileParse, ParsedObject } from '../parse/parsedFile';
import type { K8sObject } from './k8sObject';
import type { ModelOptions, Workload, WorkspaceModel } from './workspaceModel';
import { sameData } from '../util/sameData';

/**
 * The model after an edit that replaced objects without adding, removing or moving any (the
 * typical keystroke: a value changed), built by patching the previous model instead of indexing
 * every object again. Returns undefined whenever the edit is of another kind (ids added, removed
 * or reordered, a Namespace or Kustomization touched, duplicate ids involved, options changed):
 * the caller then builds from scratch. Both ways give the same model.
 */
export function patchModel(
  previous: WorkspaceModel,
  files: readonly FileParse[],
  options: ModelOptions,
  place: (parsed: ParsedObject, reusable: K8sObject | undefined) => K8sObject,
  workloadOf: (object: K8sObject) => Workload | undefined,
): WorkspaceModel | undefined {
  if (
    previous.options.defaultNamespace !== options.defaultNamespace ||
    previous.files.length !== files.length
  )
    return undefined;
  const replaced = new Map<K8sObject, K8sObject>();
  const placedByParse = new Map(previous.placedByParse);
  for (let index = 0; index < files.length; index++) {
    const before = previous.files[index];
    const after = files[index];
    if (!before || !after || before.file !== after.file) return undefined;
    if (before === after) continue;
    if (before.objects.length !== after.objects.length) return undefined;
    for (let i = 0; i < after.objects.length; i++) {
      const old = previous.placedByParse.get(before.objects[i]!);
      const parsed = after.objects[i]!;
      if (!old || !patchable(old) || !patchable(parsed)) return undefined;
      const placed = place(parsed, undefined);
      if (placed.id !== old.id || previous.byId.get(old.id) !== old) return undefined;
      placedByParse.delete(before.objects[i]!);
      placedByParse.set(parsed, placed);
      replaced.set(old, placed);
    }
  }
  if (replaced.size === 0 && files.every((file, index) => file === previous.files[index])) return undefined;

  const swap = (object: K8sObject) => replaced.get(object) ?? object;
  const byId = new Map(previous.byId);
  const touchedNamespaces = new Set<string>();
  for (const [old, placed] of replaced) {
    byId.set(placed.id, placed);
    if (workloadOf(old) || workloadOf(placed)) touchedNamespaces.add(placed.namespace ?? '');
  }
  const workloads = previous.workloads.map((workload) => {
    const object = replaced.get(workload.object);
    return object ? workloadOf(object) : workload;
  });
  if (workloads.some((workload) => workload === undefined)) return undefined;
  const kept = workloads as Workload[];
  const byNamespace = new Map<string, Workload[]>();
  for (const namespace of touchedNamespaces) byNamespace.set(namespace, []);
  for (const workload of kept) byNamespace.get(workload.object.namespace ?? '')?.push(workload);
  // Copy-on-write: only the maps and lists the replaced objects sit in are copied.
  const byName = new Map(previous.byName);
  const byKind = new Map(previous.byKind);
  const copiedKinds = new Set<string>();
  for (const placed of replaced.values()) {
    const kind = placed.id.slice(0, placed.id.indexOf('/'));
    const namespace = placed.namespace ?? '';
    if (!copiedKinds.has(kind)) {
      copiedKinds.add(kind);
      byName.set(kind, new Map(previous.byName.get(kind)));
      byKind.set(kind, (previous.byKind.get(kind) ?? []).map(swap));
    }
    const namespaces = byName.get(kind) as Map<string, ReadonlyMap<string, K8sObject>>;
    const names = new Map(namespaces.get(namespace));
    names.set(placed.name, placed);
    namespaces.set(namespace, names);
  }
  return {
    ...previous,
    files: [...files],
    objects: previous.objects.map(swap),
    placedByParse,
    changes: {
      ids: new Set([...replaced.values()].map((object) => object.id)),
      contentIds: new Set(
        [...replaced]
          .filter(([old, placed]) => !sameData(old.body, placed.body))
          .map(([, placed]) => placed.id),
      ),
      workloadNamespaces: touchedNamespaces,
      namespaces: false,
    },
    byId,
    workloads: kept,
    workloadsById: new Map(kept.map((workload) => [workload.object.id, workload])),
    workloadIndex: previous.workloadIndex.withNamespaces(byNamespace),
    services: byKind.get('Service') ?? [],
    byName,
    byKind,
    byKindAndName: (kind, namespace, name) => byName.get(kind)?.get(namespace)?.get(name),
    ofKind: (kind) => byKind.get(kind) ?? [],
  };
}

/** Kinds whose change re-places other objects or changes namespace labels: never patched. */
function patchable(object: { kind: string }): boolean {
  return object.kind !== 'Namespace' && object.kind !== 'Kustomization';
}
