// The NetworkPolicy commands of the CLI (`connectivity`, `reach`) run in a child process as users run
// them, and their output turned into readable problems. What is expected never comes from the CLI.
import { spawn } from 'node:child_process';
import * as os from 'node:os';
import { type CliResult, cliPath, repoRoot, runCliProcess } from '../helpers/cliProcess';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export const PROTOCOLS: readonly Protocol[] = ['SCTP', 'TCP', 'UDP'];

export function isProtocol(value: unknown): value is Protocol {
  return typeof value === 'string' && (PROTOCOLS as readonly string[]).includes(value);
}

/** A command line to paste into a shell (the CLI runs in the repository root). */
export function commandLine(args: readonly string[]): string {
  const quote = (arg: string) => (/^[\w./:=@,+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);
  return `kube-topology ${args.map(quote).join(' ')}`;
}

function clip(text: string, max = 1500): string {
  const trimmed = text.trim();
  return trimmed.length > max
    ? `${trimmed.slice(0, max)}\n... (${trimmed.length - max} more characters)`
    : trimmed;
}

// ---------------------------------------------------------------------------------------------------
// reach

export interface ReachQuery {
  /** PATHs relative to the repository root (or absolute, for temporary folders). */
  readonly paths: readonly string[];
  /** An object id `Kind/namespace/name` or `external`. */
  readonly from: string;
  /** An object id (a workload or a Service) or `external`. */
  readonly to: string;
  /** The Service port for a Service, else the container port (a number or a port name). */
  readonly port: number | string;
  readonly protocol: Protocol;
  /** The outside address, when `from` or `to` is `external` and a specific address matters. */
  readonly externalIp?: string;
}

export interface ReachDirection {
  readonly isolated?: unknown;
  readonly allowedBy?: unknown;
}

export interface ReachJson {
  readonly allowed?: unknown;
  readonly egress?: ReachDirection;
  readonly ingress?: ReachDirection;
  readonly reason?: unknown;
}

export interface ReachOutcome {
  readonly query: ReachQuery;
  readonly command: string;
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly json?: ReachJson;
  /** The verdict, when the exit code and the JSON agree on one. */
  readonly allowed?: boolean;
  /** Why no verdict could be read (usage error, no JSON, exit code and JSON disagree). */
  readonly problems: readonly string[];
}

export function reachArgs(query: ReachQuery): string[] {
  return [
    'reach',
    ...query.paths,
    '--from',
    query.from,
    '--to',
    query.to,
    '--port',
    String(query.port),
    '--protocol',
    query.protocol,
    ...(query.externalIp ? ['--external-ip', query.externalIp] : []),
    '--format',
    'json',
  ];
}

/** `Deployment/default/frontend -> Service/default/emailservice:5000/TCP`. */
export function describeQuery(query: ReachQuery): string {
  const ip = (id: string) => (id === 'external' && query.externalIp ? `external(${query.externalIp})` : id);
  return `${ip(query.from)} -> ${ip(query.to)}:${query.port}/${query.protocol}`;
}

const reachCache = new Map<string, ReachOutcome>();
const reachKey = (query: ReachQuery) => JSON.stringify(reachArgs(query));

/** One run per distinct query: tests that ask the same question share the answer. */
export function runReach(query: ReachQuery): ReachOutcome {
  const key = reachKey(query);
  let outcome = reachCache.get(key);
  if (!outcome) {
    outcome = outcomeOf(query, runCliProcess(reachArgs(query)));
    reachCache.set(key, outcome);
  }
  return outcome;
}

function runCliAsync(args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath(), ...args], { cwd: repoRoot });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code ?? -1, stdout, stderr }));
  });
}

/**
 * Runs the queries not asked yet, as many at a time as there are CPUs, so that the tests that follow
 * read their answers from the cache.
 */
export async function prefetchReach(queries: readonly ReachQuery[]): Promise<void> {
  cliPath();
  const pending = [...new Map(queries.map((query) => [reachKey(query), query])).values()].filter(
    (query) => !reachCache.has(reachKey(query)),
  );
  const worker = async () => {
    for (let query = pending.shift(); query; query = pending.shift()) {
      reachCache.set(reachKey(query), outcomeOf(query, await runCliAsync(reachArgs(query))));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, os.availableParallelism()) }, worker));
}

function outcomeOf(query: ReachQuery, result: CliResult): ReachOutcome {
  const args = reachArgs(query);
  const base = { query, command: commandLine(args), ...result };
  const problems: string[] = [];
  if (result.status !== 0 && result.status !== 1) {
    const message = result.stderr.split(/\r?\n/).find((line) => line.trim() !== '');
    problems.push(`exit ${result.status} (not 0 or 1)${message ? `: ${message.trim()}` : ''}`);
    return { ...base, problems };
  }
  let json: ReachJson;
  try {
    json = JSON.parse(result.stdout) as ReachJson;
  } catch (error) {
    problems.push(`stdout is not JSON (${String(error)})`);
    return { ...base, problems };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    problems.push('stdout is JSON but not an object');
    return { ...base, problems };
  }
  if (typeof json.allowed !== 'boolean') {
    problems.push(`"allowed" is ${JSON.stringify(json.allowed)}, not a boolean`);
    return { ...base, json, problems };
  }
  const byExit = result.status === 0;
  if (json.allowed !== byExit) {
    problems.push(
      `exit ${result.status} says ${verdict(byExit)} but the JSON says "allowed": ${json.allowed}`,
    );
    return { ...base, json, problems };
  }
  return { ...base, json, allowed: json.allowed, problems };
}

export type Verdict = 'allowed' | 'blocked';
export const verdict = (allowed: boolean): Verdict => (allowed ? 'allowed' : 'blocked');

export interface ReachExpectation {
  readonly verdict: Verdict;
  /** Policies the expectation names as allowing the connection, per direction (allowed verdicts only). */
  readonly ingressBy?: readonly string[];
  readonly egressBy?: readonly string[];
  /** Policies that cannot have allowed it (no rule that matches), in either direction. */
  readonly notBy?: readonly string[];
}

/** Every `NetworkPolicy/ns/name` in a value, whatever shape `allowedBy` has (strings or objects). */
export function policyIdsIn(value: unknown): string[] {
  const text = JSON.stringify(value ?? null);
  return [...new Set(text.match(/NetworkPolicy\/[a-z0-9.-]+\/[a-z0-9.-]+/g) ?? [])];
}

export function reachProblems(outcome: ReachOutcome, expectation: ReachExpectation): string[] {
  if (outcome.problems.length > 0 || outcome.allowed === undefined) return [...outcome.problems];
  const problems: string[] = [];
  if (verdict(outcome.allowed) !== expectation.verdict) {
    problems.push(`expected ${expectation.verdict}, got ${verdict(outcome.allowed)}`);
  }
  const reason = outcome.json?.reason;
  if (typeof reason !== 'string' || reason.trim() === '') {
    problems.push(`"reason" is ${JSON.stringify(reason)}, expected a non-empty string`);
  }
  if (expectation.verdict === 'allowed' && outcome.allowed) {
    for (const direction of ['ingress', 'egress'] as const) {
      const wanted = direction === 'ingress' ? expectation.ingressBy : expectation.egressBy;
      const found = policyIdsIn(outcome.json?.[direction]?.allowedBy);
      for (const policy of wanted ?? []) {
        if (!found.includes(policy)) {
          problems.push(
            `${direction}.allowedBy does not name ${policy} (names: ${found.length > 0 ? found.join(', ') : 'none'})`,
          );
        }
      }
      for (const policy of expectation.notBy ?? []) {
        if (found.includes(policy))
          problems.push(`${direction}.allowedBy names ${policy}, which has no rule for this`);
      }
    }
  }
  return problems;
}

/** The failure message: what was asked, what is wrong, and how to run it again. */
export function reachReport(
  outcome: ReachOutcome,
  expectation: ReachExpectation,
  problems: readonly string[],
): string {
  const lines = [
    `${describeQuery(outcome.query)}: expected ${expectation.verdict}`,
    ...problems.map((problem) => `  - ${problem}`),
    `  command: ${outcome.command}`,
    `  exit: ${outcome.status}`,
  ];
  const json = outcome.json;
  if (json) {
    const side = (direction: 'egress' | 'ingress') => {
      const value = json[direction];
      return `${direction} isolated=${JSON.stringify(value?.isolated)} allowedBy=${JSON.stringify(value?.allowedBy)}`;
    };
    lines.push(`  answer: allowed=${JSON.stringify(json.allowed)}; ${side('egress')}; ${side('ingress')}`);
    lines.push(
      `  reason: ${clip(typeof json.reason === 'string' ? json.reason : JSON.stringify(json.reason), 600)}`,
    );
  } else if (outcome.stdout.trim()) {
    lines.push(`  stdout: ${clip(outcome.stdout, 600)}`);
  }
  if (outcome.stderr.trim()) lines.push(`  stderr: ${clip(outcome.stderr, 600)}`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------
// connectivity

export interface Triple {
  readonly src: string;
  readonly dst: string;
  readonly conn: string;
}

export const tripleLine = (triple: Triple): string => `${triple.src} => ${triple.dst} : ${triple.conn}`;

export interface ConnectivityRun {
  readonly command: string;
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runConnectivity(
  paths: readonly string[],
  format: 'text' | 'json',
  extra: readonly string[] = [],
): ConnectivityRun {
  const args = ['connectivity', ...paths, ...extra, '--format', format];
  return { command: commandLine(args), ...runCliProcess(args) };
}

/** Non-blank lines, trailing white space dropped. */
export function connlistLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '');
}

/** The triples of a connectivity JSON document, or what is wrong with its shape. */
export function parseTriples(text: string): { triples: Triple[]; problems: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { triples: [], problems: [`not JSON (${String(error)}): ${clip(text, 300)}`] };
  }
  if (!Array.isArray(value)) return { triples: [], problems: ['not a JSON array'] };
  const triples: Triple[] = [];
  const problems: string[] = [];
  value.forEach((item: unknown, index) => {
    const entry = item as Record<string, unknown> | null;
    if (
      typeof entry === 'object' &&
      entry !== null &&
      typeof entry.src === 'string' &&
      typeof entry.dst === 'string' &&
      typeof entry.conn === 'string'
    ) {
      triples.push({ src: entry.src, dst: entry.dst, conn: entry.conn });
    } else {
      problems.push(`[${index}] is not {src, dst, conn} strings: ${JSON.stringify(item)}`);
    }
  });
  return { triples, problems };
}

export interface SetComparison {
  readonly missing: string[];
  readonly extra: string[];
  readonly common: number;
}

export function compareSets(expected: readonly string[], actual: readonly string[]): SetComparison {
  const want = new Set(expected);
  const got = new Set(actual);
  return {
    missing: [...want].filter((line) => !got.has(line)).sort(),
    extra: [...got].filter((line) => !want.has(line)).sort(),
    common: [...want].filter((line) => got.has(line)).length,
  };
}

/**
 * The diff of two connection lists. Lines whose pair is on both sides with different connections are
 * shown together ("~"), so a wrong port list reads as one line, not as one missing and one extra.
 */
export function diffReport(comparison: SetComparison, oracle: string, limit = 40): string {
  const pairOf = (line: string) => line.replace(/ : .*$/, '');
  const connOf = (line: string) => line.replace(/^.* : /, '');
  const extraByPair = new Map(comparison.extra.map((line) => [pairOf(line), line]));
  const changed: string[] = [];
  const missing: string[] = [];
  for (const line of comparison.missing) {
    const ours = extraByPair.get(pairOf(line));
    if (ours !== undefined) {
      changed.push(`  ~ ${pairOf(line)} : ${oracle} "${connOf(line)}", ours "${connOf(ours)}"`);
      extraByPair.delete(pairOf(line));
    } else {
      missing.push(`  - ${line}`);
    }
  }
  const extra = [...extraByPair.values()].map((line) => `  + ${line}`);
  const section = (title: string, lines: readonly string[]) =>
    lines.length === 0
      ? []
      : [
          `${title} (${lines.length}):`,
          ...lines.slice(0, limit),
          ...(lines.length > limit ? [`  ... and ${lines.length - limit} more`] : []),
        ];
  return [
    ...section(`missing from ours (in ${oracle} only)`, missing),
    ...section(`printed by us only (not in ${oracle})`, extra),
    ...section('same pair, different connections', changed),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------
// connection sets (for reading netpol-analyzer's explain output)

type Ranges = [number, number][];

function union(ranges: Ranges): Ranges {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Ranges = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

const isAllPorts = (ranges: Ranges) => ranges.length === 1 && ranges[0]![0] <= 1 && ranges[0]![1] >= 65535;

/** netpol-analyzer's connection string: `All Connections`, or per protocol (sorted) `TCP 80,8000-8090`. */
export function formatConnections(perProtocol: ReadonlyMap<Protocol, Ranges>): string {
  const merged = new Map([...perProtocol].map(([protocol, ranges]) => [protocol, union(ranges)] as const));
  if (PROTOCOLS.every((protocol) => isAllPorts(merged.get(protocol) ?? []))) return 'All Connections';
  return PROTOCOLS.filter((protocol) => (merged.get(protocol) ?? []).length > 0)
    .map((protocol) => {
      const ranges = merged.get(protocol)!;
      if (isAllPorts(ranges)) return protocol;
      return `${protocol} ${ranges.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(',')}`;
    })
    .join(',');
}

/**
 * The connection list that netpol-analyzer's explain output (`--explain`) describes: every
 * `Allowed ...` line of each `Connections between A => B:` section, plus the pairs listed under
 * "All Connections due to the system default". Used where a case has only an explain oracle; the
 * test checks this reading against every case that has both.
 */
export function connlistFromExplain(text: string): string[] {
  const perPair = new Map<string, Map<Protocol, Ranges>>();
  const add = (pair: string, protocol: Protocol, ranges: Ranges) => {
    const entry = perPair.get(pair) ?? new Map<Protocol, Ranges>();
    entry.set(protocol, [...(entry.get(protocol) ?? []), ...ranges]);
    perPair.set(pair, entry);
  };
  let pair: string | undefined;
  let inSystemDefault = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const header = /^Connections between (.+ => .+):$/.exec(line);
    if (header) {
      pair = header[1]!;
      continue;
    }
    if (/^# All Connections due to the system default/.test(line)) {
      inSystemDefault = true;
      pair = undefined;
      continue;
    }
    if (inSystemDefault && / => /.test(line) && !line.startsWith('#')) {
      for (const protocol of PROTOCOLS) add(line, protocol, [[1, 65535]]);
      continue;
    }
    const allowed = /^\s+Allowed (.+?) due to /.exec(line);
    if (allowed && pair !== undefined) {
      for (const match of allowed[1]!.matchAll(/\b(TCP|UDP|SCTP)(?::\[([^\]]*)\])?/g)) {
        const protocol = match[1] as Protocol;
        const ranges: Ranges = match[2]
          ? match[2].split(',').map((part) => {
              const [lo, hi] = part.split('-').map(Number);
              return [lo!, hi ?? lo!];
            })
          : [[1, 65535]];
        add(pair, protocol, ranges);
      }
    }
  }
  return [...perPair].map(([key, conns]) => `${key} : ${formatConnections(conns)}`).sort();
}
