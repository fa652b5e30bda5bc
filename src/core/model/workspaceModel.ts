import type { FileParse, ParsedObject } from '../parse/parsedFile';
import { LabelIndex } from '../select/labelIndex';
import type { K8sObject, NamespaceOrigin } from './k8sObject';
import { idKind, isClusterScopedKind, isWorkloadKind, objectId } from './kinds';
import { kustomizedNamespace, kustomizeNamespaces, type KustomizeNamespaces } from './kustomization';
import { collectNamespaces, type NamespaceInfo } from './namespaces';
import { PlacedObject } from './placedObject';
import { podTemplateOf, type PodTemplate } from './podTemplate';

export interface ModelOptions {
  /** Namespace of namespaced objects that declare none (setting / `--namespace`). */
  readonly defaultNamespace: string;
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
  readonly objects: readonly K8sObject[];
  /** By contract id. When two files define the same id, the first one read wins and both stay in `objects`. */
  readonly byId: ReadonlyMap<string, K8sObject>;
  /** Declared and used namespaces with their labels. */
  readonly namespaces: ReadonlyMap<string, NamespaceInfo>;
  readonly workloads: readonly Workload[];
  readonly workloadsById: ReadonlyMap<string, Workload>;
  /** Workloads by namespace and pod template labels. */
  readonly workloadIndex: LabelIndex<Workload>;
  readonly services: readonly K8sObject[];
  /** Objects of one kind by `namespace/name` (Service, ConfigMap, Gateway, ...); ids use idKind. */
  readonly byKindAndName: (idKindName: string, namespace: string, name: string) => K8sObject | undefined;
  /** Every object whose id kind is `kind`, in workspace order. */
  readonly ofKind: (kind: string) => readonly K8sObject[];
}

export function buildWorkspaceModel(files: readonly FileParse[], options: ModelOptions): WorkspaceModel {
  const kustomized = kustomizeNamespaces(files.flatMap((file) => file.objects));
  const objects = files.flatMap((file) =>
    file.objects.map((parsed) => placeObject(parsed, options, kustomized)),
  );
  const byId = new Map<string, K8sObject>();
  const byKind = new Map<string, K8sObject[]>();
  for (const object of objects) {
    if (byId.has(object.id)) continue;
    byId.set(object.id, object);
    const kind = object.id.slice(0, object.id.indexOf('/'));
    const list = byKind.get(kind);
    if (list) list.push(object);
    else byKind.set(kind, [object]);
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
    const template = podTemplateOf(object);
    if (!template) continue;
    const workload = { object, template };
    workloads.push(workload);
    workloadIndex.add(object.namespace, workload);
  }
  return {
    options,
    files,
    objects,
    byId,
    namespaces: collectNamespaces([...byId.values()]),
    workloads,
    workloadsById: new Map(workloads.map((workload) => [workload.object.id, workload])),
    workloadIndex,
    services: byKind.get('Service') ?? [],
    byKindAndName: (kind, namespace, name) => byId.get(objectId(kind, namespace, name)),
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
  return new PlacedObject(parsed, objectId(kind, namespace, parsed.name), namespace, namespaceOrigin);
}
