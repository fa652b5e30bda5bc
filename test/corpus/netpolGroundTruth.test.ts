// The hand-checked NetworkPolicy verdicts of ../shared/corpus/ground-truth.json (`netpol` of Online
// Boutique and Sock Shop), each prose item encoded by hand as `kube-topology reach` checks, plus the
// `policy` field that `kube-topology graph` puts on calls edges and on the last hop of north-south
// paths.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import {
  type Combo,
  comboPaths,
  groundTruth,
  inventoryOf,
  parseService,
  parseWorkload,
  type SetName,
} from './corpus';
import { formatTable } from './eastWest';
import { describeEdge, type GraphEdge, graphOf } from './graphRun';
import {
  describeQuery,
  type Protocol,
  reachProblems,
  reachReport,
  type ReachExpectation,
  prefetchReach,
  type ReachOutcome,
  type ReachQuery,
  runReach,
  type Verdict,
} from './netpolCli';

const OB: SetName = 'online-boutique';
const SS: SetName = 'sock-shop';

/** The runs: the policies together with the application, as the ground truth states them. */
const RUNS = {
  ob: { set: OB, inputs: ['release/kubernetes-manifests.yaml', 'kustomize/components/network-policies/'] },
  ss: { set: SS, inputs: ['complete-demo.yaml', 'manifests-policy/'] },
  // "other namespaces e.g. loadtest": the load-test Deployment of manifests-loadtest/ (no policies).
  'ss+loadtest': { set: SS, inputs: ['complete-demo.yaml', 'manifests-policy/', 'manifests-loadtest/'] },
} as const satisfies Record<string, Combo>;

/**
 * "pods labelled name=cortex in sock-shop -> any pod, any port (no such pod exists)": the inputs have
 * no such pod, so this run adds one bare Pod, written at test time into a temporary file.
 */
const CORTEX_POD = 'Pod/sock-shop/cortex';
type RunName = keyof typeof RUNS | 'ss+cortex';

interface NetpolTruth {
  readonly allowed: readonly string[];
  readonly blocked_examples?: readonly string[];
  readonly blocked_notable?: readonly string[];
}

const netpolOf = (set: SetName) => (groundTruth[set] as unknown as { netpol: NetpolTruth }).netpol;

/** The one item of a ground-truth list that starts with `prefix` (verbatim, so a reworded item fails here). */
function itemOf(list: readonly string[] | undefined, prefix: string): string {
  const hits = (list ?? []).filter((item) => item.startsWith(prefix));
  if (hits.length !== 1) throw new Error(`ground truth: ${hits.length} items start with "${prefix}"`);
  return hits[0]!;
}

/** One reach check and the ground-truth item (verbatim) it encodes. */
interface Check {
  readonly item: string;
  readonly run: RunName;
  readonly from: string;
  readonly to: string;
  readonly port: number | string;
  readonly protocol?: Protocol;
  readonly externalIp?: string;
  readonly expectation: ReachExpectation;
}

const allowed = (
  ingressBy?: readonly string[],
  egressBy?: readonly string[],
  notBy?: readonly string[],
): ReachExpectation => ({
  verdict: 'allowed',
  ...(ingressBy ? { ingressBy } : {}),
  ...(egressBy ? { egressBy } : {}),
  ...(notBy ? { notBy } : {}),
});
const BLOCKED: ReachExpectation = { verdict: 'blocked' };

// ---------------------------------------------------------------------------------------------------
// Online Boutique: namespace default (no object sets one); one policy per workload, named after it.

const obWorkload = (name: string) => `Deployment/default/${name}`;
const obService = (name: string) => `Service/default/${name}`;
const obPolicy = (name: string) => `NetworkPolicy/default/${name}`;
/** "deny-all (Ingress+Egress, all pods)": it isolates, it has no rule, so it never allows. */
const DENY_ALL = ['NetworkPolicy/default/deny-all'];
const obAllowed = (ingressBy?: readonly string[], egressBy?: readonly string[]) =>
  allowed(ingressBy, egressBy, DENY_ALL);

/** Container port of each workload (the targetPort of its Service); loadgenerator listens on none. */
const OB_POD_PORT: Readonly<Record<string, number | undefined>> = {
  adservice: 9555,
  cartservice: 7070,
  checkoutservice: 5050,
  currencyservice: 7000,
  emailservice: 8080,
  frontend: 8080,
  loadgenerator: undefined,
  paymentservice: 50051,
  productcatalogservice: 3550,
  recommendationservice: 8080,
  'redis-cart': 6379,
  shippingservice: 50051,
};
const OB_WORKLOADS = Object.keys(OB_POD_PORT);
/** Any port: loadgenerator declares none, and deny-all makes the number irrelevant. */
const LOADGENERATOR_PORT = 8089;
const obPodPort = (name: string) => OB_POD_PORT[name] ?? LOADGENERATOR_PORT;
const OB_BACKENDS = OB_WORKLOADS.filter((name) => name !== 'frontend' && name !== 'loadgenerator');

/** "a -> b:port" where b:port is both the Service port and the pod port: via the Service and direct. */
function obBlockedPair(item: string, from: string, to: string, port: number): Check[] {
  return [
    { item, run: 'ob', from: obWorkload(from), to: obService(to), port, expectation: BLOCKED },
    { item, run: 'ob', from: obWorkload(from), to: obWorkload(to), port, expectation: BLOCKED },
  ];
}

function onlineBoutiqueChecks(): Check[] {
  const { allowed: allowedItems, blocked_examples: blockedItems } = netpolOf(OB);
  const edges = itemOf(allowedItems, 'all 16 east-west edges above');
  const frontend = itemOf(allowedItems, 'external / any pod -> frontend pod port 8080');
  const egress = itemOf(allowedItems, 'any pod -> anywhere (egress)');
  const email = itemOf(blockedItems, 'frontend -> emailservice:8080');
  const payment = itemOf(blockedItems, 'frontend -> paymentservice:50051');
  const redis = itemOf(blockedItems, 'frontend -> redis-cart:6379');
  const checkoutRedis = itemOf(blockedItems, 'checkoutservice -> redis-cart:6379');
  const recommendationCart = itemOf(blockedItems, 'recommendationservice -> cartservice:7070');
  const loadgen = itemOf(blockedItems, 'loadgenerator -> productcatalogservice:3550 (or any backend)');
  const toLoadgen = itemOf(blockedItems, 'any -> loadgenerator');
  const cartAd = itemOf(blockedItems, 'cartservice -> adservice:9555');
  const external = itemOf(blockedItems, 'external -> any pod other than frontend');
  const checks: Check[] = [];
  // "all 16 east-west edges above": each edge via its Service port, and to the target pod port; the
  // destination's policy allows it (ingress), the caller's own policy has egress [{}].
  for (const edge of groundTruth[OB].east_west) {
    const from = parseWorkload(edge.from, 'default');
    const target = parseWorkload(edge.target_workload, 'default');
    const expectation = obAllowed([obPolicy(target.name)], [obPolicy(from.name)]);
    checks.push(
      {
        item: edges,
        run: 'ob',
        from: from.id,
        to: parseService(edge.to_service, 'default').id,
        port: edge.port,
        expectation,
      },
      { item: edges, run: 'ob', from: from.id, to: target.id, port: edge.target_pod_port, expectation },
    );
  }
  // "external / any pod -> frontend pod port 8080 (frontend policy ingress [{}]), incl. via LoadBalancer".
  const byFrontend = [obPolicy('frontend')];
  checks.push(
    {
      item: frontend,
      run: 'ob',
      from: 'external',
      to: obWorkload('frontend'),
      port: 8080,
      expectation: obAllowed(byFrontend),
    },
    {
      item: frontend,
      run: 'ob',
      from: 'external',
      to: obService('frontend-external'),
      port: 80,
      expectation: obAllowed(byFrontend),
    },
    ...OB_WORKLOADS.filter((name) => name !== 'frontend').map((name): Check => ({
      item: frontend,
      run: 'ob',
      from: obWorkload(name),
      to: obWorkload('frontend'),
      port: 8080,
      expectation: obAllowed(byFrontend, [obPolicy(name)]),
    })),
  );
  // "any pod -> anywhere (egress)": to any outside address (no ingress policy decides there), and DNS.
  for (const name of OB_WORKLOADS) {
    checks.push({
      item: egress,
      run: 'ob',
      from: obWorkload(name),
      to: 'external',
      port: 443,
      expectation: obAllowed(undefined, [obPolicy(name)]),
    });
  }
  checks.push({
    item: egress,
    run: 'ob',
    from: obWorkload('cartservice'),
    to: 'external',
    externalIp: '8.8.8.8',
    port: 53,
    protocol: 'UDP',
    expectation: obAllowed(undefined, [obPolicy('cartservice')]),
  });

  // "frontend -> emailservice:8080": 8080 is the pod port; the Service port is 5000.
  checks.push(
    {
      item: email,
      run: 'ob',
      from: obWorkload('frontend'),
      to: obWorkload('emailservice'),
      port: 8080,
      expectation: BLOCKED,
    },
    {
      item: email,
      run: 'ob',
      from: obWorkload('frontend'),
      to: obService('emailservice'),
      port: 5000,
      expectation: BLOCKED,
    },
  );
  checks.push(
    ...obBlockedPair(payment, 'frontend', 'paymentservice', 50051),
    ...obBlockedPair(redis, 'frontend', 'redis-cart', 6379),
    ...obBlockedPair(checkoutRedis, 'checkoutservice', 'redis-cart', 6379),
    ...obBlockedPair(recommendationCart, 'recommendationservice', 'cartservice', 7070),
    ...obBlockedPair(cartAd, 'cartservice', 'adservice', 9555),
  );
  // "loadgenerator -> productcatalogservice:3550 (or any backend)": every workload but frontend.
  checks.push({
    item: loadgen,
    run: 'ob',
    from: obWorkload('loadgenerator'),
    to: obService('productcatalogservice'),
    port: 3550,
    expectation: BLOCKED,
  });
  for (const name of OB_BACKENDS) {
    checks.push({
      item: loadgen,
      run: 'ob',
      from: obWorkload('loadgenerator'),
      to: obWorkload(name),
      port: obPodPort(name),
      expectation: BLOCKED,
    });
  }
  // "any -> loadgenerator": every other workload and the outside, on an arbitrary port.
  for (const name of OB_WORKLOADS.filter((each) => each !== 'loadgenerator')) {
    checks.push({
      item: toLoadgen,
      run: 'ob',
      from: obWorkload(name),
      to: obWorkload('loadgenerator'),
      port: LOADGENERATOR_PORT,
      expectation: BLOCKED,
    });
  }
  checks.push({
    item: toLoadgen,
    run: 'ob',
    from: 'external',
    to: obWorkload('loadgenerator'),
    port: LOADGENERATOR_PORT,
    expectation: BLOCKED,
  });
  // "external -> any pod other than frontend": each on its own pod port.
  for (const name of OB_WORKLOADS.filter((each) => each !== 'frontend')) {
    checks.push({
      item: external,
      run: 'ob',
      from: 'external',
      to: obWorkload(name),
      port: obPodPort(name),
      expectation: BLOCKED,
    });
  }
  return checks;
}

// ---------------------------------------------------------------------------------------------------
// Sock Shop: namespace sock-shop (set on every object); no policy has Egress.

const ssWorkload = (name: string) => `Deployment/sock-shop/${name}`;
const ssService = (name: string) => `Service/sock-shop/${name}`;
const CORTEX_ACCESS = 'NetworkPolicy/sock-shop/cortex-access';

/** The containerPort of each workload (its Service's targetPort); rabbitmq also has 15672 and 9090. */
const SS_POD_PORT: Readonly<Record<string, number>> = {
  carts: 80,
  'carts-db': 27017,
  catalogue: 80,
  'catalogue-db': 3306,
  'front-end': 8079,
  orders: 80,
  'orders-db': 27017,
  payment: 80,
  'queue-master': 80,
  rabbitmq: 5672,
  'session-db': 6379,
  shipping: 80,
  user: 80,
  'user-db': 27017,
};
const SS_WORKLOADS = Object.keys(SS_POD_PORT);

/**
 * "a -> b:port", where port is b's Service port and (in every such item of Sock Shop) also its
 * targetPort: one check via the Service, one direct to the pods.
 */
function ssPair(item: string, expectation: ReachExpectation, run: RunName = 'ss'): Check[] {
  const match = /^([\w-]+) -> ([\w-]+):(\d+)\b/.exec(item);
  if (!match) throw new Error(`cannot read "${item}" as "a -> b:port"`);
  const [, from, to, port] = match;
  if (SS_POD_PORT[to!] !== Number(port)) throw new Error(`"${item}": ${port} is not the pod port of ${to}`);
  return [
    { item, run, from: ssWorkload(from!), to: ssService(to!), port: Number(port), expectation },
    { item, run, from: ssWorkload(from!), to: ssWorkload(to!), port: Number(port), expectation },
  ];
}

function sockShopChecks(): Check[] {
  const { allowed: allowedItems, blocked_notable: blockedItems } = netpolOf(SS);
  const anySource = itemOf(
    allowedItems,
    'any source (external via NodePort, other namespaces e.g. loadtest)',
  );
  const pairs = allowedItems.filter((item) => /^[\w-]+ -> [\w-]+:\d+$/.test(item));
  const cortex = itemOf(allowedItems, 'pods labelled name=cortex in sock-shop -> any pod, any port');
  const frontCarts = itemOf(blockedItems, 'front-end -> carts:80');
  const ordersCarts = itemOf(blockedItems, 'orders -> carts:80');
  const cartsDb = itemOf(blockedItems, 'carts -> carts-db:27017');
  const session = itemOf(blockedItems, 'front-end -> session-db:6379');
  const queueMaster = itemOf(blockedItems, 'anything -> queue-master');
  const rabbitPorts = itemOf(blockedItems, 'anything -> rabbitmq 9090 (exporter) and 15672');
  const external = itemOf(blockedItems, 'external/NodePort -> any pod except front-end');
  const checks: Check[] = [];
  // "any source (external via NodePort, other namespaces e.g. loadtest) -> front-end pod port 8079".
  const ok = allowed();
  checks.push(
    {
      item: anySource,
      run: 'ss',
      from: 'external',
      to: ssWorkload('front-end'),
      port: 8079,
      expectation: ok,
    },
    { item: anySource, run: 'ss', from: 'external', to: ssService('front-end'), port: 80, expectation: ok },
    {
      item: anySource,
      run: 'ss+loadtest',
      from: 'Deployment/loadtest/load-test',
      to: ssWorkload('front-end'),
      port: 8079,
      expectation: ok,
    },
    {
      item: anySource,
      run: 'ss+loadtest',
      from: 'Deployment/loadtest/load-test',
      to: ssService('front-end'),
      port: 80,
      expectation: ok,
    },
    ...SS_WORKLOADS.filter((name) => name !== 'front-end').map((name): Check => ({
      item: anySource,
      run: 'ss',
      from: ssWorkload(name),
      to: ssWorkload('front-end'),
      port: 8079,
      expectation: ok,
    })),
  );
  // "front-end -> catalogue:80" ... "queue-master -> rabbitmq:5672".
  for (const item of pairs) checks.push(...ssPair(item, ok));
  // "pods labelled name=cortex in sock-shop -> any pod, any port": cortex-access (podSelector with
  // matchLabels null, i.e. every pod) admits them everywhere; front-end's 8079 is open to all anyway.
  for (const name of SS_WORKLOADS) {
    const expectation = name === 'front-end' ? ok : allowed([CORTEX_ACCESS]);
    checks.push({
      item: cortex,
      run: 'ss+cortex',
      from: CORTEX_POD,
      to: ssWorkload(name),
      port: SS_POD_PORT[name]!,
      expectation,
    });
  }
  checks.push(
    {
      item: cortex,
      run: 'ss+cortex',
      from: CORTEX_POD,
      to: ssWorkload('rabbitmq'),
      port: 15672,
      expectation: allowed([CORTEX_ACCESS]),
    },
    {
      item: cortex,
      run: 'ss+cortex',
      from: CORTEX_POD,
      to: ssWorkload('rabbitmq'),
      port: 9090,
      expectation: allowed([CORTEX_ACCESS]),
    },
    {
      item: cortex,
      run: 'ss+cortex',
      from: CORTEX_POD,
      to: ssWorkload('carts'),
      port: 4242,
      expectation: allowed([CORTEX_ACCESS]),
    },
    {
      item: cortex,
      run: 'ss+cortex',
      from: CORTEX_POD,
      to: ssWorkload('carts'),
      port: 53,
      protocol: 'UDP',
      expectation: allowed([CORTEX_ACCESS]),
    },
    {
      item: cortex,
      run: 'ss+cortex',
      from: CORTEX_POD,
      to: ssService('carts'),
      port: 80,
      expectation: allowed([CORTEX_ACCESS]),
    },
  );

  checks.push(
    ...ssPair(frontCarts, BLOCKED),
    ...ssPair(ordersCarts, BLOCKED),
    ...ssPair(cartsDb, BLOCKED),
    ...ssPair(session, BLOCKED),
  );
  // "anything -> queue-master": every other workload and the outside, directly and via its Service.
  for (const name of SS_WORKLOADS.filter((each) => each !== 'queue-master')) {
    checks.push({
      item: queueMaster,
      run: 'ss',
      from: ssWorkload(name),
      to: ssWorkload('queue-master'),
      port: 80,
      expectation: BLOCKED,
    });
  }
  checks.push(
    {
      item: queueMaster,
      run: 'ss',
      from: 'external',
      to: ssWorkload('queue-master'),
      port: 80,
      expectation: BLOCKED,
    },
    {
      item: queueMaster,
      run: 'ss',
      from: ssWorkload('orders'),
      to: ssService('queue-master'),
      port: 80,
      expectation: BLOCKED,
    },
  );
  // "anything -> rabbitmq 9090 (exporter) and 15672": every other workload and the outside, including
  // shipping and queue-master (allowed on 5672); also by port name and via the Service port 9090
  // (targetPort: exporter).
  for (const from of [...SS_WORKLOADS.filter((each) => each !== 'rabbitmq').map(ssWorkload), 'external']) {
    for (const port of [9090, 15672]) {
      checks.push({
        item: rabbitPorts,
        run: 'ss',
        from,
        to: ssWorkload('rabbitmq'),
        port,
        expectation: BLOCKED,
      });
    }
  }
  checks.push(
    {
      item: rabbitPorts,
      run: 'ss',
      from: ssWorkload('shipping'),
      to: ssWorkload('rabbitmq'),
      port: 'exporter',
      expectation: BLOCKED,
    },
    {
      item: rabbitPorts,
      run: 'ss',
      from: ssWorkload('shipping'),
      to: ssWorkload('rabbitmq'),
      port: 'management',
      expectation: BLOCKED,
    },
    {
      item: rabbitPorts,
      run: 'ss',
      from: ssWorkload('queue-master'),
      to: ssService('rabbitmq'),
      port: 9090,
      expectation: BLOCKED,
    },
  );
  // "external/NodePort -> any pod except front-end".
  for (const name of SS_WORKLOADS.filter((each) => each !== 'front-end')) {
    checks.push({
      item: external,
      run: 'ss',
      from: 'external',
      to: ssWorkload(name),
      port: SS_POD_PORT[name]!,
      expectation: BLOCKED,
    });
  }
  return checks;
}

/** "Consequence: of the 14 implicit runtime edges, 4 are blocked by the shipped policies". */
const SS_IMPLICIT_BLOCKED = [
  'front-end -> carts',
  'orders -> carts',
  'carts -> carts-db',
  'front-end -> session-db',
];

// ---------------------------------------------------------------------------------------------------

let cortexFile: string | undefined;

function pathsOf(run: RunName): string[] {
  if (run !== 'ss+cortex') return comboPaths(RUNS[run]);
  if (!cortexFile) throw new Error('the cortex pod file was not written');
  return [...comboPaths(RUNS.ss), cortexFile];
}

type Asked = Pick<Check, 'run' | 'from' | 'to' | 'port' | 'protocol' | 'externalIp'>;

function queryOf(check: Asked): ReachQuery {
  return {
    paths: pathsOf(check.run),
    from: check.from,
    to: check.to,
    port: check.port,
    protocol: check.protocol ?? 'TCP',
    ...(check.externalIp ? { externalIp: check.externalIp } : {}),
  };
}

const reach = (check: Asked): ReachOutcome => runReach(queryOf(check));

/** The implicit runtime edges of Sock Shop, each as the Service call it would be. */
function implicitEdges() {
  return groundTruth[SS].implicit_not_in_manifests.map((edge) => {
    const from = parseWorkload(edge.from, 'sock-shop');
    const to = parseService(edge.to_service, from.namespace);
    const name = `${from.name} -> ${to.name}`;
    const asked: Asked = { run: 'ss', from: from.id, to: to.id, port: edge.port };
    return { name, port: edge.port, asked };
  });
}

const titleOf = (check: Check) =>
  `${describeQuery({ ...check, paths: [], protocol: check.protocol ?? 'TCP' })} is ${check.expectation.verdict}` +
  (check.run === 'ob' || check.run === 'ss' ? '' : ` [${check.run}]`);

interface Tally {
  checks: number;
  passed: number;
  failures: string[];
}

const checksOf: Record<SetName, () => Check[]> = {
  'online-boutique': onlineBoutiqueChecks,
  'sock-shop': sockShopChecks,
  bookinfo: () => [],
};

describe('corpus ground truth: NetworkPolicy verdicts (reach, graph)', function () {
  this.timeout(120_000);
  const tallies = new Map<string, Tally>();
  const graphResults: string[][] = [];

  before(async function () {
    this.timeout(600_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-topology-cortex-'));
    cortexFile = path.join(dir, 'cortex-pod.yaml');
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'cortex', namespace: 'sock-shop', labels: { name: 'cortex' } },
      spec: { containers: [{ name: 'cortex', image: 'cortexproject/cortex' }] },
    };
    fs.writeFileSync(cortexFile, stringify(pod));
    // All answers up front, several CLI processes at a time; the tests read them from the cache.
    const checks = [...checksOf[OB](), ...checksOf[SS]()];
    await prefetchReach([...checks, ...implicitEdges().map((edge) => edge.asked)].map(queryOf));
  });

  after(() => {
    if (cortexFile) fs.rmSync(path.dirname(cortexFile), { recursive: true, force: true });
    const rows = [...tallies].map(([item, tally]) => [
      item.length > 70 ? `${item.slice(0, 67)}...` : item,
      String(tally.checks),
      String(tally.passed),
      String(tally.checks - tally.passed),
      tally.failures.slice(0, 3).join('; ') +
        (tally.failures.length > 3 ? `; +${tally.failures.length - 3} more` : ''),
    ]);
    if (rows.length > 0) {
      console.log(
        `\nGround-truth NetworkPolicy items (reach):\n${formatTable(['item', 'checks', 'passed', 'failed', 'failing'], rows)}\n`,
      );
    }
    if (graphResults.length > 0) {
      console.log(`Graph policy fields:\n${formatTable(['set', 'check', 'result'], graphResults)}\n`);
    }
  });

  for (const set of [OB, SS]) {
    const checks = checksOf[set]();
    const truth = netpolOf(set);
    const items = [...truth.allowed, ...(truth.blocked_examples ?? []), ...(truth.blocked_notable ?? [])];

    describe(`${set}: every allowed / blocked item, as reach checks`, () => {
      it(`encodes each of the ${items.length} items (${checks.length} checks), and only those`, () => {
        const problems = [
          ...items
            .filter((item) => !checks.some((check) => check.item === item))
            .map((item) => `not encoded: ${item}`),
          ...[...new Set(checks.map((check) => check.item))]
            .filter((item) => !items.includes(item))
            .map((item) => `not a ground-truth item: ${item}`),
        ];
        assert.ok(problems.length === 0, problems.join('\n'));
      });

      it('names only workloads and Services that exist in the inputs', () => {
        const problems: string[] = [];
        for (const check of checks) {
          const combo: Combo = check.run === 'ss+cortex' ? RUNS.ss : RUNS[check.run];
          const byId = inventoryOf(combo).byId;
          for (const id of [check.from, check.to]) {
            if (id === 'external' || id === CORTEX_POD) continue;
            if (!byId.has(id)) problems.push(`${id} (${check.item})`);
          }
        }
        assert.ok(problems.length === 0, `unknown ids:\n${[...new Set(problems)].join('\n')}`);
      });

      for (const item of items) {
        const ofItem = checks.filter((check) => check.item === item);
        const tally: Tally = { checks: ofItem.length, passed: 0, failures: [] };
        tallies.set(`${set}: ${item}`, tally);
        describe(item, () => {
          for (const check of ofItem) {
            it(titleOf(check), () => {
              const outcome = reach(check);
              const problems = reachProblems(outcome, check.expectation);
              if (problems.length === 0) {
                tally.passed += 1;
                return;
              }
              const first = `${describeQuery(outcome.query)}: ${problems[0]!.split('\n')[0]}`;
              tally.failures.push(first.length > 100 ? `${first.slice(0, 97)}...` : first);
              assert.fail(`${set}: "${item}"\n${reachReport(outcome, check.expectation, problems)}`);
            });
          }
        });
      }
    });
  }

  describe('sock-shop: the 14 implicit runtime edges', () => {
    it(`exactly ${SS_IMPLICIT_BLOCKED.length} are blocked (${SS_IMPLICIT_BLOCKED.join(', ')}), the others allowed`, () => {
      const implicit = implicitEdges();
      const problems: string[] = [];
      const blocked: string[] = [];
      for (const { name, port, asked } of implicit) {
        const expected: Verdict = SS_IMPLICIT_BLOCKED.includes(name) ? 'blocked' : 'allowed';
        const outcome = reach(asked);
        const edgeProblems = reachProblems(outcome, { verdict: expected });
        if (outcome.allowed === false) blocked.push(name);
        if (edgeProblems.length > 0) {
          problems.push(
            `${name}:${port} expected ${expected}: ${edgeProblems.join('; ')}\n    ${outcome.command}`,
          );
        }
      }
      assert.equal(implicit.length, 14, 'ground truth: the number of implicit edges changed');
      assert.ok(
        problems.length === 0,
        `blocked: ${blocked.join(', ') || 'none'} (expected: ${SS_IMPLICIT_BLOCKED.join(', ')})\n${problems.join('\n')}`,
      );
    });
  });

  describe('graph --format json: the policy field', () => {
    type PolicyEdge = GraphEdge & { readonly policy?: unknown };
    const policyProblem = (edge: PolicyEdge): string | undefined => {
      const policy = edge.policy as { allowed?: unknown; by?: unknown } | undefined;
      if (policy === undefined) return 'no policy field';
      if (typeof policy !== 'object' || policy === null) return `policy is ${JSON.stringify(policy)}`;
      if (typeof policy.allowed !== 'boolean') return `policy.allowed is ${JSON.stringify(policy.allowed)}`;
      if (!Array.isArray(policy.by) || policy.by.some((entry) => typeof entry !== 'string')) {
        return `policy.by is ${JSON.stringify(policy.by)}, not a list of ids`;
      }
      return undefined;
    };

    for (const [set, run] of [
      [OB, 'ob'],
      [SS, 'ss'],
    ] as const) {
      const combo = RUNS[run];

      it(`${set}: every calls edge carries policy {allowed, by}`, () => {
        const calls = (graphOf(combo).edges as PolicyEdge[]).filter((edge) => edge.type === 'calls');
        const problems = calls.flatMap((edge) => {
          const problem = policyProblem(edge);
          return problem ? [`${describeEdge(edge)}: ${problem}`] : [];
        });
        graphResults.push([
          set,
          `policy on ${calls.length} calls edges`,
          problems.length === 0 ? 'pass' : `FAIL (${problems.length})`,
        ]);
        assert.ok(calls.length > 0, 'no calls edges');
        assert.ok(problems.length === 0, problems.join('\n'));
      });

      // The last hop of a north-south path is the exposes/routes edge that ends at the Service whose
      // pods receive the traffic (the selects edge after it is shared with east-west callers).
      it(`${set}: the last hop of every north-south path carries policy {allowed, by}`, () => {
        const hops = (graphOf(combo).edges as PolicyEdge[]).filter(
          (edge) => edge.traffic === 'north-south' && edge.to.startsWith('Service/'),
        );
        const problems = hops.flatMap((edge) => {
          const problem = policyProblem(edge);
          return problem ? [`${describeEdge(edge)}: ${problem}`] : [];
        });
        graphResults.push([
          set,
          `policy on ${hops.length} north-south last hops`,
          problems.length === 0 ? 'pass' : `FAIL (${problems.length})`,
        ]);
        assert.ok(hops.length > 0, 'no north-south edge ends at a Service');
        assert.ok(problems.length === 0, problems.join('\n'));
      });

      // Where a reach check of the ground truth covers the same hop (same caller, Service and port,
      // or external to the entry Service), the edge's verdict and policies must agree with it.
      it(`${set}: the verdicts agree with the ground truth where it covers the edge`, () => {
        const checks = checksOf[set]().filter(
          (check) => check.run === run && check.to.startsWith('Service/'),
        );
        const edges = (graphOf(combo).edges as PolicyEdge[]).filter(
          (edge) =>
            edge.type === 'calls' || (edge.traffic === 'north-south' && edge.to.startsWith('Service/')),
        );
        const problems: string[] = [];
        let covered = 0;
        for (const edge of edges) {
          const check = checks.find(
            (each) => each.from === edge.from && each.to === edge.to && each.port === edge.port,
          );
          const policy = edge.policy as { allowed?: unknown; by?: unknown } | undefined;
          if (!check || typeof policy?.allowed !== 'boolean') continue;
          covered += 1;
          const want = check.expectation;
          if (policy.allowed !== (want.verdict === 'allowed')) {
            problems.push(
              `${describeEdge(edge)}: policy.allowed ${policy.allowed}, ground truth: ${want.verdict} ("${check.item}")`,
            );
            continue;
          }
          const by = Array.isArray(policy.by) ? (policy.by as unknown[]) : [];
          for (const id of want.verdict === 'allowed'
            ? [...(want.ingressBy ?? []), ...(want.egressBy ?? [])]
            : []) {
            if (!by.includes(id))
              problems.push(`${describeEdge(edge)}: policy.by ${JSON.stringify(by)} lacks ${id}`);
          }
        }
        graphResults.push([
          set,
          `verdicts of ${covered} covered edges`,
          problems.length === 0 ? 'pass' : `FAIL (${problems.length})`,
        ]);
        assert.ok(
          covered > 0,
          `no calls or north-south edge is covered by a ground-truth check (of ${edges.length})`,
        );
        assert.ok(problems.length === 0, problems.join('\n'));
      });
    }
  });
});
