import type { Analysis } from '../analysis';
import type { UnresolvedCall } from '../graph/eastWest/inferCalls';
import type { GraphEdge } from '../graph/graph';
import type { SourceRange } from '../model/sourceRange';
import { isProtocol } from '../policy/connectionSet';
import { reach } from '../policy/reach';
import { section, type HoverContent } from './hoverContent';
import { endpointText, portText, verdictText } from './traffic';

/**
 * A value that implies calls (env value, arg, command, ConfigMap value): the Service it resolves
 * to, the port and where it ends on the pods, and the NetworkPolicy verdict with its reasons.
 */
export function describeCall(
  analysis: Analysis,
  range: SourceRange,
  edges: readonly GraphEdge[],
): HoverContent {
  const services = [...new Set(edges.map((edge) => edge.to))];
  const several = edges.length > 1;
  const label = (edge: GraphEdge) => (several ? `${edge.to} ${portText(edge)}: ` : '');
  const written = evidenceTextAt(edges, range);
  const resolves: string[] = [];
  const endpoints: string[] = [];
  const verdicts: string[] = [];
  const why: string[] = [];
  for (const edge of edges) {
    resolves.push(`${edge.to} ${portText(edge)}${portProblem(analysis, edge)}`);
    verdicts.push(`${label(edge)}${verdictText(edge.policy)}`);
    for (const { workload, ports } of targetsOf(analysis, edge))
      endpoints.push(`${label(edge)}${endpointText(workload, ports)}`);
    why.push(...reasons(analysis, edge).map((line) => `${label(edge)}${line}`));
  }
  const [first] = services;
  return {
    kind: 'call',
    title: services.length === 1 && first ? `Call → ${first}` : `Calls → ${services.length} Services`,
    subtitle: 'east-west',
    sections: [
      ...(written ? [{ label: 'Value', values: [written] }] : []),
      { label: 'Caller', values: [...new Set(edges.map((edge) => edge.from))] },
      section('Resolves to', resolves),
      section('Endpoints', endpoints.length > 0 ? endpoints : ['none: the Service selects no pods']),
      section('Policy', verdicts),
      ...(why.length > 0 ? [section('Why', why)] : []),
    ],
    range,
  };
}

/** A value that looks like a cluster address but names no Service: what was looked up and not found. */
export function describeUnresolvedCall(
  analysis: Analysis,
  range: SourceRange,
  call: UnresolvedCall,
): HoverContent {
  const caller = analysis.model.byId.get(call.from);
  const namespace = caller?.namespace ?? '';
  const written = call.evidence.find((item) => sameRange(item.range, range))?.text ?? call.evidence[0]?.text;
  return {
    kind: 'unresolved-call',
    title: `Unresolved address ${call.address}`,
    subtitle: 'call-unresolved',
    sections: [
      ...(written ? [{ label: 'Value', values: [written] }] : []),
      { label: 'Caller', values: [`${call.from} (${call.source})`] },
      {
        label: 'Looked up',
        values: [
          `'${call.address}' as cluster DNS would for a pod in namespace ${namespace}: ${call.reason}`,
        ],
      },
      { label: 'Result', values: ['left unresolved: no call edge, no NetworkPolicy verdict'] },
    ],
    range,
  };
}

/** The selected workloads of an edge's Service, with only the port mappings the edge uses. */
function targetsOf(analysis: Analysis, edge: GraphEdge) {
  const service = analysis.model.byId.get(edge.to);
  if (!service) return [];
  return analysis.graph.context.selected(service).map(({ workload, ports }) => ({
    workload,
    ports: ports.filter((mapping) => edge.port === undefined || mapping.port === edge.port),
  }));
}

/** Why the call is allowed or blocked, per destination pod and direction (the reach explanation). */
function reasons(analysis: Analysis, edge: GraphEdge): string[] {
  const caller = analysis.model.workloadsById.get(edge.from);
  if (!caller) return [];
  return targetsOf(analysis, edge).flatMap(({ workload, ports }) =>
    ports.flatMap((mapping) => {
      const protocol = isProtocol(mapping.protocol) ? mapping.protocol : 'TCP';
      const answer = reach(
        analysis.graph.policy,
        { kind: 'workload', workload: caller },
        [{ endpoint: { kind: 'workload', workload }, port: mapping.containerPort ?? mapping.targetPort }],
        protocol,
      );
      return answer.reason.split('\n');
    }),
  );
}

/** A note when the call's port is not one of the Service's ports. */
function portProblem(analysis: Analysis, edge: GraphEdge): string {
  const service = analysis.model.byId.get(edge.to);
  if (!service) return '';
  const ports = analysis.graph.context.spec(service).ports;
  if (edge.port === undefined)
    return ports.length === 0
      ? ' (the Service declares no ports)'
      : ' (the value gives no port and the Service has several)';
  if (ports.some((port) => port.port === edge.port)) return '';
  return ` (not a port of the Service, which has ${ports.map((port) => port.port).join(', ') || 'none'})`;
}

function evidenceTextAt(edges: readonly GraphEdge[], range: SourceRange): string | undefined {
  for (const edge of edges)
    for (const item of edge.evidence ?? []) if (sameRange(item.range, range)) return item.text;
  return undefined;
}

export function sameRange(a: SourceRange, b: SourceRange): boolean {
  return a.file === b.file && a.start === b.start && a.end === b.end;
}
