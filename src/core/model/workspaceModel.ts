import type { FileParse, ParsedObject } from '../parse/parsedFile';
import { LabelIndex } from '../select/labelIndex';
import type { K8sObject } from './k8sObject';
import { isClusterScopedKind, isWorkloadKind, objectId } from './kinds';
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
  readonly workloads: readonly Workload[];
  /** Workloads by namespace and pod template labels. */
  readonly workloadIndex: LabelIndex<Workload>;
  readonly services: readonly K8sObject[];
}

export function buildWorkspaceModel(files: readonly FileParse[], options: ModelOptions): WorkspaceModel {
  const objects = files.flatMap((file) => file.objects.map((parsed) => placeObject(parsed, options)));
  const byId = new Map<string, K8sObject>();
  for (const object of objects) if (!byId.has(object.id)) byId.set(object.id, object);
  const workloadIndex = new LabelIndex<Workload>((workload) => workload.template.labels);
  const workloads: Workload[] = [];
  const services: K8sObject[] = [];
  for (const object of byId.values()) {
    if (object.kind === 'Service') services.push(object);
    if (!isWorkloadKind(object.kind) || object.namespace === null) continue;
    const template = podTemplateOf(object);
    if (!template) continue;
    const workload = { object, template };
    workloads.push(workload);
    workloadIndex.add(object.namespace, workload);
  }
  return { options, files, objects, byId, workloads, workloadIndex, services };
}

function placeObject(parsed: ParsedObject, options: ModelOptions): K8sObject {
  if (isClusterScopedKind(parsed.kind)) {
    return {
      ...parsed,
      id: objectId(parsed.kind, null, parsed.name),
      namespace: null,
      namespaceOrigin: 'cluster-scoped',
    };
  }
  const declared = parsed.declaredNamespace;
  const namespace = declared ?? options.defaultNamespace;
  return {
    ...parsed,
    id: objectId(parsed.kind, namespace, parsed.name),
    namespace,
    namespaceOrigin: declared === undefined ? 'default' : 'declared',
  };
}
