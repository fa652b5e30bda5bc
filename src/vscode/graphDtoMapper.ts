// Maps the core's analysis to the webview's GraphDto, and remembers for each edge id what a click on
// it reveals. No vscode import: unit-tested in plain Node.
import type { Analysis } from '../core/analysis';
import type { UnresolvedCall } from '../core/graph/eastWest/inferCalls';
import type { GraphEdge, GraphNode } from '../core/graph/graph';
import { asArray, field, type K8sObject } from '../core/model/k8sObject';
import { formatServicePort, readServiceSpec } from '../core/model/service';
import type { SourceRange } from '../core/model/sourceRange';
import { podTemplateOf, type Container } from '../core/model/podTemplate';
import type { PathSegment } from '../core/parse/yamlNodes';
import { severityRank, type Finding, type Severity } from '../core/rules/finding';
import { usesHostNetwork } from '../core/rules/workloadNotIsolated';
import type { EdgeDto, EvidenceDto, GraphDto, NodeDto, Verdict } from '../shared/graphDto';
import { effectiveSeverity, type RuleOverrides } from './ruleOverrides';

export interface GraphDtoInputs {
  /** Files the snapshot was analysed from. */
  readonly files: number;
  /** Of those, files that are not Kubernetes manifests. */
  readonly skippedFiles?: number;
  /** `kubeTopology.rules`: badges count findings the way the Problems view shows them. */
  readonly overrides?: RuleOverrides;
  /** A range as people read it (`web/storefront.yaml:14`); the host passes workspace-relative paths. */
  readonly locate?: (range: SourceRange) => string;
}

/** What a click on an edge (or an unresolved target) reveals: its evidence, else a place in an object. */
export interface RevealTarget {
  readonly evidence: readonly SourceRange[];
  readonly fallback?: { readonly object: K8sObject; readonly path: readonly PathSegment[] };
}

export interface Topology {
  readonly graph: GraphDto;
  /** By edge id and by unresolved-target node id. */
  readonly reveal: ReadonlyMap<string, RevealTarget>;
}

export function toGraphDto(analysis: Analysis, inputs: GraphDtoInputs): GraphDto {
  return toTopology(analysis, inputs).graph;
}

export function toTopology(analysis: Analysis, inputs: GraphDtoInputs): Topology {
  const { graph, model } = analysis;
  const overrides = inputs.overrides ?? {};
  const shown = analysis.findings.flatMap((finding) => {
    const severity = effectiveSeverity(finding, overrides);
    return severity === undefined ? [] : [{ ...finding, severity }];
  });
  const findingsByNode = findingsPerNode(analysis, shown);
  const locate = inputs.locate ?? ((range: SourceRange) => range.file);
  const exposed = new Set(graph.edges.filter((edge) => edge.type === 'exposes').map((edge) => edge.to));
  const reveal = new Map<string, RevealTarget>();

  const nodes: NodeDto[] = graph.nodes.map((node) =>
    toNodeDto(node, findingsByNode.get(node.id), exposed.has(node.id), isNotIsolated(analysis, node)),
  );
  const edges: EdgeDto[] = graph.edges.map((edge) => {
    const dto = toEdgeDto(edge, verdictOf(analysis, edge), locate);
    reveal.set(dto.id, revealTargetOf(analysis, edge));
    return dto;
  });
  for (const call of graph.unresolvedCalls) {
    const { node, edge } = unresolvedOf(analysis, call, locate);
    if (!reveal.has(node.id)) nodes.push(node);
    if (reveal.has(edge.id)) continue;
    edges.push(edge);
    const target = { evidence: call.evidence.map((evidence) => evidence.range) };
    reveal.set(edge.id, target);
    reveal.set(node.id, target);
  }

  const syntaxFiles = new Set(
    analysis.findings
      .filter((finding) => finding.code === 'yaml-syntax')
      .map((finding) => finding.range.file),
  );
  const controller = graph.ingressController;
  return {
    graph: {
      nodes,
      edges,
      assumptions: {
        defaultNamespace: model.options.defaultNamespace,
        ...(controller.known ? { ingressController: describeController(controller) } : {}),
      },
      summary: {
        files: inputs.files,
        objects: model.objects.length,
        findings: shown.length,
        skippedFiles: inputs.skippedFiles ?? 0,
        syntaxErrorFiles: syntaxFiles.size,
      },
    },
    reveal,
  };
}

function describeController(controller: { namespace: string; labels: Readonly<Record<string, string>> }) {
  const labels = Object.entries(controller.labels).map(([key, value]) => `${key}=${value}`);
  return labels.length > 0 ? `${controller.namespace}/${labels.join(',')}` : controller.namespace;
}

function worstOf(findings: readonly { readonly severity: Severity }[]): Severity {
  return findings.reduce<Severity>(
    (worst, finding) => (severityRank(finding.severity) > severityRank(worst) ? finding.severity : worst),
    'info',
  );
}

function toNodeDto(
  node: GraphNode,
  findings: readonly Finding[] | undefined,
  entryPoint: boolean,
  notIsolated: boolean,
): NodeDto {
  return {
    id: node.id,
    kind: node.kind,
    name: node.name,
    namespace: node.namespace,
    category: node.category,
    detail: detailOf(node),
    ...(entryPoint && node.category === 'service' ? { entryPoint: true } : {}),
    ...(notIsolated ? { notIsolated: true } : {}),
    ...(findings && findings.length > 0
      ? { findings: { count: findings.length, worst: worstOf(findings) } }
      : {}),
  };
}

/** A workload no NetworkPolicy selects for ingress (host-network pods cannot be isolated: not marked). */
function isNotIsolated(analysis: Analysis, node: GraphNode): boolean {
  if (node.category !== 'workload') return false;
  const workload = analysis.model.workloadsById.get(node.id);
  if (!workload || usesHostNetwork(workload)) return false;
  return analysis.graph.policy.policiesFor(workload, 'ingress').length === 0;
}

/**
 * Allowed and blocked as the core decided, except where the answer depends on what we cannot see:
 * policies of kinds we do not evaluate, or a path blocked for "some pod" when the Ingress
 * controller's pods are unknown (a rule we cannot match may admit them).
 */
function verdictOf(analysis: Analysis, edge: GraphEdge): Verdict | undefined {
  const policy = edge.policy;
  if (!policy) return undefined;
  if ((policy.notEvaluated?.length ?? 0) > 0) return 'unknown';
  if (policy.allowed) return 'allowed';
  if (edge.type === 'routes' && !analysis.graph.ingressController.known) return 'unknown';
  return 'blocked';
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

/** The edge id: `type:from->to`, plus the port, since one pair may talk on several. */
export function edgeIdOf(edge: Pick<GraphEdge, 'type' | 'from' | 'to' | 'port'>): string {
  return `${edge.type}:${edge.from}->${edge.to}${edge.port === undefined ? '' : `:${edge.port}`}`;
}

/** `80→8080` per port the edge carries. */
function toEdgeDto(edge: GraphEdge, verdict: Verdict | undefined, locate: (range: SourceRange) => string) {
  const ports =
    edge.ports?.map((mapping) => ({
      port: mapping.port,
      targetPort: mapping.containerPort ?? mapping.targetPort,
    })) ?? (edge.port === undefined ? [] : [{ port: edge.port, targetPort: edge.targetPort ?? edge.port }]);
  const label = ports
    .map(({ port, targetPort }) => (targetPort === port ? String(port) : `${port}→${targetPort}`))
    .join(', ');
  const evidence: EvidenceDto[] = (edge.evidence ?? []).map((item) => ({
    text: item.text,
    location: locate(item.range),
  }));
  const policy = edge.policy;
  const dto: EdgeDto = {
    id: edgeIdOf(edge),
    source: edge.from,
    target: edge.to,
    type: edge.type,
    label,
    ...(edge.traffic ? { traffic: edge.traffic } : {}),
    ...(verdict ? { verdict } : {}),
    ...(policy ? { reason: policy.reason, policies: [...policy.by] } : {}),
    ...(policy?.notEvaluated?.length ? { notEvaluated: [...policy.notEvaluated] } : {}),
    ...(ports.length > 0 ? { ports } : {}),
    ...(evidence.length > 0 ? { evidence } : {}),
  };
  return dto;
}

/**
 * A `selects` edge has no evidence of its own: it reveals the Service's selector. Other edges
 * without evidence reveal their source object.
 */
function revealTargetOf(analysis: Analysis, edge: GraphEdge): RevealTarget {
  const evidence = (edge.evidence ?? []).map((item) => item.range);
  const source = analysis.model.byId.get(edge.from);
  if (!source) return { evidence };
  const path = edge.type === 'selects' ? ['spec', 'selector'] : ['metadata', 'name'];
  return { evidence, fallback: { object: source, path } };
}

/** The id of the placeholder a value that names no Service points at: one per caller namespace and address. */
export function unresolvedIdOf(namespace: string | null, address: string): string {
  return `unresolved:${namespace ?? ''}/${address}`;
}

function unresolvedOf(
  analysis: Analysis,
  call: UnresolvedCall,
  locate: (range: SourceRange) => string,
): { node: NodeDto; edge: EdgeDto } {
  const caller = analysis.graph.nodesById.get(call.from);
  const namespace = caller?.namespace ?? null;
  const id = unresolvedIdOf(namespace, call.address);
  return {
    node: {
      id,
      kind: 'Unresolved',
      name: call.address,
      namespace,
      category: 'unresolved',
      detail: 'no Service by this name',
    },
    edge: {
      id: `calls:${call.from}->${id}`,
      source: call.from,
      target: id,
      type: 'calls',
      label: '',
      traffic: 'east-west',
      verdict: 'unknown',
      reason: call.reason,
      evidence: call.evidence.map((item) => ({ text: item.text, location: locate(item.range) })),
    },
  };
}

/** Findings attached to the node whose object contains them. */
function findingsPerNode(analysis: Analysis, findings: readonly Finding[]): Map<string, Finding[]> {
  const result = new Map<string, Finding[]>();
  const nodesByFile = new Map<string, GraphNode[]>();
  for (const node of analysis.graph.nodes) {
    if (!node.object) continue;
    const list = nodesByFile.get(node.object.file);
    if (list) list.push(node);
    else nodesByFile.set(node.object.file, [node]);
  }
  for (const finding of findings) {
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
