import type { GraphEdge, GraphNode } from '../../core/graph/graph';
import type { CliWorkspace } from '../workspace';
import { diagnosticsToJson } from './diagnosticsJson';

/** `graph --format json`: the document of docs/CLI.md, version 1. */
export function graphToJson(workspace: CliWorkspace): string {
  const { graph, findings } = workspace.analysis;
  const document = {
    version: 1,
    nodes: graph.nodes.map((node) => nodeToJson(workspace, node)),
    edges: graph.edges.map((edge) => edgeToJson(workspace, edge)),
    diagnostics: diagnosticsToJson(workspace, findings),
  };
  return JSON.stringify(document, null, 2);
}

function nodeToJson(workspace: CliWorkspace, node: GraphNode) {
  const base = { id: node.id, kind: node.kind, namespace: node.namespace, name: node.name };
  if (!node.object) return base;
  return {
    ...base,
    apiVersion: node.object.apiVersion,
    file: node.object.file,
    range: workspace.toJsonRange(node.object.range),
  };
}

function edgeToJson(workspace: CliWorkspace, edge: GraphEdge) {
  const evidence = (edge.evidence ?? []).map((item) => ({
    file: item.range.file,
    range: workspace.toJsonRange(item.range),
    text: item.text,
  }));
  return {
    from: edge.from,
    to: edge.to,
    type: edge.type,
    ...(edge.traffic ? { traffic: edge.traffic } : {}),
    ...(edge.port === undefined ? {} : { port: edge.port }),
    ...(edge.targetPort === undefined ? {} : { targetPort: edge.targetPort }),
    ...(edge.ports ? { ports: edge.ports } : {}),
    ...(evidence[0] ? { evidence: evidence[0], evidences: evidence } : {}),
    ...(edge.policy ? { policy: edge.policy } : {}),
  };
}
