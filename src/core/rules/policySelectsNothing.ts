import { formatSelector, isEmptySelector } from '../select/labelSelector';
import { closestWorkload } from './closestWorkload';
import { operatorOwners } from './operatorOwners';
import type { Finding } from './finding';
import { findingAt, relatedObject } from './findingAt';
import type { Rule } from './rule';

/**
 * `policy-selects-nothing`: a NetworkPolicy whose podSelector matches no workload of its namespace
 * (often a label typo). Namespaces without any workload in the workspace are left alone: their
 * pods may be defined elsewhere.
 */
export const policySelectsNothing: Rule = ({ model, graph }) =>
  model.ofKind('NetworkPolicy').flatMap((object): Finding[] => {
    const policy = graph.policy.policyOf(object);
    const namespace = policy.namespace;
    const workloads = model.workloadIndex.itemsIn(namespace);
    if (workloads.length === 0) return [];
    if (
      isEmptySelector(policy.podSelector) ||
      model.workloadIndex.select(namespace, policy.podSelector).length > 0
    )
      return [];
    const closest = closestWorkload(policy.podSelector, workloads);
    const owners = operatorOwners(model, namespace, policy.podSelector);
    return [
      findingAt(
        'policy-selects-nothing',
        object,
        ['spec', 'podSelector'],
        owners.length > 0
          ? `NetworkPolicy '${object.name}' selects pods with ${formatSelector(policy.podSelector)}, which no workload of the manifests has; they are probably created by an operator from ${owners.map((owner) => owner.id).join(', ')}, which this analysis cannot follow.`
          : `NetworkPolicy '${object.name}' selects pods with ${formatSelector(policy.podSelector)}, but no workload in namespace '${namespace}' has pods with these labels, so it has no effect.${closest ? ` Did you mean ${closest.workload.object.id}, whose pods are labelled ${closest.labels}?` : ''}`,
        {
          target: 'key',
          ...(owners.length > 0 ? { severity: 'info' as const } : {}),
          ...(closest ? { related: [relatedObject(closest.workload.object, 'closest workload')] } : {}),
        },
      ),
    ];
  });
