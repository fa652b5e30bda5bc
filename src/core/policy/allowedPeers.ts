import { matchesSelector } from '../select/labelSelector';
import type { Workload } from '../model/workspaceModel';
import { ConnectionSet } from './connectionSet';
import type { NetworkPolicy, Peer } from './networkPolicy';
import { ruleConnections, type Direction, type PolicyEngine } from './policyEngine';

/**
 * For one pod and one direction, what every in-cluster peer may do, computed from the rules
 * outward (rule peers → the workloads they select, through the label index) instead of testing
 * every other workload: `toEveryone` applies to all peers, `perWorkload` adds to it for some.
 * Not isolated: everything to everyone.
 */
export interface AllowedPeers {
  readonly toEveryone: ConnectionSet;
  readonly perWorkload: ReadonlyMap<Workload, ConnectionSet>;
}

const OPEN: AllowedPeers = { toEveryone: ConnectionSet.ALL, perWorkload: new Map() };

export function allowedPeers(engine: PolicyEngine, pod: Workload, direction: Direction): AllowedPeers {
  const policies = engine.policiesFor(pod, direction);
  if (policies.length === 0) return OPEN;
  let toEveryone = ConnectionSet.NONE;
  const perWorkload = new Map<Workload, ConnectionSet>();
  for (const policy of policies) {
    for (const rule of direction === 'ingress' ? policy.ingress : policy.egress) {
      if (rule.peers === 'all') {
        // Ingress ports are the pod's own. Egress ports belong to each destination, which only
        // matters for named ports: without them the rule means the same to every peer.
        const named = rule.ports !== 'all' && rule.ports.some((port) => typeof port.port === 'string');
        if (direction === 'ingress' || !named) toEveryone = toEveryone.union(ruleConnections(rule, pod));
        else
          for (const workload of engine.model.workloads)
            add(perWorkload, workload, ruleConnections(rule, workload));
        continue;
      }
      for (const peer of rule.peers) {
        for (const workload of workloadsOf(engine, policy, peer)) {
          add(perWorkload, workload, ruleConnections(rule, direction === 'ingress' ? pod : workload));
        }
      }
    }
  }
  return { toEveryone, perWorkload };
}

/** What `peer` may do according to `allowed`. */
export function allowedFor(allowed: AllowedPeers, peer: Workload): ConnectionSet {
  const specific = allowed.perWorkload.get(peer);
  return specific ? allowed.toEveryone.union(specific) : allowed.toEveryone;
}

/** The workloads a pod peer selects: namespaces by label (or the policy's own), then pods by label via the index. */
function workloadsOf(engine: PolicyEngine, policy: NetworkPolicy, peer: Peer): Workload[] {
  if (peer.kind === 'ipBlock') return [];
  const namespaces =
    peer.namespaceSelector === undefined
      ? [policy.namespace]
      : [...engine.model.namespaces.values()]
          .filter((namespace) => matchesSelector(peer.namespaceSelector!, namespace.labels))
          .map((namespace) => namespace.name);
  return namespaces.flatMap((namespace) => engine.model.workloadIndex.select(namespace, peer.podSelector));
}

function add(map: Map<Workload, ConnectionSet>, workload: Workload, connections: ConnectionSet): void {
  if (connections.isEmpty()) return;
  const existing = map.get(workload);
  map.set(workload, existing ? existing.union(connections) : connections);
}
