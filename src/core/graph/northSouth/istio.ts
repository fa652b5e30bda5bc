import { asArray, asString, field, type K8sObject } from '../../model/k8sObject';
import { resolveHost } from '../eastWest/resolveHost';
import { ObjectEvidence } from '../evidence';
import type { GraphEdge } from '../graph';
import type { GraphContext } from '../graphContext';
import { backendEdge, exposesEdge } from './backendEdge';

/** The id kind of Istio's Gateway (the plain `Gateway` belongs to the Gateway API). */
export const ISTIO_GATEWAY_KIND = 'Gateway.networking.istio.io';

/**
 * Istio: `external` → Gateway (networking.istio.io) → each VirtualService bound to it through
 * `spec.gateways` → each destination Service. VirtualServices bound only to `mesh` route traffic
 * inside the mesh; they are not entry points and draw no north-south edge.
 */
export function istioEdges(context: GraphContext): GraphEdge[] {
  const edges: GraphEdge[] = context.model.ofKind(ISTIO_GATEWAY_KIND).map((gateway) => {
    const port = field(gateway.body, 'spec', 'servers', 0, 'port', 'number');
    return exposesEdge(
      gateway,
      ['spec', 'selector'],
      'Istio ingress gateway',
      typeof port === 'number' ? port : undefined,
    );
  });
  for (const virtualService of gatewayBoundVirtualServices(context)) {
    edges.push(...virtualService.gateways, ...destinationEdges(context, virtualService.object));
  }
  return edges;
}

/** VirtualServices attached to at least one Istio Gateway of the workspace, with those edges. */
export function gatewayBoundVirtualServices(
  context: GraphContext,
): { object: K8sObject; gateways: GraphEdge[] }[] {
  return context.model.ofKind('VirtualService').flatMap((object) => {
    const gateways = asArray(field(object.body, 'spec', 'gateways')).flatMap((reference, index) => {
      if (typeof reference !== 'string' || reference === 'mesh') return [];
      const [namespace, name] = reference.includes('/')
        ? reference.split('/', 2)
        : [object.namespace ?? '', reference];
      const gateway = context.model.byKindAndName(ISTIO_GATEWAY_KIND, namespace ?? '', name ?? '');
      if (!gateway) return [];
      return [
        {
          from: gateway.id,
          to: object.id,
          type: 'routes' as const,
          traffic: 'north-south' as const,
          evidence: [new ObjectEvidence(object, ['spec', 'gateways', index], `gateways: ${reference}`)],
        },
      ];
    });
    return gateways.length > 0 ? [{ object, gateways }] : [];
  });
}

function destinationEdges(context: GraphContext, virtualService: K8sObject): GraphEdge[] {
  const edges: GraphEdge[] = [];
  for (const protocol of ['http', 'tcp', 'tls'] as const) {
    asArray(field(virtualService.body, 'spec', protocol)).forEach((route, routeIndex) => {
      asArray(field(route, 'route')).forEach((destination, destinationIndex) => {
        const host = asString(field(destination, 'destination', 'host'));
        if (!host) return;
        const resolution = resolveHost(context, host.toLowerCase(), 'bare', virtualService.namespace ?? '');
        if (resolution.kind !== 'service') return;
        const service = resolution.service;
        const port = field(destination, 'destination', 'port', 'number');
        const edge = backendEdge(
          context,
          virtualService,
          {
            namespace: service.namespace ?? '',
            name: service.name,
            ...(typeof port === 'number' ? { port } : {}),
          },
          ['spec', protocol, routeIndex, 'route', destinationIndex, 'destination', 'host'],
          `destination ${host}${typeof port === 'number' ? `:${port}` : ''}`,
        );
        if (edge) edges.push(edge);
      });
    });
  }
  return edges;
}
