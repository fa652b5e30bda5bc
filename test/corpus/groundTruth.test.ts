// Conformance of `kube-topology graph` with the hand-checked ground truth of three real applications
// (../shared/corpus/ground-truth.json: Online Boutique, Bookinfo, Sock Shop), run as users run it.
import * as assert from 'node:assert/strict';
import {
  type Combo,
  comboLabel,
  groundTruth,
  homeNamespace,
  inputsNamedIn,
  inventoryOf,
  parseReference,
  parseService,
  parseWorkload,
  type SetName,
  SETS,
} from './corpus';
import {
  compareCalls,
  comparisonReport,
  evidenceProblems,
  expectedCalls,
  formatResults,
  type TableRow,
} from './eastWest';
import { describeEdge, type GraphJson, graphOf } from './graphRun';
import {
  API_BOOKINFO_GATEWAY,
  entryProblems,
  ISTIO_BOOKINFO_GATEWAY,
  hopProblems,
  northSouthCases,
  northSouthListing,
  reachableFromExternal,
  selectsCases,
} from './northSouth';
import { danglingProblems } from './dangling';
import { notEdgesNotes, trapProblems, traps, unexplainedUnresolved } from './notEdges';

const OB: SetName = 'online-boutique';
const BI: SetName = 'bookinfo';
const SS: SetName = 'sock-shop';
const OB_CORE = 'release/kubernetes-manifests.yaml';
const BI_CORE = 'platform/kube/bookinfo.yaml';
const SS_CORE = 'complete-demo.yaml';
const BI_ADDONS = [
  'platform/kube/bookinfo-db.yaml',
  'platform/kube/bookinfo-ratings-v2.yaml',
  'platform/kube/bookinfo-mysql.yaml',
  'platform/kube/bookinfo-ratings-v2-mysql.yaml',
  'platform/kube/bookinfo-ratings-v2-mysql-vm.yaml',
];

/**
 * The runs: each set's core file, each edge's own inputs (the files its note names, with the core
 * file), each Bookinfo add-on alone with the core file, the whole set folder, and `--namespace`.
 */
const combos: readonly Combo[] = dedupe([
  { set: OB, inputs: [OB_CORE] },
  { set: OB, inputs: ['kubernetes-manifests/'] },
  { set: OB, inputs: [OB_CORE, 'release/istio-manifests.yaml'] },
  { set: OB, inputs: [OB_CORE], namespace: 'boutique' },
  { set: BI, inputs: [BI_CORE] },
  ...groundTruth.bookinfo.east_west.map((gt) => ({
    set: BI,
    inputs: [BI_CORE, ...inputsNamedIn(BI, gt.note)],
  })),
  ...BI_ADDONS.map((addon) => ({ set: BI, inputs: [BI_CORE, addon] })),
  // The dangling FQDN next to a Service of the same name in another namespace.
  {
    set: BI,
    inputs: [BI_CORE, 'platform/kube/bookinfo-ratings-v2-mysql-vm.yaml', 'platform/kube/bookinfo-mysql.yaml'],
  },
  { set: BI, inputs: ['.'] },
  ...groundTruth[SS].east_west.map((gt) => ({ set: SS, inputs: [SS_CORE, ...inputsNamedIn(SS, gt.note)] })),
  { set: SS, inputs: ['manifests-loadtest/'] },
  { set: SS, inputs: ['.'] },
  // Every Sock Shop object names its namespace, so --namespace must change nothing.
  { set: SS, inputs: [SS_CORE, 'manifests-loadtest/'], namespace: 'elsewhere' },
]);

function dedupe(list: readonly Combo[]): Combo[] {
  const seen = new Set<string>();
  return list.filter((combo) => !seen.has(comboLabel(combo)) && seen.add(comboLabel(combo)));
}

const combosOf = (set: SetName) => combos.filter((combo) => combo.set === set);

function fail(problems: readonly string[], heading: string, trailer = ''): void {
  const list = problems.map((problem) => `  - ${problem}`).join('\n');
  assert.ok(problems.length === 0, `${heading}\n${list}${trailer ? `\n${trailer}` : ''}`);
}

describe('corpus ground truth: kube-topology graph', function () {
  this.timeout(120_000);
  const rows: TableRow[] = [];

  after(() => {
    if (rows.length > 0) console.log(`\n${formatResults(rows)}\n`);
  });

  describe('east-west calls edges', () => {
    for (const combo of combos) {
      const label = comboLabel(combo);
      it(`${combo.set}: ${label} (${expectedCalls(combo).length} expected)`, () => {
        let json: GraphJson;
        try {
          json = graphOf(combo);
        } catch (error) {
          const expected = expectedCalls(combo).length;
          rows.push({
            set: combo.set,
            inputs: `${label} (CLI failed)`,
            expected,
            found: 0,
            matched: 0,
            missed: expected,
            invented: 0,
          });
          throw error;
        }
        const comparison = compareCalls(combo, json);
        rows.push({
          set: combo.set,
          inputs: label,
          expected: comparison.expected.length,
          found: comparison.found.length,
          matched: comparison.matched.size,
          missed: comparison.missed.length,
          invented: comparison.invented.length,
        });
        assert.ok(
          comparison.missed.length === 0 && comparison.invented.length === 0,
          comparisonReport(combo, comparison, `${combo.set} [${label}]`),
        );
      });
    }

    // Implicit edges are in the application images, not in the manifests, so a manifest-only tool
    // must not see them. Checked by reading the manifests: bookinfo.yaml has no env var, arg or
    // command but LOG_DIR=/tmp/logs; complete-demo.yaml's only env values are JAVA_OPTS (JVM flags),
    // MYSQL_ROOT_PASSWORD/MYSQL_DATABASE (a password and a database name), SESSION_REDIS="true" (a flag),
    // ZIPKIN (dangling) and mongo=user-db:27017 (an east-west edge), its only args catalogue's -port=80.
    // None of them names details, reviews, ratings, catalogue, carts, orders, user, payment, shipping,
    // session-db, orders-db, carts-db, catalogue-db or rabbitmq, so each such edge would be invented.
    for (const set of SETS.filter((name) => groundTruth[name].implicit_not_in_manifests.length > 0)) {
      it(`${set}: the ${groundTruth[set].implicit_not_in_manifests.length} implicit edges (application defaults) do not appear`, () => {
        const problems: string[] = [];
        for (const combo of combosOf(set)) {
          const home = homeNamespace(set, combo);
          for (const gt of groundTruth[set].implicit_not_in_manifests) {
            const from = parseWorkload(gt.from, home);
            const to = parseService(gt.to_service, from.namespace);
            for (const edge of graphOf(combo).edges) {
              if (edge.type === 'calls' && edge.from === from.id && edge.to === to.id) {
                problems.push(`[${comboLabel(combo)}] ${describeEdge(edge)}`);
              }
            }
          }
        }
        fail(problems, 'edges that only the application images know about:');
      });
    }

    for (const set of SETS) {
      it(`${set}: each edge's evidence points at the ground-truth values in the caller's manifest`, () => {
        const problems = combosOf(set).flatMap((combo) => evidenceProblems(combo, graphOf(combo)));
        fail(problems, `${set}: evidence problems`);
      });

      it(`${set}: the Service of each edge selects the ground-truth target workload`, () => {
        const problems: string[] = [];
        for (const combo of combosOf(set)) {
          const edges = graphOf(combo).edges;
          for (const call of expectedCalls(combo)) {
            if (
              !edges.some(
                (e) => e.type === 'selects' && e.from === call.to.id && e.to === call.targetWorkload.id,
              )
            ) {
              problems.push(
                `[${comboLabel(combo)}] missing ${call.to.id} -selects-> ${call.targetWorkload.id}`,
              );
            }
          }
        }
        fail(problems, `${set}: selects edges missing behind east-west edges`);
      });
    }
  });

  describe('dangling references: a call-unresolved diagnostic, never an edge', () => {
    for (const set of SETS) {
      for (const entry of groundTruth[set].dangling) {
        for (const combo of combosOf(set)) {
          const caller = parseWorkload(entry.from, homeNamespace(set, combo));
          const object = inventoryOf(combo).byId.get(caller.id);
          if (!object) continue;
          const reference = parseReference(entry.reference, caller.namespace);
          it(`${set}: ${caller.id} -> ${entry.reference} [${comboLabel(combo)}]`, () => {
            const problems = danglingProblems(graphOf(combo), entry, object, reference);
            fail(
              problems,
              `${entry.reference} (${entry.evidence.map((e) => `${e.name}=${e.value}`).join(', ')}):`,
            );
          });
        }
      }
    }
  });

  describe('not edges: values that name no service', () => {
    it('maps every not_edges note of the ground truth to a trap', () => {
      const unmapped = SETS.flatMap((set) =>
        notEdgesNotes(set)
          .filter((note) => !traps[set].some((trap) => trap.gt === note))
          .map((note) => `${set}: ${note}`),
      );
      fail(unmapped, 'not_edges notes without a trap:');
    });

    for (const set of SETS) {
      for (const trap of traps[set]) {
        it(`${set}: ${trap.gt}`, () => {
          const problems = combosOf(set).flatMap((combo) => trapProblems(combo, graphOf(combo), trap));
          fail(problems, 'edges or call-unresolved diagnostics on these values:');
        });
      }

      it(`${set}: every call-unresolved names a dangling reference or an edge's Service missing from the inputs`, () => {
        const problems = combosOf(set).flatMap((combo) => unexplainedUnresolved(combo, graphOf(combo)));
        fail(problems, 'call-unresolved diagnostics the ground truth does not explain:');
      });
    }
  });

  describe('north-south paths', () => {
    for (const { combo, title, entries, hops, unreachable } of northSouthCases) {
      it(`${combo.set}: ${title} [${comboLabel(combo)}]`, () => {
        const json = graphOf(combo);
        const problems = [...hopProblems(json, hops), ...(entries ? entryProblems(json, entries) : [])];
        const reached = reachableFromExternal(json);
        for (const id of unreachable ?? []) {
          if (reached.has(id)) problems.push(`${id} is reachable from external, it is no entry point`);
        }
        fail(problems, `${combo.set} [${comboLabel(combo)}]:`, northSouthListing(json));
      });
    }

    for (const { combo, service, workloads } of selectsCases) {
      it(`${combo.set}: ${service} selects exactly ${workloads.map((w) => w.split('/')[2]).join(', ')} [${comboLabel(combo)}]`, () => {
        const found = graphOf(combo)
          .edges.filter((edge) => edge.type === 'selects' && edge.from === service)
          .map((edge) => edge.to)
          .sort();
        assert.deepEqual(found, [...workloads].sort());
      });
    }

    // Loaded together (the whole set, as the extension sees an open repository), the two
    // bookinfo-gateway objects must stay two nodes with the ids they have when loaded alone, each
    // exposed and each routing to its own route object; a shared id would make the graph unable to
    // say which Gateway routes to what.
    it('bookinfo: the Gateway API and the Istio Gateway, both named bookinfo-gateway, stay two nodes in one graph', () => {
      const combo: Combo = { set: BI, inputs: ['.'] };
      const json = graphOf(combo);
      const problems: string[] = [];
      const counts = new Map<string, number>();
      for (const node of json.nodes) counts.set(node.id, (counts.get(node.id) ?? 0) + 1);
      for (const [id, count] of counts) if (count > 1) problems.push(`node id ${id} appears ${count} times`);
      const gateways = json.nodes.filter((node) => node.name === 'bookinfo-gateway');
      const api = gateways.find((node) => node.file === 'gateway-api/bookinfo-gateway.yaml');
      const istio = gateways.find((node) => node.file === 'networking/bookinfo-gateway.yaml');
      if (!api) problems.push('no node from gateway-api/bookinfo-gateway.yaml');
      if (!istio) problems.push('no node from networking/bookinfo-gateway.yaml');
      if (api && istio && api.id === istio.id) problems.push(`both Gateways have the id ${api.id}`);
      if (api && api.id !== API_BOOKINFO_GATEWAY) {
        problems.push(`${api.file}: id ${api.id}, alone it is ${API_BOOKINFO_GATEWAY}`);
      }
      if (istio && istio.id !== ISTIO_BOOKINFO_GATEWAY) {
        problems.push(`${istio.file}: id ${istio.id}, alone it is ${ISTIO_BOOKINFO_GATEWAY}`);
      }
      const routesOf = (id: string) =>
        json.edges.filter((e) => e.type === 'routes' && e.from === id).map((e) => e.to);
      const exposed = json.edges
        .filter((e) => e.type === 'exposes' && e.from === 'external')
        .map((e) => e.to);
      for (const [node, route, other] of [
        [api, 'HTTPRoute/default/bookinfo', 'VirtualService/default/bookinfo'],
        [istio, 'VirtualService/default/bookinfo', 'HTTPRoute/default/bookinfo'],
      ] as const) {
        if (!node) continue;
        if (!exposed.includes(node.id)) problems.push(`external does not expose ${node.id} (${node.file})`);
        const routes = routesOf(node.id);
        if (!routes.includes(route)) problems.push(`${node.id} (${node.file}) does not route to ${route}`);
        if (routes.includes(other)) {
          problems.push(`${node.id} (${node.file}) routes to ${other}, which binds the other Gateway`);
        }
      }
      const listing =
        gateways.map((node) => `${node.id} (kind ${node.kind}, ${node.file})`).join('; ') || 'none';
      fail(problems, `nodes named bookinfo-gateway: ${listing}`);
    });
  });
});
