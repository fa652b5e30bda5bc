import { asArray, asString, field, type K8sObject } from '../model/k8sObject';
import { GATEWAY_ROUTE_KINDS, referenceGranted } from '../graph/northSouth/gatewayApi';
import { portReference } from '../graph/northSouth/backendEdge';
import type { GraphContext } from '../graph/graphContext';
import type { Finding } from './finding';
import { findingAt, listSome, relatedAt } from './findingAt';
import { describePorts } from './ingressMissingPort';
import type { Rule } from './rule';

/**
 * `route-missing-service`: a Gateway API route (HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, UDPRoute)
 * or an OpenShift Route sends traffic to a Service that does not exist, that lacks the port, or
 * (Gateway API) that lives in another namespace without a ReferenceGrant permitting it.
 */
export const routeMissingService: Rule = ({ model, graph }) => [
  ...GATEWAY_ROUTE_KINDS.flatMap((kind) =>
    model.ofKind(kind).flatMap((route) => gatewayRouteFindings(graph.context, route)),
  ),
  ...model.ofKind('Route').flatMap((route) => openshiftRouteFindings(graph.context, route)),
];

function gatewayRouteFindings(context: GraphContext, route: K8sObject): Finding[] {
  const findings: Finding[] = [];
  asArray(field(route.body, 'spec', 'rules')).forEach((rule, ruleIndex) => {
    asArray(field(rule, 'backendRefs')).forEach((ref, refIndex) => {
      const kind = asString(field(ref, 'kind')) ?? 'Service';
      const group = asString(field(ref, 'group')) ?? '';
      const name = asString(field(ref, 'name'));
      if (kind !== 'Service' || group !== '' || !name) return;
      const namespace = asString(field(ref, 'namespace')) ?? route.namespace ?? '';
      const path = ['spec', 'rules', ruleIndex, 'backendRefs', refIndex];
      const finding = backendProblem(
        context,
        route,
        namespace,
        name,
        portReference(field(ref, 'port')),
        [...path, 'name'],
        [...path, 'port'],
      );
      if (finding) {
        findings.push(finding);
      } else if (namespace !== route.namespace && !referenceGranted(context, route, namespace, name)) {
        findings.push(
          findingAt(
            'route-missing-service',
            route,
            [...path, 'namespace'],
            `${route.kind} '${route.name}' sends traffic to Service '${namespace}/${name}' in another namespace, but no ReferenceGrant in '${namespace}' allows ${route.kind}s from '${route.namespace ?? ''}' to reach it, so the Gateway refuses this backend.`,
          ),
        );
      }
    });
  });
  return findings;
}

function openshiftRouteFindings(context: GraphContext, route: K8sObject): Finding[] {
  const targets = [
    { value: field(route.body, 'spec', 'to'), path: ['spec', 'to'] },
    ...asArray(field(route.body, 'spec', 'alternateBackends')).map((value, index) => ({
      value,
      path: ['spec', 'alternateBackends', index],
    })),
  ];
  return targets.flatMap(({ value, path }) => {
    const name = asString(field(value, 'name'));
    if (!name || (asString(field(value, 'kind')) ?? 'Service') !== 'Service') return [];
    const finding = backendProblem(
      context,
      route,
      route.namespace ?? '',
      name,
      undefined,
      [...path, 'name'],
      [],
    );
    return finding ? [finding] : [];
  });
}

/** The finding for a backend naming a missing Service or a missing port, if any. */
function backendProblem(
  context: GraphContext,
  route: K8sObject,
  namespace: string,
  name: string,
  port: number | string | undefined,
  namePath: readonly (string | number)[],
  portPath: readonly (string | number)[],
): Finding | undefined {
  const service = context.service(namespace, name);
  if (!service) {
    const existing = context.model.services
      .filter((candidate) => candidate.namespace === namespace)
      .map((candidate) => candidate.name);
    return findingAt(
      'route-missing-service',
      route,
      namePath,
      `${route.kind} '${route.name}' sends traffic to Service '${name}', which does not exist in namespace '${namespace}'. Services there: ${listSome(existing)}.`,
    );
  }
  // An ExternalName Service is only a DNS alias: its ports are informational, and the Gateway
  // connects to the backendRef's port number on the external name. Only a port name must resolve.
  const externalPort = typeof port === 'number' && context.spec(service).type === 'ExternalName';
  if (port !== undefined && !externalPort && !context.servicePort(service, port)) {
    return findingAt(
      'route-missing-service',
      route,
      portPath,
      `Service '${name}' has no port ${port}; it exposes ${describePorts(context.spec(service).ports)}.`,
      { related: [relatedAt(service, ['spec', 'ports'], `ports of Service '${name}'`)] },
    );
  }
  return undefined;
}
