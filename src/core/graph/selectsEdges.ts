import type { ServicePort } from '../model/service';
import { servesTraffic } from '../model/podTemplate';
import type { Workload } from '../model/workspaceModel';
import type { GraphEdge, PortMapping } from './graph';
import type { GraphContext, Memo } from './graphContext';
import { memoList, type ListResults } from './listMemo';

/**
 * `selects` edges: each Service with a selector → every workload in its namespace whose pod
 * template labels match. A Service without a selector (endpoints managed by hand, ExternalName)
 * selects nothing, which is legitimate.
 */
export function selectsEdges(
  context: GraphContext,
  previous: ListResults<GraphEdge[]> | undefined,
): ListResults<GraphEdge[]> {
  return memoList(context, cache, context.model.services, previous, (service) =>
    context.selected(service).map(({ workload, ports }) => ({
      from: service.id,
      to: workload.object.id,
      type: 'selects' as const,
      ports,
    })),
  );
}

const cache = new WeakMap<object, Memo<GraphEdge[]>>();

/**
 * Service port → target port → container port on one workload. A named target is looked up as
 * Kubernetes' FindPort does: a port with that name AND the Service port's protocol, on the app
 * containers first, then on the sidecars.
 */
export function resolveTargetPort(port: ServicePort, workload: Workload): PortMapping {
  // Literals, not a spread of a base object: V8 gave every spread copy a hidden class of its own.
  const mapping = (containerPort: number): PortMapping => ({
    port: port.port,
    targetPort: port.targetPort,
    protocol: port.protocol,
    containerPort,
  });
  if (typeof port.targetPort === 'number') return mapping(port.targetPort);
  const containers = workload.template.containers;
  for (const sidecars of [false, true]) {
    for (const container of containers) {
      if (container.init !== sidecars || !servesTraffic(container)) continue;
      const match = container.ports.find(
        (candidate) => candidate.name === port.targetPort && candidate.protocol === port.protocol,
      );
      if (match) return mapping(match.containerPort);
    }
  }
  return { port: port.port, targetPort: port.targetPort, protocol: port.protocol };
}
