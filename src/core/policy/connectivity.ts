import { asArray, asString, field } from '../model/k8sObject';
import type { ServicePort } from '../model/service';
import type { Workload } from '../model/workspaceModel';
import type { GraphEdge } from '../graph/graph';
import type { GraphContext } from '../graph/graphContext';
import { ingressBackends } from '../graph/northSouth/ingresses';
import { allowedFor, allowedPeers } from './allowedPeers';
import { ConnectionSet } from './connectionSet';
import type { Endpoint, IngressController } from './endpoints';
import { formatRange, partition, type IpRange } from './ipRanges';
import type { PolicyEngine } from './policyEngine';

/** One line of the connectivity list: `src => dst : conn`. */
export interface ConnectivityLine {
  readonly src: string;
  readonly dst: string;
  readonly conn: string;
}

export const INGRESS_CONTROLLER_NAME = '{ingress-controller}';

/**
 * Every allowed connection between workloads, address ranges outside the cluster and the Ingress
 * controller, as np-guard netpol-analyzer's connectivity list prints it (so the two compare line
 * for line). The outside world is split at every ipBlock boundary of the direction concerned.
 */
export function connectivity(
  engine: PolicyEngine,
  context: GraphContext,
  controller: IngressController,
  routes: readonly GraphEdge[] = [],
): ConnectivityLine[] {
  const peers = listedWorkloads(engine.model.workloads);
  const lines: ConnectivityLine[] = [];
  const add = (src: string, dst: string, allowed: ConnectionSet) => {
    if (!allowed.isEmpty() && src !== dst) lines.push({ src, dst, conn: allowed.toString() });
  };
  // Between workloads: each side's rules are expanded once to the peers they select (label
  // index), so the work follows the pairs that policies actually relate, not all pairs × policies.
  const egress = new Map(peers.map((peer) => [peer, allowedPeers(engine, peer.workload, 'egress')]));
  const ingress = new Map(peers.map((peer) => [peer, allowedPeers(engine, peer.workload, 'ingress')]));
  for (const source of peers) {
    const out = egress.get(source)!;
    for (const destination of peers) {
      if (source === destination) continue;
      const into = ingress.get(destination)!;
      const allowed = allowedFor(out, destination.workload).intersect(allowedFor(into, source.workload));
      add(source.name, destination.name, allowed);
    }
  }
  for (const range of externalRanges(engine, 'ingress')) {
    for (const destination of peers) {
      add(
        `${formatRange(range)}[External]`,
        destination.name,
        engine.connection(external(range), workload(destination)).allowed,
      );
    }
  }
  for (const range of externalRanges(engine, 'egress')) {
    for (const source of peers) {
      add(
        source.name,
        `${formatRange(range)}[External]`,
        engine.connection(workload(source), external(range)).allowed,
      );
    }
  }
  const exposed = exposedPorts(context, routes);
  for (const destination of peers) {
    const ports = exposed.get(destination.workload.object.id);
    if (!ports) continue;
    const allowed = engine.connection(
      { kind: 'ingress-controller', controller },
      workload(destination),
    ).allowed;
    add(INGRESS_CONTROLLER_NAME, destination.name, ports.intersect(allowed));
  }
  return lines.sort((a, b) => compare(a.src, b.src) || compare(a.dst, b.dst));
}

interface ListedWorkload {
  readonly name: string;
  readonly workload: Workload;
}

/**
 * `namespace/name[Kind]` per workload. A bare Pod with a controller ownerReference is listed as
 * its owner (pods of one ReplicaSet or DaemonSet are one entry), as netpol-analyzer does.
 */
function listedWorkloads(workloads: readonly Workload[]): ListedWorkload[] {
  const seen = new Set<string>();
  const listed: ListedWorkload[] = [];
  for (const workload of workloads) {
    const object = workload.object;
    const owner = object.kind === 'Pod' ? controllerOwner(object.body) : undefined;
    const name = `${object.namespace ?? ''}/${owner?.name ?? object.name}[${owner?.kind ?? object.kind}]`;
    if (seen.has(name)) continue;
    seen.add(name);
    listed.push({ name, workload });
  }
  return listed;
}

function controllerOwner(body: unknown): { kind: string; name: string } | undefined {
  const references = asArray(field(body, 'metadata', 'ownerReferences'));
  const reference = references.find((item) => field(item, 'controller') === true) ?? references[0];
  const kind = asString(field(reference, 'kind'));
  const name = asString(field(reference, 'name'));
  return kind && name ? { kind, name } : undefined;
}

/** The outside world cut at every ipBlock boundary used by rules of this direction. */
function externalRanges(engine: PolicyEngine, direction: 'ingress' | 'egress'): IpRange[] {
  const boundaries: IpRange[] = [];
  for (const policy of engine.policies) {
    for (const rule of direction === 'ingress' ? policy.ingress : policy.egress) {
      if (rule.peers === 'all') continue;
      for (const peer of rule.peers) if (peer.kind === 'ipBlock') boundaries.push(peer.cidr, ...peer.except);
    }
  }
  return partition(boundaries);
}

/**
 * The pod ports the Ingress controller sends traffic to, per workload: each backend's Service
 * port translated to the target port of each selected workload. Ingresses and OpenShift Routes
 * are read here as netpol-analyzer reads them (a Route without a port: every port); the other
 * routes (Gateway API routes, Istio VirtualServices) come from the graph's `routes` edges into
 * Services, whose port is the Service port (none: every port).
 */
function exposedPorts(context: GraphContext, routes: readonly GraphEdge[]): Map<string, ConnectionSet> {
  const exposed = new Map<string, ConnectionSet>();
  const addPort = (service: ReturnType<GraphContext['service']>, matches: (port: ServicePort) => boolean) => {
    if (!service) return;
    const chosen = context.spec(service).ports.filter(matches);
    for (const { workload, ports: mappings } of context.selected(service)) {
      for (const mapping of mappings) {
        if (!chosen.some((port) => port.port === mapping.port && port.protocol === mapping.protocol))
          continue;
        if (mapping.containerPort === undefined || mapping.protocol !== 'TCP') continue;
        const set = ConnectionSet.of('TCP', mapping.containerPort, mapping.containerPort);
        const id = workload.object.id;
        exposed.set(id, (exposed.get(id) ?? ConnectionSet.NONE).union(set));
      }
    }
  };
  for (const ingress of context.model.ofKind('Ingress')) {
    for (const backend of ingressBackends(ingress)) {
      // An Ingress backend names the Service port, by number or by name.
      const reference = backend.port;
      addPort(
        context.service(ingress.namespace ?? '', backend.serviceName),
        (port) => reference === undefined || port.port === reference || port.name === reference,
      );
    }
  }
  for (const route of context.model.ofKind('Route')) {
    const names = [
      field(route.body, 'spec', 'to', 'name'),
      ...asArray(field(route.body, 'spec', 'alternateBackends')).map((item) => field(item, 'name')),
    ];
    const target = field(route.body, 'spec', 'port', 'targetPort');
    for (const name of names) {
      if (typeof name !== 'string') continue;
      // A Route's targetPort names the Service port by its name or by its target port; absent: every port.
      addPort(
        context.service(route.namespace ?? '', name),
        (port) => target === undefined || port.name === target || port.targetPort === target,
      );
    }
  }
  for (const edge of routes) {
    if (edge.type !== 'routes') continue;
    const fromKind = edge.from.slice(0, edge.from.indexOf('/'));
    if (fromKind === 'Ingress' || fromKind === 'Route') continue;
    const service = context.model.byId.get(edge.to);
    if (service?.kind !== 'Service') continue;
    addPort(service, (port) => edge.port === undefined || port.port === edge.port);
  }
  return exposed;
}

function workload(listed: ListedWorkload): Endpoint {
  return { kind: 'workload', workload: listed.workload };
}

function external(range: IpRange): Endpoint {
  return { kind: 'external', range };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
