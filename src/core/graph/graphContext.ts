import type { K8sObject } from '../model/k8sObject';
import { readServiceSpec, type ServicePort, type ServiceSpec } from '../model/service';
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

  constructor(readonly model: WorkspaceModel) {}

  service(namespace: string, name: string): K8sObject | undefined {
    return this.model.byKindAndName('Service', namespace, name);
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
    let selection = this.selections.get(service.id);
    if (!selection) {
      const spec = this.spec(service);
      selection =
        spec.selector && service.namespace !== null
          ? this.model.workloadIndex.select(service.namespace, spec.selector).map((workload) => ({
              workload,
              ports: spec.ports.map((port) => resolveTargetPort(port, workload)),
            }))
          : [];
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
