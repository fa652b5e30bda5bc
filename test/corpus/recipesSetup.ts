// The cluster each NetworkPolicy recipe runs against (../shared/corpus/network-policy-recipes/
// expectations.json), written as manifests into a temporary folder: the recipe's policy files (their
// text, copied at test time into the temporary folder only), the Namespaces, one bare Pod per distinct
// (namespace, labels) endpoint of the setup and of the checks, and the setup's Services.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { repoRoot } from '../helpers/cliProcess';
import { CORPUS } from './corpus';
import { isProtocol, type Protocol, type ReachQuery } from './netpolCli';

export const RECIPES = path.join(repoRoot, CORPUS, 'network-policy-recipes');

type Labels = Readonly<Record<string, string>>;

export interface PodEndpoint {
  readonly kind: 'pod';
  readonly namespace: string;
  readonly labels: Labels;
  readonly pod_port?: number;
  readonly protocol?: string;
}

export interface ServiceEndpoint {
  readonly kind: 'service';
  readonly name: string;
  readonly namespace: string;
  readonly service_port: number;
  readonly pod_port: number;
  readonly protocol: string;
}

export interface ExternalEndpoint {
  readonly kind: 'external';
  readonly ip?: string;
  readonly hostname?: string;
  readonly pod_port?: number;
  readonly protocol?: string;
}

export type Endpoint = PodEndpoint | ServiceEndpoint | ExternalEndpoint;

export interface RecipeCheck {
  readonly from: Endpoint;
  readonly to: Endpoint;
  readonly expected: 'allowed' | 'blocked' | 'unspecified';
  readonly basis: string;
  readonly note?: string;
  readonly conflict?: boolean;
  readonly readme_claim?: string;
}

type SetupPort = number | { containerPort?: number; port?: number; name?: string; protocol?: string };

export interface SetupPod {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Labels;
  readonly container_ports?: readonly SetupPort[];
}

export interface SetupService {
  readonly name: string;
  readonly namespace: string;
  readonly type: string;
  readonly selector: Labels;
  readonly ports: readonly {
    port: number;
    targetPort?: number | string;
    protocol?: string;
    name?: string;
  }[];
}

export interface Recipe {
  readonly id: string;
  readonly doc: string;
  readonly policy_files: readonly string[];
  readonly summary: string;
  readonly setup: {
    readonly namespaces: readonly { name: string; labels?: Labels }[];
    readonly pods: readonly SetupPod[];
    readonly services: readonly SetupService[];
  };
  readonly setup_assumed?: boolean;
  readonly checks: readonly RecipeCheck[];
}

export const recipes = (
  JSON.parse(fs.readFileSync(path.join(RECIPES, 'expectations.json'), 'utf8')) as { recipes: Recipe[] }
).recipes;

interface ContainerPort {
  readonly containerPort: number;
  readonly protocol: Protocol;
  readonly name?: string;
}

export interface PlannedPod {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Labels;
  /** Filled in by planRecipe (a check's protocol may add a declaration). */
  readonly ports: ContainerPort[];
  /** From setup.pods, or made up for an endpoint of the checks. */
  readonly fromSetup: boolean;
}

/** What a recipe's cluster holds, computed without touching the disk (test titles need the ids). */
export interface RecipePlan {
  readonly recipe: Recipe;
  readonly namespaces: ReadonlyMap<string, Labels>;
  readonly pods: readonly PlannedPod[];
  /** (namespace, labels) key -> Pod id. */
  readonly podIds: ReadonlyMap<string, string>;
}

const labelsKey = (namespace: string, labels: Labels) =>
  `${namespace}\u0000${JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)))}`;

/** `client-app-bookstore-role-frontend`, `client-unlabelled`: a DNS-1123 name from the labels. */
function clientName(labels: Labels): string {
  const entries = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return 'client-unlabelled';
  const slug = entries
    .flatMap(([key, value]) => [key, value])
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return `client-${slug}`.slice(0, 63).replace(/-$/, '');
}

const selects = (selector: Labels, labels: Labels) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value);

function setupPort(port: SetupPort): ContainerPort {
  if (typeof port === 'number') return { containerPort: port, protocol: 'TCP' };
  const number = port.containerPort ?? port.port;
  if (typeof number !== 'number')
    throw new Error(`setup container port without a number: ${JSON.stringify(port)}`);
  const protocol = port.protocol ?? 'TCP';
  if (!isProtocol(protocol)) throw new Error(`setup container port with protocol ${protocol}`);
  return port.name
    ? { containerPort: number, protocol, name: port.name }
    : { containerPort: number, protocol };
}

export function planRecipe(recipe: Recipe): RecipePlan {
  const { setup } = recipe;
  const namespaces = new Map<string, Labels>();
  const addNamespace = (name: string, labels: Labels = {}) => {
    const existing = namespaces.get(name);
    namespaces.set(name, { ...(existing ?? {}), ...labels, 'kubernetes.io/metadata.name': name });
  };
  addNamespace('default');
  for (const namespace of setup.namespaces) addNamespace(namespace.name, namespace.labels ?? {});

  const pods: PlannedPod[] = [];
  const podIds = new Map<string, string>();
  const podByKey = new Map<string, PlannedPod>();
  const addPod = (pod: PlannedPod) => {
    const key = labelsKey(pod.namespace, pod.labels);
    if (podByKey.has(key)) throw new Error(`recipe ${recipe.id}: two pods with the labels of ${pod.name}`);
    if (pods.some((other) => other.namespace === pod.namespace && other.name === pod.name)) {
      throw new Error(`recipe ${recipe.id}: pod name ${pod.namespace}/${pod.name} used twice`);
    }
    pods.push(pod);
    podByKey.set(key, pod);
    podIds.set(key, `Pod/${pod.namespace}/${pod.name}`);
    if (!namespaces.has(pod.namespace)) addNamespace(pod.namespace);
  };

  for (const pod of setup.pods) {
    addPod({
      name: pod.name,
      namespace: pod.namespace,
      labels: pod.labels,
      ports: (pod.container_ports ?? []).map(setupPort),
      fromSetup: true,
    });
  }
  for (const check of recipe.checks) {
    for (const endpoint of [check.from, check.to]) {
      if (
        endpoint.kind === 'service' &&
        !setup.services.some((each) => each.name === endpoint.name && each.namespace === endpoint.namespace)
      ) {
        throw new Error(
          `recipe ${recipe.id}: a check names Service ${endpoint.namespace}/${endpoint.name}, setup has none`,
        );
      }
      if (endpoint.kind !== 'pod' || podByKey.has(labelsKey(endpoint.namespace, endpoint.labels))) continue;
      addPod({
        name: clientName(endpoint.labels),
        namespace: endpoint.namespace,
        labels: endpoint.labels,
        ports: [],
        fromSetup: false,
      });
    }
  }

  // A destination port a check uses with another protocol than the setup's (DNS: 53/UDP and 53/TCP)
  // is declared once per protocol, as a DNS server pod does.
  for (const check of recipe.checks) {
    const to = check.to;
    if (to.kind === 'external' || to.pod_port === undefined || !isProtocol(to.protocol)) continue;
    const protocol = to.protocol;
    const service =
      to.kind === 'service'
        ? setup.services.find((each) => each.name === to.name && each.namespace === to.namespace)
        : undefined;
    const targets =
      to.kind === 'pod'
        ? [podByKey.get(labelsKey(to.namespace, to.labels))!]
        : pods.filter(
            (pod) => service && pod.namespace === service.namespace && selects(service.selector, pod.labels),
          );
    for (const pod of targets) {
      if (!pod.ports.some((port) => port.containerPort === to.pod_port)) continue;
      if (!pod.ports.some((port) => port.containerPort === to.pod_port && port.protocol === protocol)) {
        pod.ports.push({ containerPort: to.pod_port, protocol });
      }
    }
  }

  // A made-up client that a Service selects would change what the Service's checks mean.
  for (const service of setup.services) {
    const selected = pods.filter(
      (pod) => pod.namespace === service.namespace && selects(service.selector, pod.labels),
    );
    const intruders = selected.filter((pod) => !pod.fromSetup);
    if (intruders.length > 0) {
      throw new Error(
        `recipe ${recipe.id}: Service ${service.name} would also select ${intruders.map((pod) => pod.name).join(', ')}`,
      );
    }
    if (selected.length === 0) throw new Error(`recipe ${recipe.id}: Service ${service.name} selects no pod`);
  }
  return { recipe, namespaces, pods, podIds };
}

function podManifest(pod: PlannedPod): object {
  const container: Record<string, unknown> = {
    name: 'main',
    image: pod.ports.length > 0 ? 'nginx' : 'alpine',
  };
  if (pod.ports.length > 0) {
    container.ports = pod.ports.map((port) => ({
      ...(port.name ? { name: port.name } : {}),
      containerPort: port.containerPort,
      protocol: port.protocol,
    }));
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: pod.name,
      namespace: pod.namespace,
      ...(Object.keys(pod.labels).length > 0 ? { labels: pod.labels } : {}),
    },
    spec: { containers: [container] },
  };
}

function serviceManifest(service: SetupService): object {
  const named = service.ports.length > 1;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: service.name, namespace: service.namespace },
    spec: {
      type: service.type,
      selector: service.selector,
      ports: service.ports.map((port) => ({
        // The API requires names on a Service with several ports.
        ...(port.name ? { name: port.name } : named ? { name: `port-${port.port}` } : {}),
        port: port.port,
        ...(port.targetPort !== undefined ? { targetPort: port.targetPort } : {}),
        protocol: port.protocol ?? 'TCP',
      })),
    },
  };
}

/** Writes the plan into a new folder under os.tmpdir(); the caller removes it. */
export function writeRecipeFolder(plan: RecipePlan): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kube-topology-recipe-${plan.recipe.id}-`));
  fs.mkdirSync(path.join(dir, 'policies'));
  plan.recipe.policy_files.forEach((file, index) => {
    const text = fs.readFileSync(path.join(RECIPES, file), 'utf8');
    fs.writeFileSync(path.join(dir, 'policies', `${index + 1}-${path.basename(file)}`), text);
  });
  const documents = [
    ...[...plan.namespaces].map(([name, labels]) => ({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, labels },
    })),
    ...plan.pods.map(podManifest),
    ...plan.recipe.setup.services.map(serviceManifest),
  ];
  fs.writeFileSync(path.join(dir, 'cluster.yaml'), documents.map((doc) => stringify(doc)).join('---\n'));
  return dir;
}

/** The reach query of a check, or why the check cannot be one. */
export function queryOf(plan: RecipePlan, check: RecipeCheck, dir: string): ReachQuery {
  const id = (endpoint: Endpoint, side: 'from' | 'to'): string => {
    switch (endpoint.kind) {
      case 'pod':
        return plan.podIds.get(labelsKey(endpoint.namespace, endpoint.labels))!;
      case 'service':
        if (side === 'from') throw new Error('a Service cannot be a source');
        return `Service/${endpoint.namespace}/${endpoint.name}`;
      case 'external':
        return 'external';
    }
  };
  const { from, to } = check;
  const port = to.kind === 'service' ? to.service_port : to.pod_port;
  if (port === undefined) throw new Error(`no destination port in ${JSON.stringify(to)}`);
  const protocol = to.protocol;
  if (!isProtocol(protocol)) throw new Error(`protocol ${String(protocol)} is not TCP, UDP or SCTP`);
  const ips = [from, to].flatMap((endpoint) =>
    endpoint.kind === 'external' && endpoint.ip ? [endpoint.ip] : [],
  );
  if (ips.length > 1) throw new Error('both ends are external');
  return {
    paths: [dir],
    from: id(from, 'from'),
    to: id(to, 'to'),
    port,
    protocol,
    ...(ips[0] ? { externalIp: ips[0] } : {}),
  };
}

/** The query as a title, before the folder exists. */
export function describeCheck(plan: RecipePlan, check: RecipeCheck): string {
  const side = (endpoint: Endpoint) => {
    switch (endpoint.kind) {
      case 'pod':
        return plan.podIds.get(labelsKey(endpoint.namespace, endpoint.labels))!;
      case 'service':
        return `Service/${endpoint.namespace}/${endpoint.name}`;
      case 'external':
        return `external(${endpoint.ip ?? endpoint.hostname ?? 'any'})`;
    }
  };
  const to = check.to;
  const port = to.kind === 'service' ? to.service_port : to.pod_port;
  const portText = port === undefined ? '' : `:${port}`;
  const podPort =
    to.kind === 'service' && to.pod_port !== to.service_port ? ` (pod port ${to.pod_port})` : '';
  return `${side(check.from)} -> ${side(to)}${portText}/${to.protocol ?? '?'}${podPort}`;
}
