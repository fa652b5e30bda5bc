import type { Analysis } from '../analysis';
import type { K8sObject } from '../model/k8sObject';
import { readServiceSpec, type ServicePort } from '../model/service';
import { formatSelector } from '../select/labelSelector';
import type { PortMapping } from '../graph/graph';
import type { HoverContent, HoverSection } from './hoverContent';

const ORIGIN_TEXT = {
  declared: 'declared',
  default: 'assumed: no metadata.namespace, default namespace',
  kustomization: 'set by a kustomization',
  'cluster-scoped': 'cluster-scoped',
} as const;

/** What a user wants to know when hovering a Service: how it is reached and where its traffic ends. */
export function describeService(analysis: Analysis, service: K8sObject): HoverContent {
  const spec = readServiceSpec(service);
  const namespace = service.namespace ?? '';
  const sections: HoverSection[] = [
    { label: 'Namespace', values: [`${namespace} (${ORIGIN_TEXT[service.namespaceOrigin]})`] },
    { label: 'Ports', values: spec.ports.length === 0 ? ['(none)'] : spec.ports.map(formatPortLine) },
  ];
  if (spec.type === 'ExternalName') {
    sections.push({ label: 'External name', values: [spec.externalName ?? '(missing)'] });
  } else if (spec.selector) {
    const selected = analysis.graph.context.selected(service);
    sections.push({ label: 'Selector', values: [formatSelector(spec.selector)] });
    sections.push({
      label: 'Selects',
      values:
        selected.length === 0
          ? ['no workload in this namespace matches the selector']
          : selected.map(({ workload, ports }) => `${workload.object.id}${formatEndpoints(ports)}`),
    });
  } else {
    sections.push({ label: 'Selector', values: ['none: endpoints are managed outside these manifests'] });
  }
  sections.push({ label: 'DNS', values: [`${service.name}.${namespace}.svc.cluster.local`] });
  const type = spec.headless ? `${spec.type} (headless)` : spec.type;
  return { title: `Service ${namespace}/${service.name}`, subtitle: type, sections, range: service.range };
}

function formatPortLine(port: ServicePort): string {
  const name = port.name ? `${port.name}: ` : '';
  const nodePort = port.nodePort === undefined ? '' : ` (nodePort ${port.nodePort})`;
  return `${name}${port.port} → ${port.targetPort}/${port.protocol}${nodePort}`;
}

function formatEndpoints(ports: readonly PortMapping[]): string {
  if (ports.length === 0) return '';
  const parts = ports.map((mapping) =>
    mapping.containerPort === undefined
      ? `${mapping.port} → ${mapping.targetPort} (no container declares it)`
      : `${mapping.port} → container port ${mapping.containerPort}`,
  );
  return ` (${parts.join(', ')})`;
}
