import { analyzeWorkspace, type Analysis } from '../../src/core/analysis';
import type { GraphEdge } from '../../src/core/graph/graph';
import { parseManifestFile } from '../../src/core/parse/parseManifestFile';

/** Analyses inline manifests: `{ 'path.yaml': 'text' }`, as the CLI would a folder holding them. */
export function analyzeYaml(files: Record<string, string>, defaultNamespace = 'default'): Analysis {
  return analyzeWorkspace(
    Object.entries(files).map(([file, text]) => parseManifestFile(file, text)),
    { defaultNamespace },
  );
}

/** Edges of one type as `from -> to:port` strings, sorted, for compact assertions. */
export function edgeList(analysis: Analysis, type: GraphEdge['type']): string[] {
  return analysis.graph.edges
    .filter((edge) => edge.type === type)
    .map((edge) => `${edge.from} -> ${edge.to}${edge.port === undefined ? '' : `:${edge.port}`}`)
    .sort();
}

/** The text an edge's first evidence points at, read back from the source. */
export function evidenceText(files: Record<string, string>, edge: GraphEdge | undefined): string | undefined {
  const range = edge?.evidence?.[0]?.range;
  return range ? files[range.file]?.slice(range.start, range.end) : undefined;
}
