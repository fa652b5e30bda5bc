import type { GraphEdge, GraphNode } from '../../core/graph/graph';
import type { CliWorkspace } from '../workspace';
import { diagnosticsToJson } from './diagnosticsJson';

/** `graph --format json`: the document of docs/CLI.md, version 1. */
export function graphToJson(workspace: CliWorkspace): string {
  const { graph, findings } = workspace.analysis;
  const document = {
    version: 1,
    nodes: graph.nodes.map((node) => nodeToJson(workspace, node)),
    edges: graph.edges.map(edgeToJson),
    diagnostics: diagnosticsToJson(workspace, findings),
  };
  return JSON.stringify(document, null, 2);
}

function nodeToJson(workspace: CliWorkspace, node: GraphNode) {
  const base = { id: node.id, kind: node.kind, namespace: node.namespace, name: node.name };
  if (!node.object) return base;
  return { ...base, file: node.object.file, range: workspace.toJsonRange(node.object.range) };
}

function edgeToJson(edge: GraphEdge) {
  return {
    from: edge.from,
    to: edge.to,
    type: edge.type,
    ...(edge.ports ? { ports: edge.ports } : {}),
  };
}
