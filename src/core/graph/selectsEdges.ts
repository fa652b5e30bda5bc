import type { Workload, WorkspaceModel } from '../model/workspaceModel';
import type { K8sObject } from '../model/k8sObject';
import { readServiceSpec, type ServicePort } from '../model/service';
import type { GraphEdge, PortMapping } from './graph';

/**
 * `selects` edges: each Service with a selector → every workload in its namespace whose pod
 * template labels match. A Service without a selector (endpoints managed by hand, ExternalName)
 * selects nothing, which is legitimate.
 */
export function selectsEdges(model: WorkspaceModel): GraphEdge[] {
  return model.services.flatMap((service) =>
    selectedWorkloads(model, service).map(({ workload, ports }) => ({
      from: service.id,
      to: workload.object.id,
      type: 'selects' as const,
      ports,
    })),
  );
}

export function selectedWorkloads(
  model: WorkspaceModel,
  service: K8sObject,
): { workload: Workload; ports: PortMapping[] }[] {
  const spec = readServiceSpec(service);
  if (!spec.selector || service.namespace === null) return [];
  return model.workloadIndex.select(service.namespace, spec.selector).map((workload) => ({
    workload,
    ports: spec.ports.map((port) => resolveTargetPort(port, workload)),
  }));
}

/** Service port → target port → container port on one workload (a named target is looked up on its containers). */
export function resolveTargetPort(port: ServicePort, workload: Workload): PortMapping {
  const base = { port: port.port, targetPort: port.targetPort, protocol: port.protocol };
  if (typeof port.targetPort === 'number') return { ...base, containerPort: port.targetPort };
  for (const container of workload.template.containers) {
    if (container.init) continue;
    const match = container.ports.find((candidate) => candidate.name === port.targetPort);
    if (match) return { ...base, containerPort: match.containerPort };
  }
  return base;
}
