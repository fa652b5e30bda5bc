import type { K8sObject } from '../model/k8sObject';
import { readServiceSpec, type ServicePort, type ServiceSpec } from '../model/service';
import { objectId } from '../model/kinds';
import { selectPods } from '../model/selectPods';
import type { Workload, WorkspaceModel } from '../model/workspaceModel';
import type { PortMapping } from './graph';
import { resolveTargetPort } from './selectsEdges';

export interface Selection {
  readonly workload: Workload;
  readonly ports: readonly PortMapping[];
}

/**
 * What every edge builder asks of the workspace while one graph is built, computed once:
 * Services by name, their specs, the workloads they select (through the label index).
 */
export class GraphContext {
  private readonly specs = new Map<string, ServiceSpec>();
  private readonly selections = new Map<string, readonly Selection[]>();
  private recording: Dependencies | undefined;

  private readonly previousSelections: ReadonlyMap<string, readonly Selection[]> | undefined;
  /** The model's changed namespaces as a list, checked against every memo after an edit. */
  private readonly changedNamespaces: readonly string[];

  /**
   * `previous`: the context of the analysis before an edit, whose selections may be reused (only
   * its selections are kept, so analyses do not chain each other in memory).
   */
  constructor(
    readonly model: WorkspaceModel,
    previous?: GraphContext,
  ) {
    this.previousSelections = previous?.selections;
    this.changedNamespaces = [...(model.changes?.changedNamespaces ?? [])];
  }

  service(namespace: string, name: string): K8sObject | undefined {
    if (this.recording) {
      this.recording.ids.add(objectId('Service', namespace, name));
      this.recording.spaces.add(namespace);
    }
    return this.model.byKindAndName('Service', namespace, name);
  }

  configMap(namespace: string, name: string): K8sObject | undefined {
    if (this.recording) {
      this.recording.ids.add(objectId('ConfigMap', namespace, name));
      this.recording.spaces.add(namespace);
    }
    return this.model.byKindAndName('ConfigMap', namespace, name);
  }

  hasNamespace(namespace: string): boolean {
    if (this.recording) this.recording.namespaces = true;
    return this.model.namespaces.has(namespace);
  }

  /**
   * Runs `work` and notes every Service, ConfigMap, selection and namespace it asked about, so a
   * result computed in an earlier analysis can be reused while those stay unchanged.
   */
  record<T>(work: () => T): { result: T; dependencies: Dependencies } {
    const outer = this.recording;
    const dependencies: Dependencies = {
      ids: new Set(),
      spaces: new Set(),
      selections: new Map(),
      namespaces: false,
    };
    this.recording = dependencies;
    try {
      return { result: work(), dependencies };
    } finally {
      this.recording = outer;
    }
  }

  /**
   * `compute()` for `object`, reused from an earlier analysis while the object is the same and
   * nothing it consulted changed (the model lists what an edit changed).
   */
  memo<T>(cache: WeakMap<object, Memo<T>>, object: object, compute: () => T): T {
    if (this.model.options.oneShot) return compute();
    const cached = cache.get(object);
    if (cached && this.stillValid(cached.dependencies)) {
      // The reuse depends on the same answers: an enclosing recording must see them too.
      this.merge(cached.dependencies);
      return cached.result;
    }
    const { result, dependencies } = this.record(compute);
    this.merge(dependencies);
    cache.set(object, { result, dependencies });
    return result;
  }

  private merge(dependencies: Dependencies): void {
    const outer = this.recording;
    if (!outer) return;
    for (const id of dependencies.ids) outer.ids.add(id);
    for (const space of dependencies.spaces) outer.spaces.add(space);
    for (const [id, consulted] of dependencies.selections) outer.selections.set(id, consulted);
    outer.namespaces ||= dependencies.namespaces;
  }

  /** Whether everything `dependencies` consulted is as it was when they were recorded. */
  private stillValid(dependencies: Dependencies): boolean {
    const changes = this.model.changes;
    if (!changes) return false;
    if (dependencies.namespaces && changes.namespaces) return false;
    // Most results consulted nothing in the namespaces an edit touched: valid without looking
    // at each id and selection (a selection changes only with its Service or a workload of its
    // namespace, both of which mark that namespace).
    if (!anyIn(this.changedNamespaces, dependencies.spaces)) return true;
    for (const id of dependencies.ids) if (changes.ids.has(id)) return false;
    // By key, not by entry: an entry is an array made for each step, and this runs for every
    // caller into an edited namespace on each keystroke.
    for (const id of dependencies.selections.keys()) {
      const { selection, namespace } = dependencies.selections.get(id)!;
      // Unchanged unless the Service or a workload of its namespace changed (as selectedOnce
      // carries selections over): most callers into an edited namespace call other Services too.
      if (!changes.ids.has(id) && !changes.workloadNamespaces.has(namespace)) continue;
      const service = this.model.byId.get(id);
      if (!service || this.selectedOnce(service) !== selection) return false;
    }
    return true;
  }

  spec(service: K8sObject): ServiceSpec {
    let spec = this.specs.get(service.id);
    if (!spec) {
      spec = readServiceSpec(service);
      this.specs.set(service.id, spec);
    }
    return spec;
  }

  /** The workloads a Service selects, with each port resolved on each of them. */
  selected(service: K8sObject): readonly Selection[] {
    const selection = this.selectedOnce(service);
    if (this.recording) {
      this.recording.selections.set(service.id, { selection, namespace: service.namespace ?? '' });
      this.recording.spaces.add(service.namespace ?? '');
    }
    return selection;
  }

  /**
   * Computed once per analysis, and carried over from the previous analysis (the same array)
   * when neither the Service nor any workload of its namespace changed.
   */
  private selectedOnce(service: K8sObject): readonly Selection[] {
    let selection = this.selections.get(service.id);
    const changes = this.model.changes;
    if (
      !selection &&
      this.previousSelections &&
      changes &&
      !changes.ids.has(service.id) &&
      !changes.workloadNamespaces.has(service.namespace ?? '')
    ) {
      selection = this.previousSelections.get(service.id);
      if (selection) this.selections.set(service.id, selection);
    }
    if (!selection) {
      const spec = this.spec(service);
      // The API ignores the selector of an ExternalName Service: it is a DNS alias, no endpoints.
      selection =
        spec.selector && spec.type !== 'ExternalName' && service.namespace !== null
          ? selectPods(this.model.workloadIndex, service.namespace, spec.selector).map((workload) => ({
              workload,
              ports: spec.ports.map((port) => resolveTargetPort(port, workload)),
            }))
          : [];
      // An equal selection keeps the previous array, so results that consulted it stay valid.
      const before = this.previousSelections?.get(service.id);
      if (before && sameSelection(before, selection)) selection = before;
      this.selections.set(service.id, selection);
    }
    return selection;
  }

  /** A Service port by number or by name. */
  servicePort(service: K8sObject, reference: number | string): ServicePort | undefined {
    const ports = this.spec(service).ports;
    return typeof reference === 'number'
      ? ports.find((port) => port.port === reference)
      : ports.find((port) => port.name === reference);
  }

  /** Where a Service port ends: the first selected workload's container port, else the targetPort as written. */
  targetPort(service: K8sObject, port: ServicePort): number | string {
    for (const { ports } of this.selected(service)) {
      const mapping = ports.find(
        (candidate) => candidate.port === port.port && candidate.protocol === port.protocol,
      );
      if (mapping?.containerPort !== undefined) return mapping.containerPort;
    }
    return port.targetPort;
  }
}

/** A result kept per object with what it depended on (see GraphContext.memo). */
export interface Memo<T> {
  readonly result: T;
  readonly dependencies: Dependencies;
}

/** What a computation asked of the workspace (see GraphContext.record). */
export interface Dependencies {
  /** Ids of the Services and ConfigMaps looked up, found or not. */
  readonly ids: Set<string>;
  /** The namespaces of `ids` and of the selections' Services. */
  readonly spaces: Set<string>;
  /** The selections consulted, by Service id: reuse needs the very same selection. */
  readonly selections: Map<string, { readonly selection: readonly Selection[]; readonly namespace: string }>;
  /** Whether it asked which namespaces exist. */
  namespaces: boolean;
}

/**
 * Whether any of `items` (an edit's few changed namespaces, as a list) is in `set`. Run for every
 * cached result after each edit: an indexed loop, since iterating a Set allocates an iterator and
 * cost more than the lookups (docs/PERFORMANCE.md).
 */
export function anyIn(items: readonly string[], set: ReadonlySet<string>): boolean {
  for (let i = 0; i < items.length; i++) if (set.has(items[i]!)) return true;
  return false;
}

/** Same workloads (by object) with the same container ports, in the same order. */
function sameSelection(a: readonly Selection[], b: readonly Selection[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y || x.workload.object !== y.workload.object || x.ports.length !== y.ports.length)
      return false;
    for (let j = 0; j < x.ports.length; j++) {
      const p = x.ports[j];
      const q = y.ports[j];
      if (
        !p ||
        !q ||
        p.port !== q.port ||
        p.targetPort !== q.targetPort ||
        p.containerPort !== q.containerPort
      )
        return false;
    }
  }
  return true;
}
