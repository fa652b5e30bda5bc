import type { Analysis } from '../analysis';
import { resolveHost } from '../graph/eastWest/resolveHost';
import { GATEWAY_ROUTE_KINDS, referenceGranted } from '../graph/northSouth/gatewayApi';
import { ingressBackends } from '../graph/northSouth/ingresses';
import { asArray, asString, field, type K8sObject } from '../model/k8sObject';
import type { PathSegment } from '../parse/yamlNodes';

/** Id kinds whose objects name Services as backends (the `routes` edges into Services). */
export const BACKEND_KINDS: ReadonlySet<string> = new Set([
  'Ingress',
  'Route',
  ...GATEWAY_ROUTE_KINDS,
  'VirtualService',
]);

/** One place where an entry object names a Service it forwards to, resolved or not. */
export interface BackendRef {
  readonly entry: K8sObject;
  /** Path of the value that names the Service (`service.name`, `to.name`, `backendRefs[i].name`, `destination.host`). */
  readonly namePath: readonly PathSegment[];
  /** The name or host as written. */
  readonly written: string;
  /** The port as written, if any. */
  readonly port?: number | string;
  /** The Service it names, when the workspace has it. */
  readonly service?: K8sObject;
  /** Why this reference draws no edge to a Service, for people (absent when nothing is wrong). */
  readonly problem?: string;
}

/**
 * Every Service backend an entry object names, read the way the north-south edge builders read
 * them, with the Service looked up. Used where the graph holds no edge: a missing Service, a
 * cross-namespace reference without a ReferenceGrant, a VirtualService not bound to a Gateway.
 */
export function backendRefs(analysis: Analysis, entry: K8sObject): BackendRef[] {
  const kind = entry.id.slice(0, entry.id.indexOf('/'));
  const namespace = entry.namespace ?? '';
  if (kind === 'Ingress') {
    return ingressBackends(entry).map((backend) =>
      named(analysis, entry, backend.namePath, namespace, backend.serviceName, backend.port),
    );
  }
  if (kind === 'Route') {
    const targets: { value: unknown; path: PathSegment[] }[] = [
      { value: field(entry.body, 'spec', 'to'), path: ['spec', 'to', 'name'] },
      ...asArray(field(entry.body, 'spec', 'alternateBackends')).map((value, index) => ({
        value,
        path: ['spec', 'alternateBackends', index, 'name'],
      })),
    ];
    return targets.flatMap(({ value, path }) => {
      const name = asString(field(value, 'name'));
      if (!name || (asString(field(value, 'kind')) ?? 'Service') !== 'Service') return [];
      return [named(analysis, entry, path, namespace, name, undefined)];
    });
  }
  if ((GATEWAY_ROUTE_KINDS as readonly string[]).includes(kind)) return gatewayRefs(analysis, entry);
  if (kind === 'VirtualService') return virtualServiceRefs(analysis, entry);
  return [];
}

function named(
  analysis: Analysis,
  entry: K8sObject,
  namePath: readonly PathSegment[],
  namespace: string,
  name: string,
  port: number | string | undefined,
): BackendRef {
  const service = analysis.model.byKindAndName('Service', namespace, name);
  return {
    entry,
    namePath,
    written: name,
    ...(port === undefined ? {} : { port }),
    ...(service ? { service } : { problem: `no Service '${name}' in namespace '${namespace}'` }),
  };
}

function gatewayRefs(analysis: Analysis, route: K8sObject): BackendRef[] {
  const refs: BackendRef[] = [];
  asArray(field(route.body, 'spec', 'rules')).forEach((rule, ruleIndex) => {
    asArray(field(rule, 'backendRefs')).forEach((ref, refIndex) => {
      const name = asString(field(ref, 'name'));
      const group = asString(field(ref, 'group')) ?? '';
      const kind = asString(field(ref, 'kind')) ?? 'Service';
      if (!name || group !== '' || kind !== 'Service') return;
      const namespace = asString(field(ref, 'namespace')) ?? route.namespace ?? '';
      const rawPort = field(ref, 'port');
      const port = typeof rawPort === 'number' || typeof rawPort === 'string' ? rawPort : undefined;
      const found = named(
        analysis,
        route,
        ['spec', 'rules', ruleIndex, 'backendRefs', refIndex, 'name'],
        namespace,
        name,
        port,
      );
      const crossNamespace = namespace !== route.namespace;
      if (
        found.service &&
        crossNamespace &&
        !referenceGranted(analysis.graph.context, route, namespace, name)
      ) {
        refs.push({
          ...found,
          problem: `no ReferenceGrant in namespace '${namespace}' lets a ${route.kind} of namespace '${route.namespace ?? ''}' use Service '${name}'`,
        });
      } else refs.push(found);
    });
  });
  return refs;
}

function virtualServiceRefs(analysis: Analysis, virtualService: K8sObject): BackendRef[] {
  const refs: BackendRef[] = [];
  const namespace = virtualService.namespace ?? '';
  for (const protocol of ['http', 'tcp', 'tls'] as const) {
    asArray(field(virtualService.body, 'spec', protocol)).forEach((route, routeIndex) => {
      asArray(field(route, 'route')).forEach((destination, destinationIndex) => {
        const host = asString(field(destination, 'destination', 'host'));
        if (!host) return;
        const port = field(destination, 'destination', 'port', 'number');
        const namePath = ['spec', protocol, routeIndex, 'route', destinationIndex, 'destination', 'host'];
        const resolution = resolveHost(analysis.graph.context, host.toLowerCase(), 'bare', namespace);
        const base = {
          entry: virtualService,
          namePath,
          written: host,
          ...(typeof port === 'number' ? { port } : {}),
        };
        if (resolution.kind === 'service') refs.push({ ...base, service: resolution.service });
        else
          refs.push({
            ...base,
            problem:
              resolution.kind === 'unresolved'
                ? resolution.reason
                : host.includes('.')
                  ? `'${host}' is not a Service of these manifests (a host outside the cluster)`
                  : `no Service '${host}' in namespace '${namespace}'`,
          });
      });
    });
  }
  return refs;
}
