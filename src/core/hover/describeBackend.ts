import type { Analysis } from '../analysis';
import type { GraphEdge } from '../graph/graph';
import type { K8sObject } from '../model/k8sObject';
import type { SourceRange } from '../model/sourceRange';
import type { BackendRef } from '../navigation/backendRefs';
import { section, type HoverContent, type HoverSection } from './hoverContent';
import { sameRange } from './describeCall';
import { endpointText, entryPaths, portText, verdictText } from './traffic';

/**
 * A backend of an entry object (Ingress `service.name`, Route `to.name`, Gateway API
 * `backendRefs[].name`, VirtualService `destination.host`): the Service, the pods the traffic
 * ends at with their container ports, and the NetworkPolicy verdict on that north-south hop.
 */
export function describeBackend(
  analysis: Analysis,
  entry: K8sObject,
  range: SourceRange,
  edges: readonly GraphEdge[],
  ref: BackendRef | undefined,
): HoverContent {
  if (edges.length === 0) return describeUnroutedBackend(analysis, entry, range, ref);
  const services = [...new Set(edges.map((edge) => edge.to))];
  const several = edges.length > 1;
  const label = (edge: GraphEdge) => (several ? `${edge.to} ${portText(edge)}: ` : '');
  const written = edges
    .flatMap((edge) => edge.evidence ?? [])
    .find((item) => sameRange(item.range, range))?.text;
  const endpoints: string[] = [];
  const verdicts: string[] = [];
  for (const edge of edges) {
    const service = analysis.model.byId.get(edge.to);
    const selected = service ? analysis.graph.context.selected(service) : [];
    for (const { workload, ports } of selected)
      endpoints.push(
        `${label(edge)}${endpointText(
          workload,
          ports.filter((mapping) => edge.port === undefined || mapping.port === edge.port),
        )}`,
      );
    const from = edge.policy ? `; traffic assumed from ${edge.policy.from}` : '';
    verdicts.push(`${label(edge)}${verdictText(edge.policy)}${from}`);
  }
  const [first] = services;
  return {
    kind: 'backend',
    title: services.length === 1 && first ? `Backend → ${first}` : `Backends → ${services.length} Services`,
    subtitle: 'north-south',
    sections: [
      ...(written ? [{ label: 'Route', values: [written] }] : []),
      { label: 'Entry', values: [entryText(analysis, entry)] },
      { label: 'Service port', values: edges.map((edge) => `${edge.to} ${portText(edge)}`) },
      section('Endpoints', endpoints.length > 0 ? endpoints : ['none: the Service selects no pods']),
      section('Policy', verdicts),
    ],
    range,
  };
}

/** A backend without a `routes` edge: what it names and why no traffic is drawn. */
function describeUnroutedBackend(
  analysis: Analysis,
  entry: K8sObject,
  range: SourceRange,
  ref: BackendRef | undefined,
): HoverContent {
  const written = ref?.written ?? '';
  const sections: HoverSection[] = [{ label: 'Entry', values: [entryText(analysis, entry)] }];
  if (ref?.service) {
    sections.push({ label: 'Service', values: [ref.service.id] });
    const selected = analysis.graph.context.selected(ref.service);
    sections.push(
      section(
        'Endpoints',
        selected.length > 0
          ? selected.map(({ workload, ports }) => endpointText(workload, ports))
          : ['none: the Service selects no pods'],
      ),
    );
  }
  sections.push({
    label: 'No route drawn',
    values: [
      ref?.problem ?? `${entry.id} is not bound to an entry point, so no north-south traffic is drawn`,
    ],
  });
  return {
    kind: 'backend',
    title: ref?.service ? `Backend → ${ref.service.id}` : `Backend ${written}`,
    subtitle: 'north-south',
    sections,
    range,
  };
}

/** The entry object and how outside traffic gets to it (`external → Gateway/… → HTTPRoute/…`). */
function entryText(analysis: Analysis, entry: K8sObject): string {
  const paths = entryPaths(analysis, entry.id);
  if (paths.length === 0) return `${entry.id} (nothing routes outside traffic to it)`;
  const routes = paths.map((path) => {
    const [first] = path.hops;
    const nodes = [first?.from ?? '', ...path.hops.map((hop) => hop.to)];
    return nodes.join(' → ');
  });
  return [...new Set(routes)].join('; ');
}
