import type { GraphEdge } from '../graph';
import type { GraphContext, Memo } from '../graphContext';
import { mergedEdges } from '../edgeCollector';
import { memoList, type ListResults } from '../listMemo';
import { exposesEdge } from './backendEdge';

/**
 * Services of type LoadBalancer or NodePort are reachable from outside the cluster: one `exposes`
 * edge per Service port, so each port gets its own NetworkPolicy verdict (a policy may admit
 * outside clients on 8080 and not on 8443).
 */
export function exposedServiceEdges(
  context: GraphContext,
  previous: ListResults<GraphEdge[]> | undefined,
): ListResults<GraphEdge[]> {
  return memoList(context, cache, context.model.services, previous, (service) => {
    const spec = context.spec(service);
    if (spec.type !== 'LoadBalancer' && spec.type !== 'NodePort') return [];
    const ports = spec.ports.length > 0 ? spec.ports.map((port) => port.port) : [undefined];
    // The same port number twice (TCP and UDP 53) is one edge.
    return mergedEdges(
      ports.map((port) => exposesEdge(service, ['spec', 'type'], `type: ${spec.type}`, port)),
    );
  });
}

const cache = new WeakMap<object, Memo<GraphEdge[]>>();
