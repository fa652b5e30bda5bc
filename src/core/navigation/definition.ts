import type { Analysis } from '../analysis';
import { asArray, field, type K8sObject } from '../model/k8sObject';
import { objectAt } from '../model/objectAt';
import { rangeContains, type SourceRange } from '../model/sourceRange';
import type { Workload } from '../model/workspaceModel';
import { readNetworkPolicy } from '../policy/networkPolicy';
import { referenceAt } from './referenceAt';

/** Where a definition request lands: `range` is shown in a peek, `selection` is selected. */
export interface NavigationTarget {
  readonly range: SourceRange;
  readonly selection: SourceRange;
}

/** What a "Go to Definition" at a position resolves to. */
export interface Definition {
  /** The text that was resolved (the env value, the backend name, the selector). */
  readonly origin: SourceRange;
  readonly targets: readonly NavigationTarget[];
}

/**
 * Go to definition in a manifest:
 * - from a value that implies a call (env, arg, command, ConfigMap value) or a backend (Ingress
 *   `service.name`, Route `to.name`, Gateway API `backendRefs[].name`, VirtualService
 *   `destination.host`) to the Service's `metadata.name`;
 * - from a Service's `selector` (or a NetworkPolicy's `podSelector`) to the pod template labels
 *   of the workloads it selects;
 * - from a Service port's `targetPort` to the container ports it ends on.
 */
export function definitionAt(analysis: Analysis, file: string, offset: number): Definition | undefined {
  const object = objectAt(analysis.model, file, offset);
  if (!object) return undefined;
  const reference = referenceAt(analysis, object, offset);
  if (reference) {
    const services =
      reference.kind === 'call' || reference.kind === 'backend'
        ? [
            ...reference.edges.map((edge) => analysis.model.byId.get(edge.to)),
            reference.kind === 'backend' ? reference.ref?.service : undefined,
          ]
        : [];
    const targets = unique(services).map(serviceTarget);
    return targets.length > 0 ? { origin: reference.range, targets } : undefined;
  }
  if (object.kind === 'Service') return serviceDefinition(analysis, object, offset);
  if (object.kind === 'NetworkPolicy') {
    const selector = object.locate(['spec', 'podSelector']);
    if (!selector || !rangeContains(selector, offset)) return undefined;
    const policy = readNetworkPolicy(object);
    const selected = analysis.model.workloadIndex.select(policy.namespace, policy.podSelector);
    return withTargets(selector, selected.map(labelsTarget));
  }
  return undefined;
}

function serviceDefinition(analysis: Analysis, service: K8sObject, offset: number): Definition | undefined {
  const selection = analysis.graph.context.selected(service);
  const selector = service.locate(['spec', 'selector']);
  if (selector && rangeContains(selector, offset)) {
    return withTargets(
      selector,
      selection.map(({ workload }) => labelsTarget(workload)),
    );
  }
  const ports = asArray(field(service.body, 'spec', 'ports'));
  for (let index = 0; index < ports.length; index++) {
    const target = service.locate(['spec', 'ports', index, 'targetPort']);
    if (!target || !rangeContains(target, offset)) continue;
    const spec = analysis.graph.context.spec(service).ports.find((port) => port.index === index);
    if (!spec) return undefined;
    const targets = selection.flatMap(({ workload, ports: mappings }) => {
      const mapping = mappings.find(
        (candidate) => candidate.port === spec.port && candidate.protocol === spec.protocol,
      );
      if (mapping?.containerPort === undefined) return [];
      return containerPortTargets(workload, mapping.containerPort, spec.targetPort);
    });
    return withTargets(target, targets);
  }
  return undefined;
}

/** The `ports` entries of a workload's containers that a target port resolves to. */
function containerPortTargets(
  workload: Workload,
  number: number,
  written: number | string,
): NavigationTarget[] {
  const object = workload.object;
  return workload.template.containers.flatMap((container) => {
    if (container.init) return [];
    return container.ports.flatMap((port, index) => {
      const matches = typeof written === 'string' ? port.name === written : port.containerPort === number;
      if (!matches) return [];
      const range = object.locate([...container.path, 'ports', index]);
      return range
        ? [{ range, selection: object.locate([...container.path, 'ports', index, 'containerPort']) ?? range }]
        : [];
    });
  });
}

function labelsTarget(workload: Workload): NavigationTarget {
  const object = workload.object;
  const labels = object.locate([...workload.template.path, 'metadata', 'labels']);
  return { range: labels ?? object.range, selection: labels ?? object.nameRange };
}

export function serviceTarget(service: K8sObject): NavigationTarget {
  return { range: service.range, selection: service.nameRange };
}

function withTargets(origin: SourceRange, targets: readonly NavigationTarget[]): Definition | undefined {
  return targets.length > 0 ? { origin, targets } : undefined;
}

function unique(objects: readonly (K8sObject | undefined)[]): K8sObject[] {
  return [...new Set(objects.filter((object): object is K8sObject => object !== undefined))];
}
