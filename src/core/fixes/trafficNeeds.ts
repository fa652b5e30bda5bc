import type { K8sObject } from '../model/k8sObject';
import type { Workload } from '../model/workspaceModel';
import { isProtocol } from '../policy/connectionSet';
import type { RuleContext } from '../rules/rule';
import { evidenceLabel } from './evidenceLabel';
import type { GeneratedPort } from './generatedPolicy';

/** Who is on the other side of a need: a workload of the workspace, the outside world, or the Ingress controller. */
export type NeedPeer =
  | { readonly kind: 'workload'; readonly workload: Workload }
  | { readonly kind: 'external' }
  | { readonly kind: 'ingress-controller' };

/** Traffic the manifests say one workload needs with one peer, on these pod ports, and why. */
export interface PeerNeed {
  readonly peer: NeedPeer;
  /** By `PROTOCOL/port`. */
  readonly ports: Map<string, GeneratedPort>;
  /** One sentence per piece of evidence, in the order found. */
  readonly reasons: string[];
}

/** What one workload needs, by peer key (a workload id, `external` or `ingress-controller`). */
export interface WorkloadNeeds {
  readonly ingress: Map<string, PeerNeed>;
  readonly egress: Map<string, PeerNeed>;
  /** Traffic that cannot be allowed (a named target port no container declares), in sentences. */
  readonly notes: string[];
}

/**
 * Per workload id, the traffic the graph infers for it: `calls` edges give the callee's ingress
 * from the caller and the caller's egress to every pod the Service selects; LoadBalancer/NodePort
 * `exposes` edges give ingress from outside the cluster; `routes` edges into a Service give ingress
 * from the Ingress controller (and, when the configured controller is a workload of the workspace,
 * its egress to the backends). Ports are container ports of the receiving pods, as NetworkPolicies
 * see them after the Service has translated its port.
 */
export function trafficNeeds({ model, graph }: RuleContext): Map<string, WorkloadNeeds> {
  const needs = new Map<string, WorkloadNeeds>();
  const of = (workload: Workload) => {
    let entry = needs.get(workload.object.id);
    if (!entry) needs.set(workload.object.id, (entry = { ingress: new Map(), egress: new Map(), notes: [] }));
    return entry;
  };
  const controllers = controllerWorkloads({ model, graph });
  for (const edge of graph.edges) {
    if (edge.type !== 'calls' && edge.type !== 'exposes' && edge.type !== 'routes') continue;
    const service = model.byId.get(edge.to);
    if (!service || service.kind !== 'Service') continue;
    const caller = edge.type === 'calls' ? model.workloadsById.get(edge.from) : undefined;
    if (edge.type === 'calls' && !caller) continue;
    const spec = graph.context.spec(service);
    const used = spec.ports.filter((port) => edge.port === undefined || port.port === edge.port);
    for (const { workload: target, ports } of graph.context.selected(service)) {
      const namespace = target.object.namespace ?? '';
      for (const mapping of ports) {
        if (!used.some((port) => port.port === mapping.port && port.protocol === mapping.protocol)) continue;
        if (mapping.containerPort === undefined || !isProtocol(mapping.protocol)) {
          addNote(
            of(target),
            `${nameIn(service, namespace)} port ${mapping.port} targets '${mapping.targetPort}', which no container of ${target.object.name} declares: no traffic reaches it, so no rule allows it.`,
          );
          continue;
        }
        const port: GeneratedPort = { protocol: mapping.protocol, port: mapping.containerPort };
        // Where the traffic arrives, when the Service's name and port do not already say it.
        const arrivalIn = (at: string) => {
          const pods = target.object.name === service.name ? '' : nameIn(target.object, at);
          if (mapping.containerPort !== mapping.port)
            return `, pod port ${mapping.containerPort}${pods === '' ? '' : ` of ${pods}`}`;
          return pods === '' ? '' : `, pods of ${pods}`;
        };
        const arrival = arrivalIn(namespace);
        if (caller) {
          const label = evidenceLabel(edge);
          const call = (at: string) =>
            edge.port === undefined
              ? `${nameIn(caller.object, at)} calls ${nameIn(service, at)}${label} without a port: every port of the Service, here ${mapping.port}${arrivalIn(at)}`
              : `${nameIn(caller.object, at)} calls ${nameIn(service, at)}:${mapping.port}${label}${arrivalIn(at)}`;
          add(of(target).ingress, { kind: 'workload', workload: caller }, port, call(namespace));
          add(
            of(caller).egress,
            { kind: 'workload', workload: target },
            port,
            call(caller.object.namespace ?? ''),
          );
        } else if (edge.type === 'exposes') {
          const reason = `${service.name} (type: ${spec.type}) exposes port ${mapping.port} outside the cluster${arrival}`;
          add(of(target).ingress, { kind: 'external' }, port, reason);
        } else {
          const entry = model.byId.get(edge.from);
          const text = edge.evidence?.[0]?.text ?? service.name;
          const reason = `${entry ? `${entry.kind} ${nameIn(entry, namespace)}` : edge.from} routes ${text}${arrival}`;
          add(of(target).ingress, { kind: 'ingress-controller' }, port, reason);
          for (const controller of controllers) {
            if (controller === target) continue;
            const from = controller.object.namespace ?? '';
            add(
              of(controller).egress,
              { kind: 'workload', workload: target },
              port,
              `the Ingress controller serves ${entry ? `${entry.kind} ${nameIn(entry, from)}` : edge.from}, which routes ${text}${arrivalIn(from)}`,
            );
          }
        }
      }
    }
  }
  return needs;
}

/** The configured Ingress controller's workloads, when the workspace has them. */
function controllerWorkloads({ model, graph }: RuleContext): readonly Workload[] {
  const controller = graph.ingressController;
  if (!controller.known) return [];
  return model.workloadIndex.select(controller.namespace, {
    matchLabels: controller.labels,
    matchExpressions: [],
  });
}

/** The key a peer's need is kept under. */
export function peerKey(peer: NeedPeer): string {
  return peer.kind === 'workload' ? peer.workload.object.id : peer.kind;
}

function add(needs: Map<string, PeerNeed>, peer: NeedPeer, port: GeneratedPort, reason: string): void {
  const key = peerKey(peer);
  let need = needs.get(key);
  if (!need) needs.set(key, (need = { peer, ports: new Map(), reasons: [] }));
  need.ports.set(`${port.protocol}/${port.port}`, port);
  if (!need.reasons.includes(reason)) need.reasons.push(reason);
}

function addNote(needs: WorkloadNeeds, note: string): void {
  if (!needs.notes.includes(note)) needs.notes.push(note);
}

/** An object's name as seen from `namespace`: bare when it lives there, else `namespace/name`. */
export function nameIn(object: K8sObject, namespace: string): string {
  return object.namespace === namespace || object.namespace === null
    ? object.name
    : `${object.namespace}/${object.name}`;
}
