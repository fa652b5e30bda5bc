import { ObjectList } from './objectList';
import type { FileParse, ParsedObject } from '../parse/parsedFile';
import { LabelIndex } from '../select/labelIndex';
import type { K8sObject, NamespaceOrigin } from './k8sObject';
import { idKind, isClusterScopedKind, isWorkloadKind, objectId } from './kinds';
import { kustomizedNamespace, kustomizeNamespaces, type KustomizeNamespaces } from './kustomization';
import { collectNamespaces, type NamespaceInfo } from './namespaces';
import { patchModel } from './incrementalModel';
import { PlacedObject } from './placedObject';
import { podTemplateOf, type PodTemplate } from './podTemplate';

export interface ModelOptions {
  /** Namespace of namespaced objects that declare none (setting / `--namespace`). */
  readonly defaultNamespace: string;
  /**
   * True when no incremental analysis will follow (the CLI): results are not tracked for reuse,
   * which saves the time and memory of recording what each one depended on.
   */
  readonly oneShot?: boolean;
  /** Where the Ingress controller runs: `NS[/key=value,...]`; unset = unknown (setting / `--ingress-controller`). */
  readonly ingressController?: string;
}

/** A workload with its pod template read once. */
export interface Workload {
  readonly object: K8sObject;
  readonly template: PodTemplate;
}

/** Every object of the workspace, placed in namespaces, with the indexes the graph needs. */
export interface WorkspaceModel {
  readonly options: ModelOptions;
  readonly files: readonly FileParse[];
  /** The files of `files` with documents that do not parse, in the same order. */
  readonly filesWithProblems: readonly FileParse[];
  readonly objects: readonly K8sObject[];
  /** `objects`, made on first read after an edit (see ObjectList), and its length. */
  readonly objectList: ObjectList;
  /** By contract id. When two files define the same id, the first one read wins and both stay in `objects`. */
  readonly byId: ReadonlyMap<string, K8sObject>;
  /** Declared and used namespaces with their labels. */
  readonly namespaces: ReadonlyMap<string, NamespaceInfo>;
  readonly workloads: readonly Workload[];
  /** The objects of `workloads`, at the same positions. */
  readonly workloadObjects: readonly K8sObject[];
  readonly workloadsById: ReadonlyMap<string, Workload>;
  /** Workloads by namespace and pod template labels. */
  readonly workloadIndex: LabelIndex<Workload>;
  readonly services: readonly K8sObject[];
  /** Objects of one kind by `namespace/name` (Service, ConfigMap, Gateway, ...); ids use idKind. */
  readonly byKindAndName: (idKindName: string, namespace: string, name: string) => K8sObject | undefined;
  /** Every object whose id kind is `kind`, in workspace order. */
  readonly ofKind: (kind: string) => readonly K8sObject[];
  /** id kind → namespace → name → object (behind byKindAndName). */
  readonly byName: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, K8sObject>>>;
  /** id kind → objects in workspace order (behind ofKind). */
  readonly byKind: ReadonlyMap<string, readonly K8sObject[]>;
  /** Placed objects by their parse, for the next build to reuse. */
  readonly placedByParse: ReadonlyMap<ParsedObject, K8sObject>;
  /**
   * Where each file's objects start in `objects` (which lists every file's objects in file order):
   * an edit that replaced objects in place finds their positions here, not by a scan.
   */
  readonly fileStarts: Int32Array;
  /** The namespaces kustomizations assign, for the next build to place edited objects the same way. */
  readonly kustomized?: KustomizeNamespaces;
  /** What changed since the previous model of the same workspace; undefined for a first build. */
  readonly changes: ModelChanges | undefined;
}

/** The difference to the previous model, which lets the graph reuse what an edit cannot affect. */
export interface ModelChanges {
  /** Ids whose object was added, removed or replaced. */
  readonly ids: ReadonlySet<string>;
  /**
   * The ids among `ids` whose content may differ: replaced objects with the same body (re-parsed
   * because something else in their file changed) are left out. Only for results that read
   * nothing but bodies (NetworkPolicy verdicts), never for ranges.
   */
  readonly contentIds: ReadonlySet<string>;
  /** Namespaces in which a workload was added, removed or replaced (their selections may differ). */
  readonly workloadNamespaces: ReadonlySet<string>;
  /**
   * The namespaces of `workloadNamespaces` where a workload was added or removed, or changed its
   * pod labels or container ports (samePodFacts): where NetworkPolicy verdicts may differ.
   */
  readonly relabeledNamespaces: ReadonlySet<string>;
  /** Whether the set of namespaces or any namespace's labels changed. */
  readonly namespaces: boolean;
  /**
   * The namespaces of every object in `ids` (before and after; '' for cluster-scoped ones), which
   * include `workloadNamespaces`. A result that consulted nothing in these namespaces is still
   * valid (unless `namespaces` is set and it asked about namespaces): the cheap first check that
   * lets an edit skip the ids of every unaffected result.
   */
  readonly changedNamespaces: ReadonlySet<string>;
}

/**
 * Places every parsed object and indexes the result. With the previous model of the same
 * workspace, objects whose parse and placement did not change keep their identity, so caches
 * keyed by object (pod templates, container sources, located ranges) survive an edit.
 */
export function buildWorkspaceModel(
  files: readonly FileParse[],
  options: ModelOptions,
  previous?: WorkspaceModel,
): WorkspaceModel {
  if (previous) {
    const noKustomizations: KustomizeNamespaces = { files: new Map(), folders: [] };
    const kustomizedBefore = previous.kustomized ?? noKustomizations;
    const patched = patchModel(
      previous,
      files,
      options,
      (parsed, reusable) => placeObject(parsed, options, kustomizedBefore, reusable),
      workloadOf,
    );
    if (patched) return patched;
  }
  const kustomized = kustomizeNamespaces(files.flatMap((file) => file.objects));
  const reusable = previous?.placedByParse;
  const placedByParse = new Map<ParsedObject, K8sObject>();
  const objects = files.flatMap((file) =>
    file.objects.map((parsed) => {
      const placed = placeObject(parsed, options, kustomized, reusable?.get(parsed));
      placedByParse.set(parsed, placed);
      return placed;
    }),
  );
  const byId = new Map<string, K8sObject>();
  const byKind = new Map<string, K8sObject[]>();
  /** kind → namespace → name → object: lookups by name without building an id string. */
  const byName = new Map<string, Map<string, Map<string, K8sObject>>>();
  for (const object of objects) {
    if (byId.has(object.id)) continue;
    byId.set(object.id, object);
    const kind = object.id.slice(0, object.id.indexOf('/'));
    const list = byKind.get(kind);
    if (list) list.push(object);
    else byKind.set(kind, [object]);
    let namespaces = byName.get(kind);
    if (!namespaces) byName.set(kind, (namespaces = new Map<string, Map<string, K8sObject>>()));
    const namespace = object.namespace ?? '';
    let names = namespaces.get(namespace);
    if (!names) namespaces.set(namespace, (names = new Map<string, K8sObject>()));
    names.set(object.name, object);
  }
  const workloadIndex = new LabelIndex<Workload>((workload) => workload.template.labels);
  const workloads: Workload[] = [];
  for (const object of byId.values()) {
    if (
      !isWorkloadKind(object.kind) ||
      object.namespace === null ||
      idKind(object.apiVersion, object.kind) !== object.kind
    ) {
      continue;
    }
    const workload = workloadOf(object);
    if (!workload) continue;
    workloads.push(workload);
    workloadIndex.add(object.namespace, workload);
  }
  const namespaces = collectNamespaces([...byId.values()]);
  return {
    options,
    // A copy: callers may reuse and change their array for the next analysis.
    files: [...files],
    filesWithProblems: files.filter((file) => file.syntaxProblems.length > 0),
    objects,
    objectList: ObjectList.of(objects),
    placedByParse,
    fileStarts: fileStartsOf(files),
    kustomized,
    changes:
      previous && sameOptions(previous.options, options) ? diff(previous, byId, namespaces) : undefined,
    byId,
    namespaces,
    workloads,
    workloadObjects: workloads.map((workload) => workload.object),
    workloadsById: new Map(workloads.map((workload) => [workload.object.id, workload])),
    workloadIndex,
    services: byKind.get('Service') ?? [],
    byName,
    byKind,
    byKindAndName: (kind, namespace, name) => byName.get(kind)?.get(namespace)?.get(name),
    ofKind: (kind) => byKind.get(kind) ?? [],
  };
}

/**
 * Places a parsed object: decides its namespace (kustomization, declared, or the default) and
 * its id.
 */
function placeObject(
  parsed: ParsedObject,
  options: ModelOptions,
  kustomized: KustomizeNamespaces,
  previous: K8sObject | undefined,
): K8sObject {
  const kind = idKind(parsed.apiVersion, parsed.kind);
  let namespace: string | null;
  let namespaceOrigin: NamespaceOrigin;
  if (isClusterScopedKind(parsed.kind)) {
    namespace = null;
    namespaceOrigin = 'cluster-scoped';
  } else {
    const fromKustomization =
      parsed.kind === 'Kustomization' ? undefined : kustomizedNamespace(kustomized, parsed.file);
    if (fromKustomization !== undefined) {
      namespace = fromKustomization;
      namespaceOrigin = 'kustomization';
    } else if (parsed.declaredNamespace !== undefined) {
      namespace = parsed.declaredNamespace;
      namespaceOrigin = 'declared';
    } else {
      namespace = options.defaultNamespace;
      namespaceOrigin = 'default';
    }
  }
  if (previous && previous.namespace === namespace && previous.namespaceOrigin === namespaceOrigin)
    return previous;
  return new PlacedObject(parsed, objectId(kind, namespace, parsed.name), namespace, namespaceOrigin);
}

function sameOptions(a: ModelOptions, b: ModelOptions): boolean {
  return a.defaultNamespace === b.defaultNamespace && a.ingressController === b.ingressController;
}

function diff(
  previous: WorkspaceModel,
  byId: ReadonlyMap<string, K8sObject>,
  namespaces: ReadonlyMap<string, NamespaceInfo>,
): ModelChanges {
  const ids = new Set<string>();
  const workloadNamespaces = new Set<string>();
  const changedNamespaces = new Set<string>();
  const note = (object: K8sObject) => {
    ids.add(object.id);
    changedNamespaces.add(object.namespace ?? '');
    if (isWorkloadKind(object.kind) && object.namespace !== null) workloadNamespaces.add(object.namespace);
  };
  for (const [id, object] of byId) {
    const before = previous.byId.get(id);
    if (before === object) continue;
    note(object);
    if (before) note(before);
  }
  for (const [id, object] of previous.byId) if (!byId.has(id)) note(object);
  return {
    ids,
    contentIds: ids,
    workloadNamespaces,
    relabeledNamespaces: workloadNamespaces,
    namespaces: !sameNamespaces(previous.namespaces, namespaces),
    changedNamespaces,
  };
}

function sameNamespaces(
  a: ReadonlyMap<string, NamespaceInfo>,
  b: ReadonlyMap<string, NamespaceInfo>,
): boolean {
  if (a.size !== b.size) return false;
  for (const [name, info] of a) {
    const other = b.get(name);
    if (!other || other.object !== info.object) return false;
  }
  return true;
}

/** One wrapper per workload object, kept across analyses like the object itself. */
const workloadWrappers = new WeakMap<K8sObject, Workload | null>();

function workloadOf(object: K8sObject): Workload | undefined {
  let workload = workloadWrappers.get(object);
  if (workload === undefined) {
    const template = podTemplateOf(object);
    workload = template ? { object, template } : null;
    workloadWrappers.set(object, workload);
  }
  return workload ?? undefined;
}

function fileStartsOf(files: readonly FileParse[]): Int32Array {
  const starts = new Int32Array(files.length);
  let at = 0;
  for (let index = 0; index < files.length; index++) {
    starts[index] = at;
    at += files[index]!.objects.length;
  }
  return starts;
}
