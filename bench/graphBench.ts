// Cold graph benchmark (`npm run bench`): generates the synthetic workspaces (bench/generateCorpus.ts),
// then runs each configuration in its own fresh process (bench/graphRun.ts) and prints a Markdown
// table: medians of several runs, the ratio to the JSON.parse floor of the same size measured in this
// same invocation, peak RSS and retained heap; then the one-file-edit re-analysis medians.
//
//   npm run bench -- [--objects 10000,50000] [--runs 5] [--large-runs 3] [--edit-runs 15]
//                    [--large-edit-runs 5] [--exact-large]
//                    [--analyze-up-to N]
//
// "Cold graph" = walk + read + parse + analyzeWorkspace (model, graph, rules): the CLI minus output
// formatting. The floor is the same pipeline over the JSON twin with JSON.parse in place of the YAML
// parse. `exact` is the yaml v2 Documents tier (before the fast tier existed); it runs only at the
// smallest size unless --exact-large is given (about 30 s per run at 50,000 objects).
// --analyze-up-to N: above N objects only walk + read + parse are measured (for a quick look at the
// parse tiers alone; by default every size is analysed).
// Noise on this kind of machine is about ±30%: compare ratios within one invocation.
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { generateCorpus, type Corpus } from './generateCorpus';
import type { Config, RunResult } from './graphRun';

const { values } = parseArgs({
  options: {
    objects: { type: 'string', default: '10000,50000' },
    runs: { type: 'string', default: '5' },
    'large-runs': { type: 'string', default: '3' },
    'edit-runs': { type: 'string', default: '15' },
    'large-edit-runs': { type: 'string', default: '5' },
    'exact-large': { type: 'boolean', default: false },
    'analyze-up-to': { type: 'string', default: 'Infinity' },
    seed: { type: 'string', default: '1' },
  },
});

const sizes = values.objects.split(',').map(Number);
const smallest = Math.min(...sizes);

function median(numbers: readonly number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function run(config: Config, corpus: Corpus, runs: number, editRuns: number, analyze: boolean): RunResult {
  const dir = config === 'floor' ? corpus.jsonDir : corpus.yamlDir;
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      bundledRunner(),
      '--config',
      config,
      '--dir',
      dir,
      '--runs',
      String(runs),
      '--edit-runs',
      String(editRuns),
      ...(analyze ? [] : ['--skip-analysis']),
    ],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (child.status !== 0) throw new Error(`${config} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as RunResult;
}

let runner: string | undefined;

/** graphRun.ts bundled by esbuild like dist/cli.js, so the measured code is the code that ships. */
function bundledRunner(): string {
  if (runner) return runner;
  runner = path.join(os.tmpdir(), 'kube-topology-bench', 'graphRun.js');
  esbuild.buildSync({
    entryPoints: [path.join(__dirname, 'graphRun.ts')],
    outfile: runner,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  return runner;
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);

console.log(
  `Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), seed ${values.seed}\n`,
);
console.log(
  '| configuration | objects | files | MB | median s (runs) | read | parse | analyze | × floor | peak RSS MB | heap kept MB | edges | findings |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
const editRows: string[] = [];
for (const size of sizes) {
  const corpus = generateCorpus(size, Number(values.seed));
  const runs = size === smallest ? Number(values.runs) : Number(values['large-runs']);
  const configs: Config[] = ['floor', 'fast'];
  if (size === smallest || values['exact-large']) configs.push('exact');
  let floor = NaN;
  for (const config of configs) {
    const exactRuns = config === 'exact' ? Math.min(runs, 3) : runs;
    // Edits at every size (fast tier): the re-analysis must not grow with the workspace beyond
    // re-indexing the edited file, which only a comparison across sizes shows.
    const editRuns =
      config === 'floor' || (config === 'exact' && size !== smallest)
        ? 0
        : Number(size === smallest ? values['edit-runs'] : values['large-edit-runs']);
    const analyze = size <= Number(values['analyze-up-to']);
    const result = run(
      config,
      corpus,
      exactRuns,
      config === 'exact' ? Math.min(editRuns, 5) : editRuns,
      analyze,
    );
    const total = median(result.runs.map((timings) => timings.total));
    if (config === 'floor') floor = total;
    const label = {
      floor: 'floor: JSON.parse',
      fast: 'fast tier (block reader, js-yaml 4 fallback)',
      exact: 'exact tier (yaml v2 Documents)',
    }[config];
    console.log(
      `| ${label} | ${result.objects} | ${result.files} | ${(corpus.yamlBytes / 1e6).toFixed(1)} | ${seconds(total)} (${result.runs.length}) | ${seconds(median(result.runs.map((t) => t.read)))} | ${seconds(median(result.runs.map((t) => t.parse)))} | ${seconds(median(result.runs.map((t) => t.analyze)))} | ${(total / floor).toFixed(2)} | ${result.rssMb.toFixed(0)} | ${result.heapMb.toFixed(0)} | ${result.edges ?? '-'} | ${result.findings ?? '-'} |`,
    );
    if (result.edits.length > 0) {
      editRows.push(
        `| ${label} | ${result.objects} | ${result.editedFile ?? ''} | ${median(result.edits.map((e) => e.total)).toFixed(1)} (${result.edits.length}) | ${median(result.edits.map((e) => e.parse)).toFixed(1)} | ${median(result.edits.map((e) => e.analyze)).toFixed(1)} | ${median(result.edits.map((e) => e.analyzeFromScratch)).toFixed(1)} |`,
      );
    }
  }
}
console.log(
  '\nRe-analysis after editing one file: re-parse it + analyzeWorkspace over all files given the previous analysis (total), ms:\n',
);
console.log(
  '| parse tier | objects | edited file | median total (runs) | re-parse | analyzeWorkspace (previous given) | analyzeWorkspace from scratch |',
);
console.log('|---|---|---|---|---|---|---|');
for (const row of editRows) console.log(row);
