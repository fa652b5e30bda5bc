import { asArray, asString, field, fieldAt, type K8sObject } from '../../model/k8sObject';
import type { PathSegment } from '../../parse/yamlNodes';
import type { GraphContext, Memo } from '../graphContext';
import { mergedEdges } from '../edgeCollector';
import { memoList, type ListResults } from '../listMemo';
import type { GraphEdge } from '../graph';
import { backendEdge, exposesEdge, portReference } from './backendEdge';

/** An Ingress backend as written, in either API version. */
export interface IngressBackend {
  readonly serviceName: string;
  readonly port?: number | string;
  /** Path of the backend object inside the Ingress. */
  readonly path: readonly PathSegment[];
  /** Path of the Service name value, for evidence and findings. */
  readonly namePath: readonly PathSegment[];
  readonly portPath: readonly PathSegment[];
  /** `host/path` the backend serves, for people. */
  readonly route: string;
}

/** Every Service backend of an Ingress: `defaultBackend` and each rule path (v1 and legacy v1beta1). */
export function ingressBackends(ingress: K8sObject): IngressBackend[] {
  const backends: IngressBackend[] = [];
  const read = (path: PathSegment[], route: string) => {
    const backend = fieldAt(ingress.body, path);
    const v1Name = asString(field(backend, 'service', 'name'));
    if (v1Name) {
      const number = field(backend, 'service', 'port', 'number');
      const port = portReference(number ?? field(backend, 'service', 'port', 'name'));
      const portKey = number === undefined ? 'name' : 'number';
      backends.push({
        serviceName: v1Name,
        path,
        namePath: [...path, 'service', 'name'],
        portPath: [...path, 'service', 'port', portKey],
        route,
        ...(port === undefined ? {} : { port }),
      });
      return;
    }
    const legacyName = asString(field(backend, 'serviceName'));
    if (legacyName) {
      const port = portReference(field(backend, 'servicePort'));
      backends.push({
        serviceName: legacyName,
        path,
        namePath: [...path, 'serviceName'],
        portPath: [...path, 'servicePort'],
        route,
        ...(port === undefined ? {} : { port }),
      });
    }
  };
  read(['spec', 'defaultBackend'], '(default backend)');
  read(['spec', 'backend'], '(default backend)');
  asArray(field(ingress.body, 'spec', 'rules')).forEach((rule, ruleIndex) => {
    const host = asString(field(rule, 'host')) ?? '*';
    asArray(field(rule, 'http', 'paths')).forEach((path, pathIndex) => {
      read(
        ['spec', 'rules', ruleIndex, 'http', 'paths', pathIndex, 'backend'],
        `${host}${asString(field(path, 'path')) ?? '/'}`,
      );
    });
  });
  return backends;
}

/** `external` → each Ingress (its controller accepts outside traffic), Ingress → each backend Service. */
export function ingressEdges(
  context: GraphContext,
  previous: ListResults<GraphEdge[]> | undefined,
): ListResults<GraphEdge[]> {
  return memoList(context, cache, context.model.ofKind('Ingress'), previous, (ingress) =>
    // Two paths to the same Service port are one edge with both paths as evidence.
    mergedEdges(edgesOf(context, ingress)),
  );
}

const cache = new WeakMap<object, Memo<GraphEdge[]>>();

function edgesOf(context: GraphContext, ingress: K8sObject): GraphEdge[] {
  const className = asString(field(ingress.body, 'spec', 'ingressClassName'));
  const edges: GraphEdge[] = [
    exposesEdge(
      ingress,
      className ? ['spec', 'ingressClassName'] : ['metadata', 'name'],
      className ? `ingressClassName: ${className}` : `Ingress ${ingress.name}`,
    ),
  ];
  for (const backend of ingressBackends(ingress)) {
    const edge = backendEdge(
      context,
      ingress,
      {
        namespace: ingress.namespace ?? '',
        name: backend.serviceName,
        ...(backend.port === undefined ? {} : { port: backend.port }),
      },
      backend.namePath,
      `${backend.route} → ${backend.serviceName}:${backend.port ?? ''}`,
    );
    if (edge) edges.push(edge);
  }
  return edges;
}
