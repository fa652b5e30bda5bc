// `kube-topology policies` proven by re-analysis, on every corpus set without NetworkPolicies and on
// the sample workspace without its own: the CLI's output is added to the manifests as one more file,
// and the CLI run again must find (a) every inferred call and every north-south path allowed, (b)
// every other pair of workloads blocked (`connectivity`), with exactly the pod ports the calls use,
// (c) no `workload-not-isolated` nor `egress-blocks-dns`, and no other finding changed. What is
// expected comes from the graph of the manifests alone, read before the policies were written.
// Then a report (no assertions): Online Boutique's own hand-written policies against ours.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeWorkspace, type Analysis } from '../../src/core/analysis';
import type { K8sObject } from '../../src/core/model/k8sObject';
import type { Workload } from '../../src/core/model/workspaceModel';
import { parseManifestFileFast } from '../../src/core/parse/parseManifestFileFast';
import type { ConnectionSet } from '../../src/core/policy/connectionSet';
import type { Endpoint } from '../../src/core/policy/endpoints';
import { ALL_IPV4 } from '../../src/core/policy/ipRanges';
import type { Direction } from '../../src/core/policy/policyEngine';
import { readInputs } from '../../src/cli/inputs';
import { repoRoot, runCliProcess } from '../helpers/cliProcess';
import { CORPUS } from './corpus';
import { formatTable } from './eastWest';
import type { Diagnostic, GraphJson } from './graphRun';

interface RoundTripSet {
  readonly name: string;
  /** PATHs relative to the repository root, where the CLI runs. */
  readonly paths: readonly string[];
  readonly namespace?: string;
}

/** The sample workspace without the files that hold its NetworkPolicies (read from the files, not by name). */
function shopWithoutPolicies(): string[] {
  const files: string[] = [];
  const walk = (directory: string) => {
    for (const entry of fs.readdirSync(path.join(repoRoot, directory), { withFileTypes: true })) {
      const relative = path.posix.join(directory, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (/\.ya?ml$/.test(entry.name)) {
        const text = fs.readFileSync(path.join(repoRoot, relative), 'utf8');
        if (!/^kind:\s*NetworkPolicy\s*$/m.test(text)) files.push(relative);
      }
    }
  };
  walk('examples/shop');
  return files.sort();
}

const SETS: readonly RoundTripSet[] = [
  {
    name: 'Online Boutique release (no network-policies component)',
    paths: [`${CORPUS}/online-boutique/release`],
  },
  { name: 'Bookinfo', paths: [`${CORPUS}/bookinfo`] },
  {
    name: 'OpenTelemetry demo',
    paths: [`${CORPUS}/opentelemetry-demo`],
    namespace: 'otel-demo',
  },
  { name: 'examples/shop without its policies', paths: shopWithoutPolicies() },
];

const OUT = path.join(repoRoot, 'test-results', 'policies-round-trip');

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Runs the CLI; a non-zero exit or stderr output fails with the command line. */
function cli(args: readonly string[]): string {
  const result = runCliProcess(args);
  const command = `kube-topology ${args.join(' ')}`;
  assert.equal(result.status, 0, `${command} exited ${result.status}: ${result.stderr}`);
  assert.equal(result.stderr, '', `${command} wrote to stderr`);
  return result.stdout;
}

interface JsonEdge {
  readonly from: string;
  readonly to: string;
  readonly type: string;
  readonly traffic?: string;
  readonly port?: number;
  readonly ports?: readonly { port: number; protocol: string; containerPort?: number }[];
  readonly policy?: { readonly allowed: boolean; readonly reason: string };
}

type Graph = Omit<GraphJson, 'edges'> & { readonly edges: readonly JsonEdge[] };

function graph(paths: readonly string[], namespace: string | undefined): Graph {
  return JSON.parse(
    cli(['graph', ...paths, ...(namespace ? ['--namespace', namespace] : []), '--format', 'json']),
  ) as Graph;
}

/** `namespace/name[Kind]`, as the connectivity list names a workload. */
function listed(id: string): string {
  const [kind, namespace, name] = id.split('/');
  return `${namespace}/${name}[${kind}]`;
}

/** Ports as the connectivity list prints them: `TCP 4317-4318,UDP 53`, protocols alphabetical. */
function formatPorts(ports: ReadonlySet<string>): string {
  const byProtocol = new Map<string, number[]>();
  for (const entry of ports) {
    const [protocol, port] = entry.split(' ');
    byProtocol.set(protocol!, [...(byProtocol.get(protocol!) ?? []), Number(port)]);
  }
  return [...byProtocol.keys()]
    .sort()
    .map((protocol) => {
      const numbers = [...new Set(byProtocol.get(protocol))].sort((a, b) => a - b);
      const ranges: string[] = [];
      for (let i = 0; i < numbers.length; i++) {
        let j = i;
        while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
        ranges.push(i === j ? `${numbers[i]}` : `${numbers[i]}-${numbers[j]}`);
        i = j;
      }
      return `${protocol} ${ranges.join(',')}`;
    })
    .join(',');
}

/**
 * What connectivity must list after the round trip, from the graph before: per calls edge, the
 * caller to each workload its Service selects, on the container ports of the Service ports used;
 * from outside, each workload behind a LoadBalancer or NodePort, on the ports it exposes.
 */
function expectedConnections(before: Graph): Map<string, Set<string>> {
  const selects = before.edges.filter((edge) => edge.type === 'selects');
  const expected = new Map<string, Set<string>>();
  const add = (src: string, dst: string, protocol: string, port: number) => {
    const key = `${src} => ${dst}`;
    expected.set(key, (expected.get(key) ?? new Set()).add(`${protocol} ${port}`));
  };
  for (const edge of before.edges) {
    const external = edge.type === 'exposes' && edge.to.startsWith('Service/');
    if (edge.type !== 'calls' && !external) continue;
    for (const selected of selects.filter((candidate) => candidate.from === edge.to)) {
      for (const mapping of selected.ports ?? []) {
        if (edge.port !== undefined && mapping.port !== edge.port) continue;
        if (mapping.containerPort === undefined) continue;
        const src = external ? '0.0.0.0-255.255.255.255[External]' : listed(edge.from);
        add(src, listed(selected.to), mapping.protocol, mapping.containerPort);
      }
    }
  }
  return expected;
}

/** Edges that carry a verdict and whose Service selects pods (a Service without pods is another finding). */
function judgedEdges(graphJson: Graph): JsonEdge[] {
  const withPods = new Set(
    graphJson.edges.filter((edge) => edge.type === 'selects').map((edge) => edge.from),
  );
  return graphJson.edges.filter((edge) => edge.policy !== undefined && withPods.has(edge.to));
}

function diagnosticLine(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${diagnostic.code} ${diagnostic.file}:${start.line}:${start.character}-${end.line}:${end.character} ${diagnostic.message}`;
}

const NEW_POLICIES_FILE = /^[^/]+\.policies\.yaml$/;

const WORKLOAD_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
  'Pod',
]);

/** Runs `policies` on a set, adds its output, re-analyses, asserts (a), (b), (c); returns the table row. */
function roundTrip(set: RoundTripSet, flags: readonly string[]): string[] {
  const namespaceArgs = set.namespace ? ['--namespace', set.namespace] : [];
  const before = graph(set.paths, set.namespace);
  assert.ok(
    readInputs(set.paths).every((input) => !/^kind:\s*NetworkPolicy\s*$/m.test(input.text)),
    'a set without NetworkPolicies',
  );
  assert.ok(before.diagnostics.some((diagnostic) => diagnostic.code === 'workload-not-isolated'));

  const yaml = cli(['policies', ...set.paths, ...namespaceArgs, ...flags]);
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${slug([set.name, ...flags].join(' '))}.policies.yaml`);
  fs.writeFileSync(file, yaml);
  const paths = [...set.paths, path.relative(repoRoot, file)];
  const after = graph(paths, set.namespace);
  const policies = yaml.match(/^kind: NetworkPolicy$/gm)?.length ?? 0;
  const workloads = before.nodes.filter((node) => WORKLOAD_KINDS.has(node.kind));
  const namespaces = new Set(workloads.map((node) => node.namespace)).size;
  const denies = flags.includes('--namespace-default-deny') ? namespaces : 0;
  assert.equal(policies, workloads.length + denies, 'one policy per workload (and namespace)');

  // The graph is the same: only verdicts may change.
  const shape = (graphJson: Graph) =>
    graphJson.edges.map((edge) => `${edge.type} ${edge.from} -> ${edge.to}:${edge.port ?? ''}`).sort();
  assert.deepEqual(shape(after), shape(before));

  // (a) Every inferred call and every north-south last hop is allowed.
  const judged = judgedEdges(after);
  const blocked = judged
    .filter((edge) => !edge.policy!.allowed)
    .map((edge) => `${edge.type} ${edge.from} -> ${edge.to}:${edge.port ?? ''}: ${edge.policy!.reason}`);
  assert.deepEqual(blocked, [], `blocked after the round trip:\n${blocked.join('\n')}`);

  // (b) Between workloads and from outside, exactly the expected connections, on exactly those ports.
  const lines = JSON.parse(cli(['connectivity', ...paths, ...namespaceArgs, '--format', 'json'])) as {
    src: string;
    dst: string;
    conn: string;
  }[];
  const expected = expectedConnections(before);
  const actual = lines
    .filter((line) => !line.src.startsWith('{') && !line.dst.endsWith('[External]'))
    .map((line) => `${line.src} => ${line.dst} : ${line.conn}`)
    .sort();
  const wanted = [...expected].map(([pair, ports]) => `${pair} : ${formatPorts(ports)}`).sort();
  assert.deepEqual(actual, wanted);
  const outward = lines.filter((line) => line.dst.endsWith('[External]'));
  assert.deepEqual(outward, [], 'no egress outside the cluster: nothing in the manifests calls out');

  // (c) The two findings are gone and nothing else changed.
  const gone = new Set(['workload-not-isolated', 'egress-blocks-dns']);
  assert.deepEqual(
    after.diagnostics.map(diagnosticLine).sort(),
    before.diagnostics
      .filter((diagnostic) => !gone.has(diagnostic.code))
      .map(diagnosticLine)
      .sort(),
  );
  assert.ok(after.diagnostics.every((diagnostic) => !NEW_POLICIES_FILE.test(diagnostic.file)));

  const pairs = workloads.length * (workloads.length - 1);
  const allowedPairs = [...expected.keys()].filter((pair) => !pair.startsWith('0.0.0.0')).length;
  const calls = judged.filter((edge) => edge.type === 'calls').length;
  return [
    [set.name, ...flags].join(' '),
    String(policies),
    String(workloads.length),
    `${judged.length} (${calls} calls, ${judged.length - calls} north-south)`,
    `${allowedPairs}`,
    `${pairs - allowedPairs} of ${pairs}`,
  ];
}

describe('kube-topology policies round trip', function () {
  this.timeout(300_000);
  const rows: string[][] = [];

  for (const set of SETS) {
    it(`${set.name}: every inferred edge allowed, every other pair blocked, the findings gone`, () => {
      rows.push(roundTrip(set, []));
    });
  }

  it('with --namespace-default-deny, on the sample workspace (three namespaces): the same', () => {
    rows.push(roundTrip(SETS.at(-1)!, ['--namespace-default-deny']));
  });

  it('rejects what it does not know (exit 2, nothing on stdout)', () => {
    for (const args of [
      ['policies', 'examples/shop', '--format', 'json'],
      ['policies', 'examples/shop', '--namespace-default-deny=yes'],
      ['policies', 'examples/shop', '--fail-on', 'error'],
      ['policies'],
    ]) {
      const result = runCliProcess(args);
      assert.equal(result.status, 2, args.join(' '));
      assert.equal(result.stdout, '', args.join(' '));
    }
  });

  after(() => {
    if (rows.length === 0) return;
    console.log(
      `\nkube-topology policies, applied and re-analysed:\n${formatTable(
        [
          'set',
          'policies generated',
          'workloads',
          'edges allowed',
          'pairs allowed',
          'workload pairs blocked',
        ],
        rows,
      )}\n`,
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// Online Boutique's hand-written policies against ours (a report).

const BOUTIQUE = `${CORPUS}/online-boutique/release/kubernetes-manifests.yaml`;
const BOUTIQUE_POLICIES = `${CORPUS}/online-boutique/kustomize/components/network-policies`;

function analyzePaths(paths: readonly string[], extra?: { file: string; text: string }): Analysis {
  const files = readInputs(paths).map((input) => parseManifestFileFast(input.file, input.text));
  if (extra) files.push(parseManifestFileFast(extra.file, extra.text));
  return analyzeWorkspace(files, { defaultNamespace: 'default', oneShot: true });
}

/** A stand-in for the cluster DNS the manifests do not contain, as the egress-blocks-dns rule sees it. */
const KUBE_DNS: Workload = {
  object: {
    id: 'Deployment/kube-system/kube-dns',
    kind: 'Deployment',
    name: 'kube-dns',
    namespace: 'kube-system',
  } as K8sObject,
  template: {
    labels: { 'k8s-app': 'kube-dns' },
    path: [],
    containers: [
      {
        name: 'coredns',
        init: false,
        path: [],
        body: {},
        ports: [
          { containerPort: 53, protocol: 'UDP' },
          { containerPort: 53, protocol: 'TCP' },
        ],
      },
    ],
  },
};

/** What one side allows per peer, with the rules that allow it. */
function sideOf(
  analysis: Analysis,
  id: string,
  direction: Direction,
): Map<string, { set: ConnectionSet; by: string[] }> {
  const engine = analysis.graph.policy;
  const pod = analysis.model.workloadsById.get(id)!;
  const peers: [string, Endpoint][] = analysis.model.workloads
    .filter((workload) => workload.object.id !== id)
    .map((workload) => [workload.object.name, { kind: 'workload', workload }]);
  peers.push(['outside the cluster', { kind: 'external', range: ALL_IPV4 }]);
  if (direction === 'ingress')
    peers.push([
      'any pod of another namespace',
      { kind: 'ingress-controller', controller: { known: false } },
    ]);
  else peers.push(['kube-dns', { kind: 'workload', workload: KUBE_DNS }]);
  const result = new Map<string, { set: ConnectionSet; by: string[] }>();
  for (const [name, peer] of peers) {
    const portsOn = direction === 'ingress' ? pod : peer.kind === 'workload' ? peer.workload : undefined;
    const verdict = engine.verdict(direction, pod, peer, portsOn);
    const by = verdict.matches.map(({ policy, rule }) => {
      const everything = rule.peers === 'all' && rule.ports === 'all' ? ' `{}`: every peer, every port' : '';
      return `${policy.object.name} ${direction} rule ${rule.index}${everything}`;
    });
    result.set(name, { set: verdict.allowed, by: verdict.isolated ? by : ['not isolated'] });
  }
  return result;
}

function subset(a: ConnectionSet, b: ConnectionSet): boolean {
  return a.intersect(b).equals(a);
}

/** `everyone: All Connections` or `a, b: TCP 80; c: UDP 53`, then (for theirs) the rules behind it. */
function describeSide(side: Map<string, { set: ConnectionSet; by: string[] }>, withRules: boolean): string {
  const groups = new Map<string, string[]>();
  for (const [peer, { set }] of side)
    if (!set.isEmpty()) groups.set(set.toString(), [...(groups.get(set.toString()) ?? []), peer]);
  if (groups.size === 0) return 'nothing';
  const text =
    groups.size === 1 && [...groups.values()][0]!.length === side.size
      ? `everyone ${[...groups.keys()][0]}`
      : [...groups].map(([set, peers]) => `${peers.join(', ')} ${set}`).join('; ');
  const rules = [...new Set([...side.values()].flatMap((item) => item.by))].sort();
  return withRules ? `${text} [${rules.join('; ')}]` : text;
}

/** Same, stricter (ours allows a subset of theirs for every peer), looser, or mixed; then both sides. */
function compareSide(
  theirs: Map<string, { set: ConnectionSet; by: string[] }>,
  ours: Map<string, { set: ConnectionSet; by: string[] }>,
): string {
  const peers = [...ours.keys()];
  const same = peers.every((peer) => ours.get(peer)!.set.equals(theirs.get(peer)!.set));
  if (same) return `same: ${describeSide(theirs, true)}`;
  const stricter = peers.every((peer) => subset(ours.get(peer)!.set, theirs.get(peer)!.set));
  const looser = peers.every((peer) => subset(theirs.get(peer)!.set, ours.get(peer)!.set));
  const verdict = stricter ? 'ours stricter' : looser ? 'ours looser' : 'mixed';
  return `${verdict}\n      theirs: ${describeSide(theirs, true)}\n      ours:   ${describeSide(ours, false)}`;
}

describe('Online Boutique: its own policies against ours', function () {
  this.timeout(120_000);

  it('reports, per workload and direction, where ours is stricter or looser and why', () => {
    const ours = cli(['policies', BOUTIQUE]);
    const theirsAnalysis = analyzePaths([BOUTIQUE, BOUTIQUE_POLICIES]);
    const oursAnalysis = analyzePaths([BOUTIQUE], { file: 'generated.policies.yaml', text: ours });
    const report: string[] = [];
    for (const workload of oursAnalysis.model.workloads) {
      const id = workload.object.id;
      report.push(workload.object.name);
      for (const direction of ['ingress', 'egress'] as const) {
        const line = compareSide(sideOf(theirsAnalysis, id, direction), sideOf(oursAnalysis, id, direction));
        report.push(`  ${direction}: ${line}`);
      }
    }
    console.log(
      [
        '',
        'Online Boutique, kustomize/components/network-policies ("theirs") against `kube-topology policies` ("ours")',
        'on release/kubernetes-manifests.yaml: per workload, what each side admits from (ingress) or lets out to',
        '(egress) every other workload, the outside world, an arbitrary pod of another namespace (such as an',
        'Ingress controller) and kube-dns, with their rules that allow it [in brackets]. "ours stricter": for every',
        'peer ours allows a subset of theirs. Why ours is stricter: their egress rules are `{}` (everything, the',
        'internet included) and frontend admits everything, where ours allow only the inferred calls, the',
        'LoadBalancer port and DNS; where theirs list callers by hand the two agree.',
        ...report,
        '',
      ].join('\n'),
    );
    assert.ok(report.length > 0);
  });
});
