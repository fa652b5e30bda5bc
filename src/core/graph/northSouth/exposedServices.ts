import type { GraphEdge } from '../graph';
import type { GraphContext } from '../graphContext';
import { exposesEdge } from './backendEdge';

/** Services of type LoadBalancer or NodePort are reachable from outside the cluster. */
export function exposedServiceEdges(context: GraphContext): GraphEdge[] {
  return context.model.services.flatMap((service) => {
    const spec = context.spec(service);
    if (spec.type !== 'LoadBalancer' && spec.type !== 'NodePort') return [];
    return [exposesEdge(service, ['spec', 'type'], `type: ${spec.type}`, spec.ports[0]?.port)];
  });
}
