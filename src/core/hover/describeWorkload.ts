import type { Analysis } from '../analysis';
import type { Workload } from '../model/workspaceModel';
import { edgesFrom, edgesInto } from '../navigation/edgeIndex';
import { ORIGIN_TEXT } from './describeService';
import { section, type HoverContent, type HoverSection } from './hoverContent';
import { entryPathText, entryPaths, isolationText, mappingText, portText, verdictText } from './traffic';

/**
 * A workload: the Services that select its pods, the north-south paths and the callers that reach
 * it through them, what it calls, and whether NetworkPolicies isolate it in each direction.
 */
export function describeWorkload(analysis: Analysis, workload: Workload): HoverContent {
  const object = workload.object;
  const graph = analysis.graph;
  const namespace = object.namespace ?? '';
  const services = edgesInto(graph, object.id, 'selects');
  const labels = Object.entries(workload.template.labels).map(([key, value]) => `${key}=${value}`);
  const paths = services.flatMap((edge) =>
    entryPaths(analysis, edge.from).map((path) => entryPathText(path, ` → ${object.id}`)),
  );
  const callers = services.flatMap((selects) =>
    edgesInto(graph, selects.from, 'calls').map(
      (edge) => `${edge.from} → ${edge.to} on ${portText(edge)}: ${verdictText(edge.policy)}`,
    ),
  );
  const calls = [
    ...edgesFrom(graph, object.id, 'calls').map(
      (edge) => `${edge.to} on ${portText(edge)}: ${verdictText(edge.policy)}`,
    ),
    ...graph.unresolvedCalls
      .filter((call) => call.from === object.id)
      .map((call) => `'${call.address}' (${call.source}): unresolved, ${call.reason}`),
  ];
  const notEvaluated = graph.unevaluatedPolicies.affecting(workload);
  const sections: HoverSection[] = [
    { label: 'Namespace', values: [`${namespace} (${ORIGIN_TEXT[object.namespaceOrigin]})`] },
    { label: 'Pod labels', values: [labels.length > 0 ? labels.join(', ') : '(none)'] },
    section(
      'Services',
      services.length > 0
        ? services.map(
            (edge) =>
              `${edge.from}${edge.ports && edge.ports.length > 0 ? ` (${edge.ports.map(mappingText).join(', ')})` : ''}`,
          )
        : ['none: no Service selects its pods'],
    ),
    section('Reached from outside', paths.length > 0 ? paths : ['no north-south path reaches it']),
    section('Callers', callers.length > 0 ? callers : ['none inferred from the manifests']),
    section('Calls', calls.length > 0 ? calls : ['none inferred from the manifests']),
    {
      label: 'Isolation',
      values: [isolationText(analysis, workload, 'ingress'), isolationText(analysis, workload, 'egress')],
    },
  ];
  if (notEvaluated.length > 0) sections.push(section('Not evaluated (may also apply)', notEvaluated));
  const containers = workload.template.containers.filter((container) => !container.init).length;
  return {
    kind: 'workload',
    title: `${object.kind} ${namespace}/${object.name}`,
    subtitle: `${containers} ${containers === 1 ? 'container' : 'containers'}`,
    sections,
    range: object.range,
  };
}
