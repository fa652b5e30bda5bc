import { asArray, asString, field, type K8sObject } from '../../model/k8sObject';
import type { GraphEdge } from '../graph';
import type { GraphContext, Memo } from '../graphContext';
import { backendEdge, exposesEdge, portReference } from './backendEdge';

/**
 * OpenShift Routes (route.openshift.io): `external` → Route → the Service of `spec.to` and of each
 * `alternateBackends` entry. `spec.port.targetPort` names the Service port by its name or target.
 */
export function openshiftRouteEdges(context: GraphContext): GraphEdge[] {
  return context.model
    .ofKind('Route')
    .flatMap((route) => context.memo(cache, route, () => edgesOf(context, route)));
}

const cache = new WeakMap<object, Memo<GraphEdge[]>>();

function edgesOf(context: GraphContext, route: K8sObject): GraphEdge[] {
  const host = asString(field(route.body, 'spec', 'host')) ?? route.name;
  const edges: GraphEdge[] = [exposesEdge(route, ['metadata', 'name'], `Route ${host}`)];
  const targets = [
    { value: field(route.body, 'spec', 'to'), path: ['spec', 'to', 'name'] },
    ...asArray(field(route.body, 'spec', 'alternateBackends')).map((value, index) => ({
      value,
      path: ['spec', 'alternateBackends', index, 'name'],
    })),
  ];
  for (const target of targets) {
    const name = asString(field(target.value, 'name'));
    const kind = asString(field(target.value, 'kind')) ?? 'Service';
    if (!name || kind !== 'Service') continue;
    const port = routeServicePort(context, route, name);
    const edge = backendEdge(
      context,
      route,
      { namespace: route.namespace ?? '', name, ...(port === undefined ? {} : { port }) },
      target.path,
      `${host} → ${name}`,
    );
    if (edge) edges.push(edge);
  }
  return edges;
}

/** The Service port a Route's `spec.port.targetPort` means: matched by port name, then by target port. */
function routeServicePort(
  context: GraphContext,
  route: K8sObject,
  serviceName: string,
): number | string | undefined {
  const reference = portReference(field(route.body, 'spec', 'port', 'targetPort'));
  const service = context.service(route.namespace ?? '', serviceName);
  if (reference === undefined || !service) return reference;
  const ports = context.spec(service).ports;
  const match =
    ports.find((port) => port.name === reference) ??
    ports.find((port) => port.targetPort === reference) ??
    ports.find((port) => port.port === reference);
  return match?.port ?? reference;
}
