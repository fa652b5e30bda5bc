import type { FileParse, ParsedObject } from '../parse/parsedFile';
import type { K8sObject } from './k8sObject';
import type { ModelOptions, Workload, WorkspaceModel } from './workspaceModel';
import { samePodFacts } from './podTemplate';
import { OverlayMap } from '../util/overlayMap';
import { exceptObjects } from './objectList';
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
  /** Positions in `objects` of the replaced objects, with their replacements. */
  const replacedAt: [number, K8sObject][] = [];
  const parsesAdded: [ParsedObject, K8sObject][] = [];
  const parsesRemoved: ParsedObject[] = [];
  const filesBefore = previous.files;
  let problemsChanged = false;
  for (let index = 0; index < files.length; index++) {
    const before = filesBefore[index];
    const after = files[index];
    // Identity first: reading each unchanged parse's name touched 50,000 objects per keystroke.
    if (before === after) continue;
    if (!before || !after || before.file !== after.file) return undefined;
    if (before.syntaxProblems.length > 0 || after.syntaxProblems.length > 0) problemsChanged = true;
    if (before.objects.length !== after.objects.length) return undefined;
    for (let i = 0; i < after.objects.length; i++) {
      const old = previous.placedByParse.get(before.objects[i]!);
      const parsed = after.objects[i]!;
      if (!old || !patchable(old) || !patchable(parsed)) return undefined;
      const placed = place(parsed, undefined);
      if (placed.id !== old.id || previous.byId.get(old.id) !== old) return undefined;
      parsesRemoved.push(before.objects[i]!);
      parsesAdded.push([parsed, placed]);
      replaced.set(old, placed);
      replacedAt.push([previous.fileStarts[index]! + i, placed]);
    }
  }
  if (replaced.size === 0 && files.every((file, index) => file === previous.files[index])) return undefined;

  // Everything below costs what the edit replaced, not what the workspace holds: lists are
  // patched where the replaced objects sit, maps are overlays (OverlayMap).
  const touchedNamespaces = new Set<string>();
  const changedNamespaces = new Set<string>();
  const relabeledNamespaces = new Set<string>();
  const workloadsReplaced = new Map<Workload, Workload>();
  for (const [old, placed] of replaced) {
    changedNamespaces.add(old.namespace ?? '');
    changedNamespaces.add(placed.namespace ?? '');
    const before = previous.workloadsById.get(old.id);
    if (before?.object !== old) continue;
    const after = workloadOf(placed);
    // A workload that stops being one (its template went away) changes the lists: rebuild.
    if (!after) return undefined;
    workloadsReplaced.set(before, after);
    touchedNamespaces.add(placed.namespace ?? '');
    if (!samePodFacts(before.template, after.template)) relabeledNamespaces.add(placed.namespace ?? '');
  }
  const workloads = replacedIn(previous.workloads, workloadsReplaced);
  const workloadObjectsReplaced = new Map<K8sObject, K8sObject>();
  for (const [before, after] of workloadsReplaced) workloadObjectsReplaced.set(before.object, after.object);
  const workloadObjects = replacedIn(previous.workloadObjects, workloadObjectsReplaced);
  const byNamespace = new Map<string, Workload[]>();
  for (const namespace of touchedNamespaces)
    byNamespace.set(namespace, replacedIn(previous.workloadIndex.itemsIn(namespace), workloadsReplaced));
  const byName = new Map(previous.byName);
  const byKind = new Map(previous.byKind);
  const copiedKinds = new Set<string>();
  for (const placed of replaced.values()) {
    const kind = placed.id.slice(0, placed.id.indexOf('/'));
    const namespace = placed.namespace ?? '';
    if (!copiedKinds.has(kind)) {
      copiedKinds.add(kind);
      byName.set(kind, new Map(previous.byName.get(kind)));
      byKind.set(kind, replacedIn(previous.byKind.get(kind) ?? [], replaced));
    }
    const namespaces = byName.get(kind) as Map<string, ReadonlyMap<string, K8sObject>>;
    const names = new Map(namespaces.get(namespace));
    names.set(placed.name, placed);
    namespaces.set(namespace, names);
  }
  // Everything but the object list, which is not read here (reading it would make it).
  const unchanged = exceptObjects(previous);
  const objectList = previous.objectList.with(replacedAt);
  return {
    ...unchanged,
    get objects() {
      return objectList.list();
    },
    objectList,
    files: files.slice(),
    filesWithProblems: problemsChanged
      ? files.filter((file) => file.syntaxProblems.length > 0)
      : previous.filesWithProblems,
    placedByParse: OverlayMap.patch(previous.placedByParse, parsesAdded, parsesRemoved),
    changes: {
      ids: new Set([...replaced.values()].map((object) => object.id)),
      contentIds: new Set(
        [...replaced]
          .filter(([old, placed]) => !sameData(old.body, placed.body))
          .map(([, placed]) => placed.id),
      ),
      workloadNamespaces: touchedNamespaces,
      relabeledNamespaces,
      namespaces: false,
      changedNamespaces,
    },
    byId: OverlayMap.patch(
      previous.byId,
      [...replaced.values()].map((placed) => [placed.id, placed] as const),
    ),
    workloads,
    workloadObjects,
    workloadsById: OverlayMap.patch(
      previous.workloadsById,
      [...workloadsReplaced.values()].map((workload) => [workload.object.id, workload] as const),
    ),
    workloadIndex: previous.workloadIndex.withNamespaces(byNamespace),
    services: byKind.get('Service') ?? [],
    byName,
    byKind,
    byKindAndName: (kind, namespace, name) => byName.get(kind)?.get(namespace)?.get(name),
    ofKind: (kind) => byKind.get(kind) ?? [],
  };
}

/**
 * A copy of `list` with the replaced items swapped in place. Each is found by a scan for its
 * identity (a tight loop over pointers), not by a lookup per item of the list.
 */
function replacedIn<T>(list: readonly T[], replaced: ReadonlyMap<T, T>): T[] {
  const copy = list.slice();
  for (const [old, placed] of replaced) {
    const at = copy.indexOf(old);
    if (at !== -1) copy[at] = placed;
  }
  return copy;
}

/** Kinds whose change re-places other objects or changes namespace labels: never patched. */
function patchable(object: { kind: string }): boolean {
  return object.kind !== 'Namespace' && object.kind !== 'Kustomization';
}
