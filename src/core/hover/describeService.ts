import type { Analysis } from '../analysis';
import type { K8sObject } from '../model/k8sObject';
import { readServiceSpec, type ServicePort, type ServiceSpec } from '../model/service';
import { edgesInto } from '../navigation/edgeIndex';
import { formatSelector } from '../select/labelSelector';
import { section, type HoverContent, type HoverSection } from './hoverContent';
import { endpointText, entryPathText, entryPaths, portText, verdictText } from './traffic';

export const ORIGIN_TEXT = {
  declared: 'declared',
  default: 'assumed: no metadata.namespace, default namespace',
  kustomization: 'set by a kustomization',
  'cluster-scoped': 'cluster-scoped',
} as const;

/**
 * What a user wants to know when hovering a Service: how it is named in DNS, how it is reached
 * (callers, entry points, with the NetworkPolicy verdict of each), and where its traffic ends
 * (each port → target port → container port on each selected workload).
 */
export function describeService(analysis: Analysis, service: K8sObject): HoverContent {
  const spec = readServiceSpec(service);
  const namespace = service.namespace ?? '';
  const sections: HoverSection[] = [
    { label: 'Namespace', values: [`${namespace} (${ORIGIN_TEXT[service.namespaceOrigin]})`] },
    { label: 'DNS', values: dnsNames(service.name, namespace) },
    { label: 'Ports', values: spec.ports.length === 0 ? ['(none)'] : spec.ports.map(formatPortLine) },
  ];
  if (spec.type === 'ExternalName') {
    sections.push({ label: 'External name', values: [spec.externalName ?? '(missing)'] });
  } else if (spec.selector) {
    sections.push({ label: 'Selector', values: [formatSelector(spec.selector)] });
  } else {
    sections.push({ label: 'Selector', values: ['none: endpoints are managed outside these manifests'] });
  }
  sections.push(section('Endpoints', endpoints(analysis, service, spec)));
  sections.push(section('Callers', callers(analysis, service)));
  sections.push(section('Entry points', entryPoints(analysis, service)));
  if (spec.selector && spec.type !== 'ExternalName')
    sections.push(section('Ingress policies', policies(analysis, service)));
  const type = spec.headless ? `${spec.type} (headless)` : spec.type;
  return {
    kind: 'service',
    title: `Service ${namespace}/${service.name}`,
    subtitle: type,
    sections,
    range: service.range,
  };
}

/** The names a pod resolves to this Service: fully qualified, shorter, and bare from its own namespace. */
export function dnsNames(name: string, namespace: string): string[] {
  return [
    `${name}.${namespace}.svc.cluster.local`,
    `${name}.${namespace}.svc`,
    `${name}.${namespace}`,
    `${name} (from pods in namespace ${namespace})`,
  ];
}

function formatPortLine(port: ServicePort): string {
  const name = port.name ? `${port.name}: ` : '';
  const nodePort = port.nodePort === undefined ? '' : ` (nodePort ${port.nodePort})`;
  return `${name}${port.port} → ${port.targetPort}/${port.protocol}${nodePort}`;
}

function endpoints(analysis: Analysis, service: K8sObject, spec: ServiceSpec): string[] {
  if (spec.type === 'ExternalName')
    return [`none: ExternalName, cluster DNS answers with a CNAME to ${spec.externalName ?? '(missing)'}`];
  if (!spec.selector) return ['none in these manifests: no selector, its EndpointSlices are managed by hand'];
  const selected = analysis.graph.context.selected(service);
  if (selected.length === 0)
    return [`none: no workload in namespace ${service.namespace ?? ''} matches the selector`];
  const lines = selected.map(({ workload, ports }) => endpointText(workload, ports));
  if (spec.headless)
    lines.push('headless (clusterIP: None): DNS returns the pod addresses themselves, no virtual IP');
  return lines;
}

/** `calls` edges into the Service: who, on which port, and whether NetworkPolicies let it through. */
function callers(analysis: Analysis, service: K8sObject): string[] {
  const edges = edgesInto(analysis.graph, service.id, 'calls');
  if (edges.length === 0) return ['none inferred from the manifests'];
  return edges.map((edge) => `${edge.from} on ${portText(edge)}: ${verdictText(edge.policy)}`);
}

function entryPoints(analysis: Analysis, service: K8sObject): string[] {
  const paths = entryPaths(analysis, service.id);
  if (paths.length === 0)
    return ['none: no LoadBalancer/NodePort type, Ingress, Route or Gateway route reaches it'];
  return paths.map((path) => entryPathText(path));
}

/** Per selected workload: the NetworkPolicies that select its pods for ingress. */
function policies(analysis: Analysis, service: K8sObject): string[] {
  const selected = analysis.graph.context.selected(service);
  if (selected.length === 0) return ['none: the Service selects no pods'];
  return selected.map(({ workload }) => {
    const found = analysis.graph.policy.policiesFor(workload, 'ingress');
    const others = analysis.graph.unevaluatedPolicies.affecting(workload);
    const notEvaluated = others.length > 0 ? `; not evaluated, may also apply: ${others.join(', ')}` : '';
    return found.length === 0
      ? `${workload.object.id}: not isolated (no NetworkPolicy selects its pods: every caller is allowed)${notEvaluated}`
      : `${workload.object.id}: ${found.map((policy) => policy.object.id).join(', ')}${notEvaluated}`;
  });
}
