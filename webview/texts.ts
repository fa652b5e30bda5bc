// The words the webview shows around the canvas. Pure, so the wording is unit-tested in plain Node.
import type { GraphDto } from '../src/shared/graphDto';

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The toolbar's count label: `12 nodes, 15 edges`, or `5 of 12 nodes, 3 of 15 edges` when filtered. */
export function countText(
  nodeCount: number,
  edgeCount: number,
  shownNodes?: number,
  shownEdges?: number,
): string {
  const part = (shown: number | undefined, total: number, one: string, many: string) =>
    shown === undefined || shown === total
      ? plural(total, one, many)
      : `${shown} of ${plural(total, one, many)}`;
  return `${part(shownNodes, nodeCount, 'node', 'nodes')}, ${part(shownEdges, edgeCount, 'edge', 'edges')}`;
}

/** Why there is nothing to draw, from the snapshot's totals. */
export type EmptyReason = 'no-files' | 'syntax-errors-only' | 'no-manifests' | 'no-topology';

export function emptyReason(graph: GraphDto): EmptyReason {
  const { files, objects, syntaxErrorFiles = 0 } = graph.summary;
  if (files === 0) return 'no-files';
  if (objects === 0 && syntaxErrorFiles > 0) return 'syntax-errors-only';
  if (objects === 0) return 'no-manifests';
  return 'no-topology';
}

export const EMPTY_TITLES: Readonly<Record<EmptyReason, string>> = {
  'no-files': 'No YAML or JSON files in this workspace',
  'syntax-errors-only': 'The manifests could not be read: YAML syntax errors',
  'no-manifests': 'No Kubernetes manifests in this workspace',
  'no-topology': 'No Kubernetes workloads or Services found in this workspace',
};

/** Kept for callers that show the generic title. */
export const EMPTY_TITLE = EMPTY_TITLES['no-topology'];

/** The explanation under the empty-state title: what was read, where from, and the namespace assumption. */
export function emptyStateDetails(graph: GraphDto): string[] {
  const { files, objects, findings, skippedFiles = 0, syntaxErrorFiles = 0 } = graph.summary;
  const settings =
    'Files are read when they match the kubeTopology.include setting and not kubeTopology.exclude.';
  const namespace = `Objects without metadata.namespace are placed in "${graph.assumptions.defaultNamespace}".`;
  switch (emptyReason(graph)) {
    case 'no-files':
      return [
        'Open a folder that contains Kubernetes manifests (*.yaml, *.yml or *.json).',
        settings,
        namespace,
      ];
    case 'syntax-errors-only':
      return [
        `${plural(syntaxErrorFiles, 'file has', 'files have')} YAML syntax errors, and nothing else could be read.`,
        'The errors are listed in the Problems view; the graph appears as soon as a manifest parses.',
        namespace,
      ];
    case 'no-manifests':
      return [
        `Read ${plural(files, 'file', 'files')}; none holds a Kubernetes object` +
          (skippedFiles > 0
            ? ` (${plural(skippedFiles, 'was', 'were')} skipped as Helm templates, Compose files or other YAML).`
            : '.'),
        settings,
        namespace,
      ];
    case 'no-topology':
      return [
        `Read ${plural(files, 'file', 'files')} with ${plural(objects, 'Kubernetes object', 'Kubernetes objects')}` +
          ` and ${plural(findings, 'finding', 'findings')}.`,
        'Workloads, Services and the Ingresses or Gateways that expose them are read from the files matched by ' +
          'the kubeTopology.include setting and not by kubeTopology.exclude.',
        namespace,
      ];
  }
}
