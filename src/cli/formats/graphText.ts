import type { Graph } from '../../core/graph/graph';

// `graph --format dot|mermaid`: the same nodes and edges for Graphviz and Markdown renderers.
// Ids are quoted/escaped, never spliced raw, since names come from untrusted manifests.

export function graphToDot(graph: Graph): string {
  const lines = ['digraph topology {', '  rankdir=LR;', '  node [shape=box, fontname="Helvetica"];'];
  for (const node of graph.nodes) {
    lines.push(`  ${dotString(node.id)} [label=${dotString(`${node.name}\n${node.kind}`)}];`);
  }
  for (const edge of graph.edges) {
    lines.push(`  ${dotString(edge.from)} -> ${dotString(edge.to)} [label=${dotString(edge.type)}];`);
  }
  lines.push('}');
  return lines.join('\n');
}

export function graphToMermaid(graph: Graph): string {
  const ids = new Map(graph.nodes.map((node, index) => [node.id, `n${index}`]));
  const lines = ['flowchart LR'];
  for (const node of graph.nodes) {
    lines.push(`  ${ids.get(node.id)}["${mermaidText(node.name)}<br/>${mermaidText(node.kind)}"]`);
  }
  for (const edge of graph.edges) {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (from && to) lines.push(`  ${from} -->|${edge.type}| ${to}`);
  }
  return lines.join('\n');
}

function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

function mermaidText(text: string): string {
  return text.replace(/[^A-Za-z0-9._\-/ ]/g, (character) => `#${character.charCodeAt(0)};`);
}
