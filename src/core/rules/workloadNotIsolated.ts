import { fieldAt } from '../model/k8sObject';
import type { Workload } from '../model/workspaceModel';
import type { Finding } from './finding';
import { findingAt } from './findingAt';
import type { Rule } from './rule';

/**
 * `workload-not-isolated`: no NetworkPolicy selects the workload for ingress, so every pod of the
 * cluster (and any client, if it is exposed) can reach it: the zero-trust default is missing.
 */
export const workloadNotIsolated: Rule = ({ model, graph }) =>
  model.workloads.flatMap((workload): Finding[] => {
    if (graph.policy.policiesFor(workload, 'ingress').length > 0) return [];
    // NetworkPolicies do not apply to pods on the host network: a policy could not isolate them.
    if (usesHostNetwork(workload)) return [];
    const others = graph.unevaluatedPolicies.affecting(workload);
    const caveat =
      others.length > 0
        ? ` (${others.join(', ')} may restrict it, but policies of that kind are not evaluated.)`
        : '';
    return [
      findingAt(
        'workload-not-isolated',
        workload.object,
        ['metadata', 'name'],
        `No NetworkPolicy selects ${workload.object.kind} '${workload.object.name}' for ingress, so every pod in the cluster can connect to it on any port.${caveat} A policy that allows only its callers keeps that from happening.`,
      ),
    ];
  });

/**
 * Whether the pods run in the node's network namespace (`hostNetwork: true`). NetworkPolicies
 * neither isolate such pods nor restrict their traffic (the Kubernetes documentation leaves it
 * undefined, and common plugins treat it as node traffic).
 */
export function usesHostNetwork(workload: Workload): boolean {
  return fieldAt(workload.object.body, [...workload.template.path, 'spec', 'hostNetwork']) === true;
}
