// The words the webview shows around the canvas. Pure, so the wording is unit-tested in plain Node.
import type { GraphDto } from '../src/shared/graphDto';

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The toolbar's count label, e.g. `12 nodes, 15 edges`. */
export function countText(nodeCount: number, edgeCount: number): string {
  return `${plural(nodeCount, 'node', 'nodes')}, ${plural(edgeCount, 'edge', 'edges')}`;
}

export const EMPTY_TITLE = 'No Kubernetes workloads or Services found in this workspace';

/** The explanation under the empty-state title: what was read, where from, and the namespace assumption. */
export function emptyStateDetails(graph: GraphDto): string[] {
  const { files, objects, findings } = graph.summary;
  return [
    `Read ${plural(files, 'file', 'files')} with ${plural(objects, 'Kubernetes object', 'Kubernetes objects')}` +
      ` and ${plural(findings, 'finding', 'findings')}.`,
    'Workloads, Services and the Ingresses or Gateways that expose them are read from the files matched by ' +
      'the kubeTopology.include setting and not by kubeTopology.exclude.',
    `Objects without metadata.namespace are placed in "${graph.assumptions.defaultNamespace}".`,
  ];
}
