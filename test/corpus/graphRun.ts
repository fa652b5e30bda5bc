// `kube-topology graph PATH... --format json` on a corpus combination, in a child process like users
// run it, once per combination (the tests share the runs).
import { runCliProcess } from '../helpers/cliProcess';
import { type Combo, comboLabel, comboPaths, type Range } from './corpus';

export interface Evidence {
  readonly file: string;
  readonly range: Range;
  readonly text: string;
}

export interface GraphNode {
  readonly id: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly file: string;
  readonly range: Range;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly type: string;
  readonly traffic?: string;
  readonly port?: number | string;
  readonly targetPort?: number | string;
  readonly evidence?: Evidence;
  readonly evidences?: readonly Evidence[];
}

export interface Diagnostic {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly file: string;
  readonly range: Range;
}

export interface GraphJson {
  readonly version: number;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly diagnostics: readonly Diagnostic[];
}

export function cliArgs(combo: Combo): string[] {
  return [
    'graph',
    ...comboPaths(combo),
    ...(combo.namespace ? ['--namespace', combo.namespace] : []),
    '--format',
    'json',
  ];
}

const runs = new Map<string, GraphJson>();

/** The graph of a combination; throws a readable error when the CLI fails or prints no JSON graph. */
export function graphOf(combo: Combo): GraphJson {
  const key = comboLabel(combo);
  const cached = runs.get(key);
  if (cached) return cached;
  const args = cliArgs(combo);
  const result = runCliProcess(args);
  const command = `kube-topology ${args.join(' ')}`;
  if (result.status !== 0) {
    throw new Error(`${command} exited ${result.status}\nstderr: ${result.stderr}`);
  }
  let json: GraphJson;
  try {
    json = JSON.parse(result.stdout) as GraphJson;
  } catch (error) {
    throw new Error(`${command} printed no JSON (${String(error)}):\n${result.stdout.slice(0, 500)}`, {
      cause: error,
    });
  }
  for (const key of ['nodes', 'edges', 'diagnostics'] as const) {
    if (!Array.isArray(json[key])) throw new Error(`${command}: "${key}" is not an array`);
  }
  runs.set(key, json);
  return json;
}

/** All evidence of an edge: `evidences` when present, else the single `evidence`. */
export function evidencesOf(edge: GraphEdge): readonly Evidence[] {
  if (edge.evidences && edge.evidences.length > 0) return edge.evidences;
  return edge.evidence ? [edge.evidence] : [];
}

export function describeEdge(edge: GraphEdge): string {
  const ports =
    edge.port === undefined && edge.targetPort === undefined
      ? ''
      : ` port ${JSON.stringify(edge.port)} targetPort ${JSON.stringify(edge.targetPort)}`;
  const evidence = edge.evidence
    ? ` (evidence ${edge.evidence.file}:${edge.evidence.range.start.line + 1} ${JSON.stringify(edge.evidence.text)})`
    : '';
  return `${edge.from} -${edge.type}-> ${edge.to}${ports}${evidence}`;
}

export function describeDiagnostic(diagnostic: Diagnostic): string {
  const line = diagnostic.range?.start ? diagnostic.range.start.line + 1 : '?';
  return `${diagnostic.file}:${line} ${diagnostic.severity} ${diagnostic.code} ${JSON.stringify(diagnostic.message)}`;
}
