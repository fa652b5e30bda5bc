import type { K8sObject } from '../../model/k8sObject';
import type { PathSegment } from '../../parse/yamlNodes';
import { ObjectEvidence } from '../evidence';
import { EXTERNAL_ID, type GraphEdge } from '../graph';
import type { GraphContext } from '../graphContext';

/**
 * A north-south `routes` edge from an entry object to the Service one of its backends names,
 * with the Service port (by number or name) and where it ends on the pods. Undefined when the
 * Service does not exist (the rules report that; the graph does not invent a node).
 */
export function backendEdge(
  context: GraphContext,
  from: K8sObject,
  service: { namespace: string; name: string; port?: number | string },
  evidencePath: readonly PathSegment[],
  evidenceText: string,
): GraphEdge | undefined {
  const target = context.service(service.namespace, service.name);
  if (!target) return undefined;
  const ports = context.spec(target).ports;
  const servicePort =
    service.port === undefined
      ? ports.length === 1
        ? ports[0]
        : undefined
      : context.servicePort(target, service.port);
  const port = servicePort?.port ?? (typeof service.port === 'number' ? service.port : undefined);
  return {
    from: from.id,
    to: target.id,
    type: 'routes',
    traffic: 'north-south',
    ...(port === undefined ? {} : { port }),
    ...(servicePort ? { targetPort: context.targetPort(target, servicePort) } : {}),
    evidence: [new ObjectEvidence(from, evidencePath, evidenceText)],
  };
}

/** `external` → an entry object (Ingress, Route, Gateway, exposed Service). */
export function exposesEdge(
  to: K8sObject,
  evidencePath: readonly PathSegment[],
  text: string,
  port?: number,
): GraphEdge {
  return {
    from: EXTERNAL_ID,
    to: to.id,
    type: 'exposes',
    traffic: 'north-south',
    ...(port === undefined ? {} : { port }),
    evidence: [new ObjectEvidence(to, evidencePath, text)],
  };
}

/** A port reference as manifests write it: a number, or a name. */
export function portReference(value: unknown): number | string | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value !== '') return /^\d+$/.test(value) ? Number(value) : value;
  return undefined;
}
