// Conformance of `kube-topology connectivity` with np-guard netpol-analyzer's connectivity lists
// (../shared/corpus/netpol-oracles/, index.json): for every case, the case's inputs exactly, compared
// with the expected output as sets of lines.
//
// No case is excluded. The contract (docs/CLI.md, `connectivity`) promises netpol-analyzer's list
// line for line, and the copied cases use only what it covers: workloads named by their top owner
// (ReplicaSet-owned pods from live Pod lists), PodList/NamespaceList documents, ipBlock ranges split
// where policies cut them, named and end ports, and Ingress / OpenShift Route exposure as
// `{ingress-controller}`. Single oracle lines that rest on an analyzer behaviour the contract
// deliberately does not share are listed in EXCLUDED_LINES, each with its reason.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers/cliProcess';
import { CORPUS } from './corpus';
import { formatTable } from './eastWest';
import {
  compareSets,
  connlistFromExplain,
  connlistLines,
  type ConnectivityRun,
  diffReport,
  parseTriples,
  runConnectivity,
  tripleLine,
} from './netpolCli';

const ORACLES = path.posix.join(CORPUS, 'netpol-oracles');

interface OracleCase {
  readonly test: string;
  readonly description: string;
  readonly inputs: readonly string[];
  readonly expected_connlist: readonly string[];
  readonly expected_explain: readonly string[];
  readonly upstream_copy_in_test_dir: readonly string[];
}

const cases = (
  JSON.parse(fs.readFileSync(path.join(repoRoot, ORACLES, 'index.json'), 'utf8')) as {
    tests: OracleCase[];
  }
).tests;

const read = (rel: string) => fs.readFileSync(path.join(repoRoot, ORACLES, rel), 'utf8');
const inputPaths = (oracle: OracleCase) => oracle.inputs.map((input) => path.posix.join(ORACLES, input));
const oracleFile = (oracle: OracleCase, ext: '.txt' | '.json') =>
  oracle.expected_connlist.find((file) => file.endsWith(`_connlist_output${ext}`));
const explainFile = (oracle: OracleCase) =>
  oracle.expected_explain.find((file) => file.endsWith('_explain_output.txt'));

interface Exclusion {
  readonly line: string;
  readonly reason: string;
}

/**
 * Oracle lines left out of the comparison on both sides (neither required nor forbidden), with the
 * reason. Only for analyzer behaviour the contract deliberately does not model, never for a line we
 * merely fail to print today.
 */
const EXCLUDED_LINES: Readonly<Record<string, readonly Exclusion[]>> = {
  onlineboutique_workloads_with_ingress: [
    {
      line: '{ingress-controller} => default/frontend[Deployment] : TCP 8080',
      reason:
        'Ingress onlineboutique-ingress routes to port 8080 of Service frontend-external, which only has ' +
        'port 80 (targetPort 8080). netpol-analyzer also accepts an Ingress backend port equal to a ' +
        "Service's targetPort (getPeerAccessPort in pkg/netpol/connlist/internal/ingressanalyzer); " +
        'Kubernetes resolves a backend port against the Service ports only, and the contract reports ' +
        'such a backend as ingress-missing-port ("the Service exists but has no such port (by number or ' +
        'name)", docs/CLI.md): there is no path from the controller through this Ingress.',
    },
  ],
};

interface Expected {
  readonly lines: readonly string[];
  /** Where the lines come from, for messages and the table. */
  readonly source: string;
}

/**
 * The oracle's lines: its connlist text; for a case with only an explain oracle
 * (onlineboutique_workloads_with_ingress), the connections that explain output allows (the reading
 * is checked below against every case that has both).
 */
function expectedOf(oracle: OracleCase): Expected {
  const txt = oracleFile(oracle, '.txt');
  if (txt) return { lines: connlistLines(read(txt)), source: path.posix.basename(txt) };
  const explain = explainFile(oracle);
  if (explain) return { lines: connlistFromExplain(read(explain)), source: path.posix.basename(explain) };
  throw new Error(`${oracle.test}: index.json names no connlist or explain oracle`);
}

const textRuns = new Map<string, ConnectivityRun>();
function textRun(oracle: OracleCase): ConnectivityRun {
  let run = textRuns.get(oracle.test);
  if (!run) {
    run = runConnectivity(inputPaths(oracle), 'text');
    textRuns.set(oracle.test, run);
  }
  return run;
}

function cliFailure(run: ConnectivityRun): string | undefined {
  if (run.status === 0) return undefined;
  return `${run.command}\nexited ${run.status}${run.stderr.trim() ? `\nstderr: ${run.stderr.trim().slice(0, 800)}` : ''}`;
}

interface Row {
  readonly test: string;
  readonly oracle: string;
  readonly expected: number;
  readonly ours: string;
  readonly missing: string;
  readonly extra: string;
  readonly excluded: number;
  readonly result: string;
}

describe('netpol-analyzer oracles: kube-topology connectivity', function () {
  this.timeout(120_000);
  const rows: Row[] = [];
  const jsonRows = new Map<string, string>();

  after(() => {
    if (rows.length === 0) return;
    const table = formatTable(
      ['case', 'oracle', 'expected', 'ours', 'missing', 'extra', 'excluded', 'text', 'json'],
      rows.map((row) => [
        row.test,
        row.oracle,
        String(row.expected),
        row.ours,
        row.missing,
        row.extra,
        String(row.excluded),
        row.result,
        jsonRows.get(row.test) ?? '-',
      ]),
    );
    const passed = rows.filter((row) => row.result === 'pass').length;
    console.log(`\nnetpol-analyzer oracles (${passed}/${rows.length} cases pass):\n${table}\n`);
  });

  describe('the oracles themselves (harness checks)', () => {
    it('index.json: every input and expected file exists, and no upstream output copy is an input', () => {
      const problems: string[] = [];
      for (const oracle of cases) {
        for (const file of [...oracle.inputs, ...oracle.expected_connlist, ...oracle.expected_explain]) {
          if (!fs.existsSync(path.join(repoRoot, ORACLES, file)))
            problems.push(`${oracle.test}: ${file} missing`);
        }
        for (const copy of oracle.upstream_copy_in_test_dir) {
          if (oracle.inputs.includes(copy)) problems.push(`${oracle.test}: output copy ${copy} is an input`);
        }
        if (oracle.inputs.length === 0) problems.push(`${oracle.test}: no inputs`);
      }
      assert.ok(problems.length === 0, problems.join('\n'));
    });

    it('every excluded line is a line of its oracle', () => {
      const problems: string[] = [];
      for (const [test, exclusions] of Object.entries(EXCLUDED_LINES)) {
        const oracle = cases.find((each) => each.test === test);
        if (!oracle) {
          problems.push(`${test}: no such case in index.json`);
          continue;
        }
        const lines = expectedOf(oracle).lines;
        for (const { line } of exclusions)
          if (!lines.includes(line)) problems.push(`${test}: not in the oracle: ${line}`);
      }
      assert.ok(problems.length === 0, problems.join('\n'));
    });

    it('each JSON oracle lists the same connections as its text oracle', () => {
      const problems: string[] = [];
      for (const oracle of cases) {
        const json = oracleFile(oracle, '.json');
        const txt = oracleFile(oracle, '.txt');
        if (!json || !txt) continue;
        const parsed = parseTriples(read(json));
        const comparison = compareSets(connlistLines(read(txt)), parsed.triples.map(tripleLine));
        if (parsed.problems.length > 0 || comparison.missing.length + comparison.extra.length > 0) {
          problems.push(
            `${oracle.test}:\n${[...parsed.problems, diffReport(comparison, 'text oracle')].join('\n')}`,
          );
        }
      }
      assert.ok(problems.length === 0, problems.join('\n'));
    });

    it('reading an explain oracle gives exactly the connlist oracle, for every case that has both', () => {
      const problems: string[] = [];
      let compared = 0;
      for (const oracle of cases) {
        const explain = explainFile(oracle);
        const txt = oracleFile(oracle, '.txt');
        if (!explain || !txt) continue;
        compared += 1;
        const comparison = compareSets(connlistLines(read(txt)), connlistFromExplain(read(explain)));
        if (comparison.missing.length + comparison.extra.length > 0) {
          problems.push(`${oracle.test}:\n${diffReport(comparison, 'connlist oracle')}`);
        }
      }
      assert.ok(compared > 0, 'no case has both an explain and a connlist oracle');
      assert.ok(problems.length === 0, problems.join('\n'));
    });
  });

  describe('connectivity --format text, compared with the oracle as sets of lines', () => {
    for (const oracle of cases) {
      const expected = expectedOf(oracle);
      it(`${oracle.test}: ${expected.lines.length} connections (${expected.source})`, () => {
        const run = textRun(oracle);
        const failure = cliFailure(run);
        if (failure) {
          rows.push({
            test: oracle.test,
            oracle: expected.source.replace(`${oracle.test}_`, ''),
            expected: expected.lines.length,
            ours: '-',
            missing: '-',
            extra: '-',
            excluded: EXCLUDED_LINES[oracle.test]?.length ?? 0,
            result: `CLI exit ${run.status}`,
          });
          assert.fail(`${oracle.test} (${oracle.description}):\n${failure}`);
        }
        const excluded = new Set((EXCLUDED_LINES[oracle.test] ?? []).map((exclusion) => exclusion.line));
        const ours = connlistLines(run.stdout);
        const comparison = compareSets(
          expected.lines.filter((line) => !excluded.has(line)),
          ours.filter((line) => !excluded.has(line)),
        );
        const ok = comparison.missing.length === 0 && comparison.extra.length === 0;
        rows.push({
          test: oracle.test,
          oracle: expected.source.replace(`${oracle.test}_`, ''),
          expected: expected.lines.length,
          ours: String(new Set(ours).size),
          missing: String(comparison.missing.length),
          extra: String(comparison.extra.length),
          excluded: excluded.size,
          result: ok ? 'pass' : 'FAIL',
        });
        assert.ok(
          ok,
          [
            `${oracle.test} (${oracle.description}): ${comparison.common} of ${expected.lines.length - excluded.size} oracle lines match` +
              (excluded.size > 0 ? ` (${excluded.size} excluded, see EXCLUDED_LINES)` : ''),
            diffReport(comparison, expected.source),
            `command: ${run.command}`,
          ].join('\n'),
        );
      });
    }

    it('text output: one line per pair, sorted, nothing but connection lines (all cases)', () => {
      const problems: string[] = [];
      for (const oracle of cases) {
        const run = textRun(oracle);
        if (run.status !== 0) {
          problems.push(`${oracle.test}: CLI exited ${run.status}`);
          continue;
        }
        const lines = connlistLines(run.stdout);
        const pairs = lines.map((line) => line.replace(/ : .*$/, ''));
        const duplicates = pairs.filter((pair, index) => pairs.indexOf(pair) !== index);
        if (duplicates.length > 0)
          problems.push(`${oracle.test}: pairs listed twice: ${duplicates.join('; ')}`);
        const sorted = [...lines].sort();
        const firstUnsorted = lines.findIndex((line, index) => line !== sorted[index]);
        if (firstUnsorted >= 0)
          problems.push(`${oracle.test}: not sorted at line ${firstUnsorted + 1}: ${lines[firstUnsorted]}`);
        const malformed = lines.filter((line) => !/^\S+ => \S+ : \S.*$/.test(line));
        if (malformed.length > 0)
          problems.push(
            `${oracle.test}: lines not "SRC => DST : CONNS": ${malformed.slice(0, 5).join('; ')}`,
          );
        const self = lines.filter((line) => {
          const [src, rest] = line.split(' => ');
          return rest?.split(' : ')[0] === src;
        });
        if (self.length > 0) problems.push(`${oracle.test}: self-connections listed: ${self.join('; ')}`);
      }
      assert.ok(problems.length === 0, problems.join('\n'));
    });
  });

  describe('connectivity --format json: the same triples as the text output and as the JSON oracle', () => {
    for (const oracle of cases.filter((each) => oracleFile(each, '.json'))) {
      const jsonOracle = oracleFile(oracle, '.json')!;
      it(`${oracle.test}: ${path.posix.basename(jsonOracle)}`, () => {
        const run = runConnectivity(inputPaths(oracle), 'json');
        const failure = cliFailure(run);
        if (failure) {
          jsonRows.set(oracle.test, `CLI exit ${run.status}`);
          assert.fail(failure);
        }
        const ours = parseTriples(run.stdout);
        const problems = [...ours.problems];
        const oursLines = ours.triples.map(tripleLine);
        const expected = parseTriples(read(jsonOracle)).triples.map(tripleLine);
        const versusOracle = compareSets(expected, oursLines);
        if (versusOracle.missing.length + versusOracle.extra.length > 0) {
          problems.push(
            `compared with ${path.posix.basename(jsonOracle)}:\n${diffReport(versusOracle, 'JSON oracle')}`,
          );
        }
        const text = textRun(oracle);
        if (text.status === 0) {
          const versusText = compareSets(connlistLines(text.stdout), oursLines);
          if (versusText.missing.length + versusText.extra.length > 0) {
            problems.push(
              `compared with our own --format text:\n${diffReport(versusText, 'our text output')}`,
            );
          }
        } else {
          problems.push(`--format text exited ${text.status}, so JSON and text could not be compared`);
        }
        if (ours.triples.length !== new Set(oursLines).size) problems.push('the JSON array repeats a triple');
        jsonRows.set(oracle.test, problems.length === 0 ? 'pass' : 'FAIL');
        assert.ok(problems.length === 0, `${oracle.test}:\n${problems.join('\n')}\ncommand: ${run.command}`);
      });
    }
  });
});
