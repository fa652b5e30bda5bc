// Maps the core's analysis to the webview's GraphDto. No vscode import: unit-tested in plain Node.
import type { Analysis } from '../core/analysis';
import type { GraphEdge, GraphNode } from '../core/graph/graph';
import { asArray, field } from '../core/model/k8sObject';
import { formatServicePort, readServiceSpec } from '../core/model/service';
import { podTemplateOf, type Container } from '../core/model/podTemplate';
import { severityRank, type Finding } from '../core/rules/finding';
import type { EdgeDto, GraphDto, NodeDto } from '../shared/graphDto';

export function toGraphDto(analysis: Analysis, fileCount: number): GraphDto {
  const findingsByNode = findingsPerNode(analysis);
  return {
    nodes: analysis.graph.nodes.map((node) => toNodeDto(node, findingsByNode.get(node.id))),
    edges: analysis.graph.edges.map(toEdgeDto),
    assumptions: { defaultNamespace: analysis.model.options.defaultNamespace },
    summary: { files: fileCount, objects: analysis.model.objects.length, findings: analysis.findings.length },
  };
}

function toNodeDto(node: GraphNode, findings: readonly Finding[] | undefined): NodeDto {
  const base = {
    id: node.id,
    kind: node.kind,
    name: node.name,
    namespace: node.namespace,
    category: node.category,
    detail: detailOf(node),
  };
  if (!findings || findings.length === 0) return base;
  const worst = findings.reduce((a, b) =>
    severityRank(b.severity) > severityRank(a.severity) ? b : a,
  ).severity;
  return { ...base, findings: { count: findings.length, worst } };
}

/** `LoadBalancer · 80→8080` for Services, `Deployment ×2 · 8080` for workloads, hosts for entries. */
function detailOf(node: GraphNode): string {
  const object = node.object;
  if (!object) return 'outside the cluster';
  switch (node.category) {
    case 'service': {
      const spec = readServiceSpec(object);
      const ports = spec.ports.map(formatServicePort).join(', ');
      const kind = spec.type === 'ClusterIP' ? (spec.headless ? 'Service (headless)' : 'Service') : spec.type;
      return ports ? `${kind} · ${ports}` : kind;
    }
    case 'entry':
      return entryDetail(node.kind, object.body);
    case 'workload':
    case 'external':
      return workloadDetail(node.kind, object.body, podTemplateOf(object)?.containers ?? []);
  }
}

function entryDetail(kind: string, body: unknown): string {
  const hosts = [
    ...asArray(field(body, 'spec', 'rules')).map((rule) => field(rule, 'host')),
    ...asArray(field(body, 'spec', 'hostnames')),
    ...asArray(field(body, 'spec', 'hosts')),
    field(body, 'spec', 'host'),
  ].filter((host): host is string => typeof host === 'string' && host !== '');
  const listener =
    field(body, 'spec', 'listeners', 0, 'port') ?? field(body, 'spec', 'servers', 0, 'port', 'number');
  const where =
    hosts.length > 0
      ? hosts.slice(0, 2).join(', ') + (hosts.length > 2 ? ', …' : '')
      : typeof listener === 'number'
        ? `:${listener}`
        : '';
  return where ? `${kind} · ${where}` : kind;
}

function workloadDetail(kind: string, body: unknown, containers: readonly Container[]): string {
  const ports = containers
    .filter((container) => !container.init)
    .flatMap((container) => container.ports.map((port) => String(port.containerPort)));
  const replicas = field(body, 'spec', 'replicas');
  const suffix = typeof replicas === 'number' ? ` ×${replicas}` : '';
  return ports.length > 0 ? `${kind}${suffix} · ${[...new Set(ports)].join(', ')}` : `${kind}${suffix}`;
}

/** `80→8080` per port the edge carries; the id includes the port, since one pair may talk on several. */
function toEdgeDto(edge: GraphEdge): EdgeDto {
  const mappings =
    edge.ports?.map((mapping) => [mapping.port, mapping.containerPort ?? mapping.targetPort] as const) ??
    (edge.port === undefined ? [] : [[edge.port, edge.targetPort ?? edge.port] as const]);
  const label = mappings
    .map(([port, target]) => (target === port ? String(port) : `${port}→${target}`))
    .join(', ');
  return {
    id: `${edge.type}:${edge.from}->${edge.to}${edge.port === undefined ? '' : `:${edge.port}`}`,
    source: edge.from,
    target: edge.to,
    type: edge.type,
    label,
  };
}

/** Findings attached to the node whose object contains them. */
function findingsPerNode(analysis: Analysis): Map<string, Finding[]> {
  const result = new Map<string, Finding[]>();
  const nodesByFile = new Map<string, GraphNode[]>();
  for (const node of analysis.graph.nodes) {
    if (!node.object) continue;
    const list = nodesByFile.get(node.object.file);
    if (list) list.push(node);
    else nodesByFile.set(node.object.file, [node]);
  }
  for (const finding of analysis.findings) {
    const owner = (nodesByFile.get(finding.range.file) ?? []).find(
      (node) =>
        node.object &&
        finding.range.start >= node.object.range.start &&
        finding.range.end <= node.object.range.end,
    );
    if (!owner) continue;
    const list = result.get(owner.id);
    if (list) list.push(finding);
    else result.set(owner.id, [finding]);
  }
  return result;
}
