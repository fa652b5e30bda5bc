import { buildGraph } from './graph/buildGraph';
import type { Graph } from './graph/graph';
import { buildWorkspaceModel, type ModelOptions, type WorkspaceModel } from './model/workspaceModel';
import type { FileParse } from './parse/parsedFile';
import { runRules, type RuleCache } from './rules/analyze';
import { compareFindings, type Finding } from './rules/finding';
import { flatten } from './util/flatten';

export type AnalysisOptions = ModelOptions;

/** Everything the adapters show: the model, the graph and the findings of one workspace state. */
export interface Analysis {
  readonly model: WorkspaceModel;
  readonly graph: Graph;
  /** In output order (compareFindings), sorted on first read. */
  readonly findings: readonly Finding[];
  /**
   * The same findings in the order the rules made them, in parts (per rule, namespace or caller):
   * for consumers that group them anyway (the diagnostics, per file), which after an edit need
   * not wait for tens of thousands to be sorted or joined. A part is the same array as in the
   * previous analysis while its findings are.
   */
  readonly findingParts: readonly (readonly Finding[])[];
  readonly findingCount: number;
  /** Rules that failed on this input (a bug of ours, reported rather than hidden). */
  readonly ruleFailures: readonly string[];
  /** Findings of namespace-local rules by namespace, for the next analysis after an edit. */
  readonly ruleCache?: RuleCache;
}

/**
 * The pipeline after parsing: place objects, build the graph, run the rules. Pure and
 * synchronous. Given the previous analysis of the same workspace (after an edit), unchanged
 * objects are reused, and with them everything cached per object.
 */
export function analyzeWorkspace(
  files: readonly FileParse[],
  options: AnalysisOptions,
  previous?: Analysis,
): Analysis {
  const model = buildWorkspaceModel(files, options, previous?.model);
  const graph = buildGraph(model, previous?.graph);
  const { parts, failures, cache } = runRules({ model, graph }, previous?.ruleCache);
  let count = 0;
  for (let i = 0; i < parts.length; i++) count += parts[i]!.length;
  let sorted: readonly Finding[] | undefined;
  return {
    model,
    graph,
    get findings() {
      sorted ??= flatten(parts).sort(compareFindings);
      return sorted;
    },
    findingParts: parts,
    findingCount: count,
    ruleFailures: failures,
    ruleCache: cache,
  };
}
