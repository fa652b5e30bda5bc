// Sentences shared by the hovers: NetworkPolicy verdicts, where a Service port ends on its pods,
// and the north-south paths that reach a Service from outside.
import type { Analysis } from '../analysis';
import { EXTERNAL_ID, type EdgePolicy, type GraphEdge, type PortMapping } from '../graph/graph';
import type { Workload } from '../model/workspaceModel';
import { edgesInto } from '../navigation/edgeIndex';

/** `allowed by NetworkPolicy/shop/a`, `allowed: no NetworkPolicy isolates these pods`, `blocked at …`. */
export function verdictText(policy: EdgePolicy | undefined): string {
  if (!policy) return 'no NetworkPolicy verdict';
  let text: string;
  if (policy.allowed)
    text = policy.by.length > 0 ? `allowed by ${policy.by.join(', ')}` : `allowed: ${policy.reason}`;
  else text = policy.reason.startsWith('blocked') ? policy.reason : `blocked: ${policy.reason}`;
  if (policy.notEvaluated && policy.notEvaluated.length > 0)
    text += ` (not evaluated, may also apply: ${policy.notEvaluated.join(', ')})`;
  return text;
}

/** `7070 → grpc → container port 7070` for one Service port on one workload. */
export function mappingText(mapping: PortMapping): string {
  const end =
    mapping.containerPort === undefined
      ? 'no container declares it'
      : `container port ${mapping.containerPort}`;
  const protocol = mapping.protocol === 'TCP' ? '' : `/${mapping.protocol}`;
  return `${mapping.port}${protocol} → ${mapping.targetPort} → ${end}`;
}

/** `Deployment/shop/cart (7070 → 7070 → container port 7070, …)`. */
export function endpointText(workload: Workload, ports: readonly PortMapping[]): string {
  return ports.length === 0
    ? workload.object.id
    : `${workload.object.id} (${ports.map(mappingText).join(', ')})`;
}

/** `port 7070 → 7000` (Service port → where it ends on the pods), `port 7070`, or `port unknown`. */
export function portText(edge: GraphEdge): string {
  if (edge.port === undefined) return 'port unknown';
  return edge.targetPort === undefined ? `port ${edge.port}` : `port ${edge.port} → ${edge.targetPort}`;
}

/** A north-south path into a Service, in travel order. */
export interface EntryPath {
  readonly hops: readonly GraphEdge[];
  /** Whether the first hop starts at `external` (else nothing exposes its first object). */
  readonly fromExternal: boolean;
}

/** Paths are cut at this many, and at this depth (Gateway → route → Service is 3 hops). */
const MAX_PATHS = 50;
const MAX_DEPTH = 8;

/** Every north-south path (exposes and routes edges) that ends at `id`, walked back to `external`. */
export function entryPaths(analysis: Analysis, id: string): EntryPath[] {
  const paths: EntryPath[] = [];
  const walk = (node: string, suffix: readonly GraphEdge[], onPath: ReadonlySet<string>) => {
    if (paths.length >= MAX_PATHS) return;
    const incoming = edgesInto(analysis.graph, node, 'exposes', 'routes');
    if (incoming.length === 0 || suffix.length >= MAX_DEPTH) {
      if (suffix.length > 0) paths.push({ hops: suffix, fromExternal: false });
      return;
    }
    for (const edge of incoming) {
      if (onPath.has(edge.from)) continue;
      const hops = [edge, ...suffix];
      if (edge.from === EXTERNAL_ID) paths.push({ hops, fromExternal: true });
      else walk(edge.from, hops, new Set([...onPath, edge.from]));
    }
  };
  walk(id, [], new Set([id]));
  return paths;
}

/**
 * `external → Ingress/shop/web → Service/shop/cart:80 (shop.example.com/ → cart:80): allowed …`,
 * the verdict being the one on the hop into the Service.
 */
export function entryPathText(path: EntryPath, suffix = ''): string {
  const [first] = path.hops;
  const last = path.hops.at(-1);
  if (!first || !last) return '';
  const nodes = [first.from, ...path.hops.map((hop) => hop.to)];
  const port = last.port === undefined ? '' : `:${last.port}`;
  const how = last.evidence?.[0]?.text;
  const head = `${nodes.join(' → ')}${port}${suffix}${how ? ` (${how})` : ''}`;
  const start = path.fromExternal ? '' : ` [nothing exposes ${first.from}: not reachable from outside]`;
  const from = last.policy && last.type === 'routes' ? `; traffic assumed from ${last.policy.from}` : '';
  return `${head}${start}: ${verdictText(last.policy)}${from}`;
}

/** `ingress: isolated by NetworkPolicy/…` or `ingress: not isolated (…)`. */
export function isolationText(
  analysis: Analysis,
  workload: Workload,
  direction: 'ingress' | 'egress',
): string {
  const policies = analysis.graph.policy.policiesFor(workload, direction);
  return policies.length === 0
    ? `${direction}: not isolated (no NetworkPolicy selects its pods for ${direction}: everything is allowed)`
    : `${direction}: isolated by ${policies.map((policy) => policy.object.id).join(', ')}`;
}
