import type { Evidence, GraphEdge } from '../graph';

/** A call as found, before the caller's calls are merged into edges (one edge object each). */
export interface CallFound {
  readonly to: string;
  readonly port: number | undefined;
  readonly targetPort: GraphEdge['targetPort'];
  readonly evidence: readonly Evidence[];
}

/**
 * One edge per caller, Service and port; port-less finds join the caller's ported edges to that
 * Service. All finds are of one caller, so Services are told apart by id alone (no key strings).
 * Ported edges come first in the order found, then the port-less ones.
 */
export function mergeCalls(from: string, found: readonly CallFound[]): GraphEdge[] {
  const ported: MergedCall[] = [];
  const portedByService = new Map<string, MergedCall[]>();
  const portless: CallFound[] = [];
  for (const call of found) {
    if (call.port === undefined) {
      portless.push(call);
      continue;
    }
    const list = portedByService.get(call.to);
    const existing = list?.find((entry) => entry.call.port === call.port);
    if (existing) {
      existing.evidence.push(...call.evidence);
      continue;
    }
    const entry = { call, evidence: [...call.evidence] };
    ported.push(entry);
    if (list) list.push(entry);
    else portedByService.set(call.to, [entry]);
  }
  const unported = new Map<string, MergedCall>();
  for (const call of portless) {
    const list = portedByService.get(call.to);
    if (list) {
      for (const entry of list) entry.evidence.push(...call.evidence);
      continue;
    }
    const existing = unported.get(call.to);
    if (existing) existing.evidence.push(...call.evidence);
    else unported.set(call.to, { call, evidence: [...call.evidence] });
  }
  const edges: GraphEdge[] = [];
  for (const merged of [ported, unported.values()])
    for (const { call, evidence } of merged) edges.push(callEdge(from, call, evidence));
  return edges;
}

/** The edge, built key by key in the order JSON output shows (no temporary objects spread). */
function callEdge(from: string, call: CallFound, evidence: readonly Evidence[]): GraphEdge {
  const edge: { -readonly [K in keyof GraphEdge]: GraphEdge[K] } = {
    from,
    to: call.to,
    type: 'calls',
    traffic: 'east-west',
  };
  if (call.port !== undefined) edge.port = call.port;
  if (call.targetPort !== undefined) edge.targetPort = call.targetPort;
  // By identity: the same written value is one Evidence object, and reading a range may cost a parse.
  edge.evidence = evidence.length < 2 ? evidence : [...new Set(evidence)];
  return edge;
}

interface MergedCall {
  readonly call: CallFound;
  readonly evidence: Evidence[];
}
