// One benchmark configuration in a fresh process (bench/graphBench.ts starts one per row, so RSS is
// that configuration's alone). Prints one JSON line: per-run timings, the peak RSS of the first
// run, the heap kept by its result, and (with --edit-runs) the one-file-edit re-analysis timings.
//
//   node --import tsx --expose-gc bench/graphRun.ts --config fast --dir DIR [--runs 5] [--edit-runs 15]
//     [--skip-analysis]   (walk + read + parse only)
import { parseArgs } from 'node:util';
import { analyzeWorkspace, type Analysis } from '../src/core/analysis';
import { readInputs, type InputFile } from '../src/cli/inputs';
import { isKubernetesObject, namesOf } from '../src/core/parse/kubernetesObjects';
import { parseManifestFile } from '../src/core/parse/parseManifestFile';
import { parseManifestFileFast } from '../src/core/parse/parseManifestFileFast';
import type { FileParse, ParsedObject } from '../src/core/parse/parsedFile';

export type Config = 'floor' | 'fast' | 'exact';

const PARSERS: Record<Config, (file: string, text: string) => FileParse> = {
  floor: parseJsonTwin,
  fast: parseManifestFileFast,
  exact: parseManifestFile,
};

export interface RunTimings {
  readonly read: number;
  readonly parse: number;
  readonly analyze: number;
  readonly total: number;
}

export interface EditTimings {
  readonly parse: number;
  /** analyzeWorkspace over all files, given the previous analysis (incremental where supported). */
  readonly analyze: number;
  readonly total: number;
  /** The same analysis from scratch (no previous analysis). */
  readonly analyzeFromScratch: number;
}

/**
 * analyzeWorkspace with its optional third argument, the previous analysis of the same workspace,
 * which it may use to reuse what an edit did not change. (Typed loosely so the benchmark also runs
 * against versions without that argument; they ignore it.)
 */
const analyzeAfter: (
  files: readonly FileParse[],
  options: { readonly defaultNamespace: string },
  previous?: Analysis,
) => Analysis = analyzeWorkspace;

export interface RunResult {
  readonly config: Config;
  readonly files: number;
  readonly bytes: number;
  readonly objects: number;
  /** Undefined when the analysis was skipped (--skip-analysis). */
  readonly edges: number | undefined;
  readonly findings: number | undefined;
  readonly runs: RunTimings[];
  /** Peak RSS (MB) of the process after its first run, with that run's result still held. */
  readonly rssMb: number;
  /** Heap (MB) after a full GC with the first run's inputs, parses and analysis held. */
  readonly heapMb: number;
  readonly edits: EditTimings[];
  readonly editedFile?: string;
}

interface Pipeline {
  readonly inputs: InputFile[];
  readonly files: FileParse[];
  readonly analysis: Analysis | undefined;
  readonly timings: RunTimings;
}

/** The CLI's pipeline minus output formatting: walk + read, parse every file, analyse. */
function runPipeline(config: Config, dir: string, analyze: boolean): Pipeline {
  const parse = PARSERS[config];
  const t0 = performance.now();
  const inputs = readInputs([dir]);
  const t1 = performance.now();
  const files = inputs.map((input) => parse(input.file, input.text));
  const t2 = performance.now();
  // As the CLI runs it: one analysis, no tracking for reuse.
  const analysis = analyze
    ? analyzeWorkspace(files, { defaultNamespace: 'default', oneShot: true })
    : undefined;
  const t3 = performance.now();
  return {
    inputs,
    files,
    analysis,
    timings: { read: t1 - t0, parse: t2 - t1, analyze: t3 - t2, total: t3 - t0 },
  };
}

/**
 * The floor's "parse": JSON.parse of the JSON twin (an array of the file's documents) and the same
 * objects as the YAML tiers would give, with placeholder ranges (the floor has no positions).
 */
function parseJsonTwin(file: string, text: string): FileParse {
  const documents = JSON.parse(text) as unknown[];
  const objects: ParsedObject[] = [];
  const at = { file, start: 0, end: 0 };
  const add = (body: unknown, documentIndex: number, itemIndex?: number) => {
    if (!isKubernetesObject(body)) return;
    const { name, namespace } = namesOf(body);
    objects.push({
      file,
      documentIndex,
      ...(itemIndex === undefined ? {} : { itemIndex }),
      apiVersion: body.apiVersion,
      kind: body.kind,
      name,
      ...(namespace === undefined ? {} : { declaredNamespace: namespace }),
      body,
      range: at,
      nameRange: at,
      locate: () => at,
    });
  };
  documents.forEach((document, index) => {
    if (isKubernetesObject(document) && document.kind.endsWith('List') && Array.isArray(document.items)) {
      document.items.forEach((item: unknown, itemIndex) => add(item, index, itemIndex));
    } else {
      add(document, index);
    }
  });
  return { file, objects, syntaxProblems: [], documentCount: documents.length };
}

/**
 * Re-analysis after an edit: one Deployment's env var is pointed at another Service and back, the
 * edited file is parsed again, and analyzeWorkspace runs over all FileParses, as the VS Code index
 * does after a keystroke burst.
 */
function measureEdits(
  config: Config,
  pipeline: Pipeline,
  runs: number,
): { edits: EditTimings[]; file?: string } {
  const parse = PARSERS[config];
  const index = pipeline.inputs.findIndex(
    (input, i) => i >= pipeline.inputs.length / 2 && /_ADDR\n\s+value: /.test(input.text),
  );
  const input = pipeline.inputs[index];
  if (!input) return { edits: [] };
  const original = input.text;
  const edited = original.replace(/(_ADDR\n\s+value: )([a-z0-9-]+)/, '$1$2-renamed');
  const files = [...pipeline.files];
  const edits: EditTimings[] = [];
  const options = { defaultNamespace: 'default' };
  if (runs === 0) return { edits: [], file: input.file };
  // The editor's analyses track what each result depended on; the base for the first edit too.
  let previous = analyzeWorkspace(files, options);
  // Typing starts on a settled heap: the workspace was indexed well before (the editor is idle
  // in between), not with the garbage of the first analyses still to be collected.
  (globalThis as { gc?: () => void }).gc?.();
  // The edits first, one after the other as in the editor; the from-scratch analyses of the same
  // states afterwards: run in between, their garbage was collected during the next edit's
  // measurement (at 50,000 objects that doubled the edit's median).
  const states: FileParse[][] = [];
  for (let run = 0; run < runs; run++) {
    const text = run % 2 === 0 ? edited : original;
    const t0 = performance.now();
    files[index] = parse(input.file, text);
    const t1 = performance.now();
    previous = analyzeAfter(files, options, previous);
    const t2 = performance.now();
    edits.push({ parse: t1 - t0, analyze: t2 - t1, total: t2 - t0, analyzeFromScratch: NaN });
    if (run < 2) states.push([...files]);
  }
  for (let run = 0; run < edits.length; run++) {
    const t0 = performance.now();
    analyzeWorkspace(states[run % 2]!, options);
    edits[run] = { ...edits[run]!, analyzeFromScratch: performance.now() - t0 };
  }
  return { edits, file: input.file };
}

/** The first run, measured for time and memory; its result is released before the other runs. */
function firstRun(config: Config, dir: string, editRuns: number, analyze: boolean): RunResult {
  const gc = (globalThis as { gc?: () => void }).gc;
  // The one-shot analysis stays inside: the edits run with the files and the editor's own
  // analysis held, as in the extension, not with this one beside them (it doubled the heap that
  // every edit's garbage collections work against).
  const { inputs, files, timings, rssMb, heapMb, edges, findings } = (() => {
    const first = runPipeline(config, dir, analyze);
    const rss = process.resourceUsage().maxRSS / 1024;
    gc?.();
    return {
      inputs: first.inputs,
      files: first.files,
      timings: first.timings,
      rssMb: rss,
      heapMb: process.memoryUsage().heapUsed / 2 ** 20,
      edges: first.analysis?.graph.edges.length,
      findings: first.analysis?.findings.length,
    };
  })();
  const { edits, file } = measureEdits(config, { inputs, files, analysis: undefined, timings }, editRuns);
  return {
    config,
    files: inputs.length,
    bytes: inputs.reduce((sum, input) => sum + input.text.length, 0),
    objects: files.reduce((sum, file) => sum + file.objects.length, 0),
    edges,
    findings,
    runs: [timings],
    rssMb,
    heapMb,
    edits,
    ...(file === undefined ? {} : { editedFile: file }),
  };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      dir: { type: 'string' },
      runs: { type: 'string', default: '5' },
      'edit-runs': { type: 'string', default: '0' },
      'skip-analysis': { type: 'boolean', default: false },
    },
  });
  const analyze = !values['skip-analysis'];
  const config = values.config as Config;
  if (!(config in PARSERS) || !values.dir) throw new Error('usage: --config floor|fast|exact --dir DIR');
  const result = firstRun(config, values.dir, analyze ? Number(values['edit-runs']) : 0, analyze);
  for (let run = 1; run < Number(values.runs); run++) {
    (globalThis as { gc?: () => void }).gc?.();
    result.runs.push(runPipeline(config, values.dir, analyze).timings);
  }
  console.log(JSON.stringify(result));
}

main();
