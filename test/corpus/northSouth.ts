// North-south: the entry points and paths of the ground truth's prose (`north_south`,
// `north_south_notes`), encoded by hand as contract edges, and the checks that compare them.
import type { Combo, SetName } from './corpus';
import { describeEdge, type GraphJson } from './graphRun';

export interface Hop {
  readonly from: string;
  readonly to: string;
  readonly type: 'exposes' | 'routes' | 'selects';
  /** The Service port, on hops that end at a Service. */
  readonly port?: number;
}

export interface NorthSouthCase {
  readonly combo: Combo;
  readonly title: string;
  /** Exactly the objects `external` exposes; undefined: not checked for this run. */
  readonly entries?: readonly string[];
  readonly hops: readonly Hop[];
  /** Objects no exposes/routes path from `external` may reach. */
  readonly unreachable?: readonly string[];
}

const OB: SetName = 'online-boutique';
const BI: SetName = 'bookinfo';
const SS: SetName = 'sock-shop';
const OB_CORE = 'release/kubernetes-manifests.yaml';
const BI_CORE = 'platform/kube/bookinfo.yaml';

/**
 * Bookinfo has two kinds named Gateway: gateway.networking.k8s.io (gateway-api/) and
 * networking.istio.io (networking/), both `bookinfo-gateway` in `default`. `Kind/namespace/name`
 * alone cannot tell them apart, so the CLI keeps the plain kind for the Gateway API (the contract's
 * `Gateway/shop/public`) and qualifies the other group's kind as `Kind.group`, kubectl's notation,
 * whatever else is loaded: an id does not change when a file is added. The tests pin that scheme.
 */
export const API_BOOKINFO_GATEWAY = 'Gateway/default/bookinfo-gateway';
export const ISTIO_BOOKINFO_GATEWAY = 'Gateway.networking.istio.io/default/bookinfo-gateway';

const exposes = (to: string): Hop => ({ from: 'external', to, type: 'exposes' });
const routes = (from: string, to: string, port?: number): Hop =>
  port === undefined ? { from, to, type: 'routes' } : { from, to, type: 'routes', port };
const selects = (from: string, to: string): Hop => ({ from, to, type: 'selects' });

const boutiqueLoadBalancer = [
  exposes('Service/default/frontend-external'),
  selects('Service/default/frontend-external', 'Deployment/default/frontend'),
];

const productpage = selects('Service/default/productpage', 'Deployment/default/productpage-v1');

export const northSouthCases: readonly NorthSouthCase[] = [
  ...[[OB_CORE], ['kubernetes-manifests/']].map((inputs) => ({
    combo: { set: OB, inputs },
    title: 'LoadBalancer frontend-external -> frontend; the ClusterIP Service frontend is internal',
    entries: ['Service/default/frontend-external'],
    hops: boutiqueLoadBalancer,
  })),
  {
    combo: { set: OB, inputs: [OB_CORE, 'release/istio-manifests.yaml'] },
    title:
      'Gateway istio-gateway -> HTTPRoute frontend-route -> frontend:80 -> frontend; the mesh-internal VirtualService frontend is no entry point',
    entries: ['Service/default/frontend-external', 'Gateway/default/istio-gateway'],
    hops: [
      ...boutiqueLoadBalancer,
      exposes('Gateway/default/istio-gateway'),
      routes('Gateway/default/istio-gateway', 'HTTPRoute/default/frontend-route'),
      routes('HTTPRoute/default/frontend-route', 'Service/default/frontend', 80),
      selects('Service/default/frontend', 'Deployment/default/frontend'),
    ],
    unreachable: ['VirtualService/default/frontend'],
  },
  {
    combo: { set: BI, inputs: [BI_CORE] },
    title: 'the core file exposes nothing (no LoadBalancer/NodePort Service)',
    entries: [],
    hops: [],
  },
  {
    combo: { set: BI, inputs: [BI_CORE, 'platform/kube/bookinfo-ingress.yaml'] },
    title: 'Ingress gateway -> productpage:9080 -> productpage-v1',
    entries: ['Ingress/default/gateway'],
    hops: [
      exposes('Ingress/default/gateway'),
      routes('Ingress/default/gateway', 'Service/default/productpage', 9080),
      productpage,
    ],
  },
  {
    combo: { set: BI, inputs: [BI_CORE, 'gateway-api/bookinfo-gateway.yaml'] },
    title: 'Gateway API Gateway bookinfo-gateway -> HTTPRoute bookinfo -> productpage:9080 -> productpage-v1',
    entries: [API_BOOKINFO_GATEWAY],
    hops: [
      exposes(API_BOOKINFO_GATEWAY),
      routes(API_BOOKINFO_GATEWAY, 'HTTPRoute/default/bookinfo'),
      routes('HTTPRoute/default/bookinfo', 'Service/default/productpage', 9080),
      productpage,
    ],
  },
  {
    combo: { set: BI, inputs: [BI_CORE, 'networking/bookinfo-gateway.yaml'] },
    title: 'Istio Gateway bookinfo-gateway -> VirtualService bookinfo -> productpage:9080 -> productpage-v1',
    entries: [ISTIO_BOOKINFO_GATEWAY],
    hops: [
      exposes(ISTIO_BOOKINFO_GATEWAY),
      routes(ISTIO_BOOKINFO_GATEWAY, 'VirtualService/default/bookinfo'),
      routes('VirtualService/default/bookinfo', 'Service/default/productpage', 9080),
      productpage,
    ],
  },
  ...[['complete-demo.yaml'], ['.']].map((inputs) => ({
    combo: { set: SS, inputs },
    title: 'NodePort front-end -> front-end (no Ingress)',
    entries: ['Service/sock-shop/front-end'],
    hops: [
      exposes('Service/sock-shop/front-end'),
      selects('Service/sock-shop/front-end', 'Deployment/sock-shop/front-end'),
    ],
  })),
];

export interface SelectsCase {
  readonly combo: Combo;
  readonly service: string;
  readonly workloads: readonly string[];
}

export const selectsCases: readonly SelectsCase[] = [
  {
    combo: { set: BI, inputs: [BI_CORE] },
    service: 'Service/default/reviews',
    workloads: [
      'Deployment/default/reviews-v1',
      'Deployment/default/reviews-v2',
      'Deployment/default/reviews-v3',
    ],
  },
  {
    combo: { set: BI, inputs: ['.'] },
    service: 'Service/default/ratings',
    workloads: [
      'Deployment/default/ratings-v1',
      'Deployment/default/ratings-v2',
      'Deployment/default/ratings-v2-mysql',
      'Deployment/default/ratings-v2-mysql-vm',
    ],
  },
];

function describeHop(hop: Hop): string {
  return `${hop.from} -${hop.type}-> ${hop.to}${hop.port === undefined ? '' : ` port ${hop.port}`}`;
}

/** What is wrong with each hop: missing, without north-south traffic, or to another Service port. */
export function hopProblems(json: GraphJson, hops: readonly Hop[]): string[] {
  const problems: string[] = [];
  for (const hop of hops) {
    const edges = json.edges.filter(
      (edge) => edge.from === hop.from && edge.to === hop.to && edge.type === hop.type,
    );
    if (edges.length === 0) {
      problems.push(`missing: ${describeHop(hop)}`);
      continue;
    }
    if (hop.type !== 'selects' && edges.some((edge) => edge.traffic !== 'north-south')) {
      problems.push(
        `${describeHop(hop)}: traffic ${edges.map((edge) => String(edge.traffic)).join(', ')}, expected north-south`,
      );
    }
    if (hop.port !== undefined && edges.some((edge) => edge.port !== hop.port)) {
      problems.push(
        `${describeHop(hop)}: found port ${edges.map((edge) => JSON.stringify(edge.port)).join(', ')}`,
      );
    }
  }
  return problems;
}

export function entryProblems(json: GraphJson, entries: readonly string[]): string[] {
  const problems: string[] = [];
  const exposed = json.edges.filter((edge) => edge.type === 'exposes');
  for (const edge of exposed) {
    if (edge.from !== 'external')
      problems.push(`exposes from ${edge.from}, expected only from external: ${describeEdge(edge)}`);
    else if (!entries.includes(edge.to))
      problems.push(`not an entry point in the ground truth: ${describeEdge(edge)}`);
  }
  for (const entry of entries) {
    if (!exposed.some((edge) => edge.from === 'external' && edge.to === entry))
      problems.push(`entry point not exposed: ${entry}`);
  }
  return problems;
}

/** Everything an exposes/routes path from `external` reaches. */
export function reachableFromExternal(json: GraphJson): Set<string> {
  const reached = new Set(['external']);
  const queue = ['external'];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const edge of json.edges) {
      if (edge.from === id && (edge.type === 'exposes' || edge.type === 'routes') && !reached.has(edge.to)) {
        reached.add(edge.to);
        queue.push(edge.to);
      }
    }
  }
  return reached;
}

/** The north-south edges and the selects of the output, for failure messages. */
export function northSouthListing(json: GraphJson): string {
  const edges = json.edges.filter((edge) => edge.type === 'exposes' || edge.type === 'routes');
  const lines = edges.map((edge) => `  ${describeEdge(edge)} traffic ${String(edge.traffic)}`);
  return `exposes/routes edges in the output (${edges.length}):\n${lines.join('\n') || '  (none)'}`;
}
