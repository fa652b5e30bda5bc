import { asArray, asString, field, type K8sObject } from '../../model/k8sObject';
import { matchesSelector, readLabelSelector } from '../../select/labelSelector';
import { ObjectEvidence } from '../evidence';
import type { GraphEdge } from '../graph';
import type { GraphContext, Memo } from '../graphContext';
import { backendEdge, exposesEdge, portReference } from './backendEdge';

const GATEWAY_GROUP = 'gateway.networking.k8s.io';
/** Route kinds of the Gateway API that attach to Gateways and forward to Services. */
export const GATEWAY_ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'] as const;

/**
 * Gateway API: `external` → Gateway → each route attached to it through `parentRefs` (when a
 * listener's `allowedRoutes` admits the route's namespace) → each `backendRefs` Service (a
 * Service in another namespace only with a ReferenceGrant there, as the API requires).
 */
export function gatewayApiEdges(context: GraphContext): GraphEdge[] {
  const edges: GraphEdge[] = context.model.ofKind('Gateway').map((gateway) => {
    const port = field(gateway.body, 'spec', 'listeners', 0, 'port');
    const className = asString(field(gateway.body, 'spec', 'gatewayClassName')) ?? '';
    return exposesEdge(
      gateway,
      ['spec', 'gatewayClassName'],
      `Gateway (class ${className})`,
      typeof port === 'number' ? port : undefined,
    );
  });
  for (const kind of GATEWAY_ROUTE_KINDS) {
    for (const route of context.model.ofKind(kind)) {
      edges.push(
        ...context.memo(cache, route, () => [
          ...parentEdges(context, route),
          ...backendEdges(context, route),
        ]),
      );
    }
  }
  return edges;
}

const cache = new WeakMap<object, Memo<GraphEdge[]>>();

function parentEdges(context: GraphContext, route: K8sObject): GraphEdge[] {
  return asArray(field(route.body, 'spec', 'parentRefs')).flatMap((ref, index) => {
    const group = asString(field(ref, 'group')) ?? GATEWAY_GROUP;
    const kind = asString(field(ref, 'kind')) ?? 'Gateway';
    const name = asString(field(ref, 'name'));
    if (group !== GATEWAY_GROUP || kind !== 'Gateway' || !name) return [];
    const namespace = asString(field(ref, 'namespace')) ?? route.namespace ?? '';
    const gateway = context.model.byKindAndName('Gateway', namespace, name);
    if (!gateway || !admitsRoute(context, gateway, route, asString(field(ref, 'sectionName')))) return [];
    return [
      {
        from: gateway.id,
        to: route.id,
        type: 'routes' as const,
        traffic: 'north-south' as const,
        evidence: [
          new ObjectEvidence(route, ['spec', 'parentRefs', index, 'name'], `parentRef ${namespace}/${name}`),
        ],
      },
    ];
  });
}

/** Whether some listener (the named one, if `sectionName` is given) admits routes from the route's namespace. */
function admitsRoute(
  context: GraphContext,
  gateway: K8sObject,
  route: K8sObject,
  sectionName: string | undefined,
): boolean {
  const listeners = asArray(field(gateway.body, 'spec', 'listeners')).filter(
    (listener) => sectionName === undefined || field(listener, 'name') === sectionName,
  );
  return listeners.some((listener) => {
    const from = asString(field(listener, 'allowedRoutes', 'namespaces', 'from')) ?? 'Same';
    if (from === 'All') return true;
    if (from === 'Same') return route.namespace === gateway.namespace;
    if (from === 'Selector') {
      const labels = context.model.namespaces.get(route.namespace ?? '')?.labels ?? {};
      return matchesSelector(
        readLabelSelector(field(listener, 'allowedRoutes', 'namespaces', 'selector')),
        labels,
      );
    }
    return false;
  });
}

function backendEdges(context: GraphContext, route: K8sObject): GraphEdge[] {
  const edges: GraphEdge[] = [];
  asArray(field(route.body, 'spec', 'rules')).forEach((rule, ruleIndex) => {
    asArray(field(rule, 'backendRefs')).forEach((ref, refIndex) => {
      const group = asString(field(ref, 'group')) ?? '';
      const kind = asString(field(ref, 'kind')) ?? 'Service';
      const name = asString(field(ref, 'name'));
      if (group !== '' || kind !== 'Service' || !name) return;
      const namespace = asString(field(ref, 'namespace')) ?? route.namespace ?? '';
      if (namespace !== route.namespace && !referenceGranted(context, route, namespace, name)) return;
      const port = portReference(field(ref, 'port'));
      const edge = backendEdge(
        context,
        route,
        { namespace, name, ...(port === undefined ? {} : { port }) },
        ['spec', 'rules', ruleIndex, 'backendRefs', refIndex, 'name'],
        `backendRef ${namespace}/${name}${port === undefined ? '' : `:${port}`}`,
      );
      if (edge) edges.push(edge);
    });
  });
  return edges;
}

/** A ReferenceGrant in the Service's namespace lets routes of this kind and namespace point at it. */
export function referenceGranted(
  context: GraphContext,
  route: K8sObject,
  namespace: string,
  serviceName: string,
): boolean {
  return context.model.ofKind('ReferenceGrant').some((grant) => {
    if (grant.namespace !== namespace) return false;
    const fromOk = asArray(field(grant.body, 'spec', 'from')).some(
      (from) =>
        field(from, 'group') === GATEWAY_GROUP &&
        field(from, 'kind') === route.kind &&
        field(from, 'namespace') === route.namespace,
    );
    const toOk = asArray(field(grant.body, 'spec', 'to')).some((to) => {
      const name = asString(field(to, 'name'));
      return (
        (asString(field(to, 'group')) ?? '') === '' &&
        field(to, 'kind') === 'Service' &&
        (name === undefined || name === serviceName)
      );
    });
    return fromOk && toOk;
  });
}
