// Maps the core's analysis to the webview's GraphDto. No vscode import: unit-tested in plain Node.
import type { Analysis } from '../core/analysis';
import type { GraphEdge, GraphNode } from '../core/graph/graph';
import { field } from '../core/model/k8sObject';
import { formatServicePort, readServiceSpec } from '../core/model/service';
import { podTemplateOf } from '../core/model/podTemplate';
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

/** `LoadBalancer · 80→8080` for Services, `Deployment · 8080, 9090` for workloads. */
function detailOf(node: GraphNode): string {
  const object = node.object;
  if (!object) return node.kind;
  if (node.category === 'service') {
    const spec = readServiceSpec(object);
    const ports = spec.ports.map(formatServicePort).join(', ');
    const kind = spec.type === 'ClusterIP' ? (spec.headless ? 'Service (headless)' : 'Service') : spec.type;
    return ports ? `${kind} · ${ports}` : kind;
  }
  const template = podTemplateOf(object);
  const ports = (template?.containers ?? [])
    .filter((container) => !container.init)
    .flatMap((container) => container.ports.map((port) => String(port.containerPort)));
  const replicas = field(object.body, 'spec', 'replicas');
  const suffix = typeof replicas === 'number' ? ` ×${replicas}` : '';
  return ports.length > 0
    ? `${node.kind}${suffix} · ${[...new Set(ports)].join(', ')}`
    : `${node.kind}${suffix}`;
}

function toEdgeDto(edge: GraphEdge): EdgeDto {
  const label = (edge.ports ?? [])
    .map((mapping) => {
      const target = mapping.containerPort ?? mapping.targetPort;
      return target === mapping.port ? String(mapping.port) : `${mapping.port}→${target}`;
    })
    .join(', ');
  return {
    id: `${edge.type}:${edge.from}->${edge.to}`,
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
