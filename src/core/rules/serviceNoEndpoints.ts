import { formatSelector } from '../select/labelSelector';
import { findingAt, relatedObject } from './findingAt';
import type { Finding } from './finding';
import type { Rule } from './rule';
import { closestWorkload } from './closestWorkload';
import { operatorOwners } from './operatorOwners';

/**
 * `service-no-endpoints`: a Service with a selector that matches no workload of its namespace.
 * A Service without a selector (endpoints managed by hand) and an ExternalName Service are fine.
 */
export const serviceNoEndpoints: Rule = ({ model, graph }) =>
  model.services.flatMap((service): Finding[] => {
    const spec = graph.context.spec(service);
    if (!spec.selector || spec.type === 'ExternalName' || service.namespace === null) return [];
    if (graph.context.selected(service).length > 0) return [];
    const namespace = service.namespace;
    const workloads = model.workloadIndex.itemsIn(namespace);
    const closest = closestWorkload(spec.selector, workloads);
    const owners = operatorOwners(model, namespace, spec.selector);
    const hint = closest
      ? ` The closest is ${closest.workload.object.id}, whose pods are labelled ${closest.labels}.`
      : workloads.length === 0
        ? ` The workspace has no workloads in namespace '${namespace}'.`
        : '';
    const culprit = culpritLabel(spec.selector.matchLabels, closest?.workload.template.labels);
    return [
      findingAt(
        'service-no-endpoints',
        service,
        culprit === undefined ? ['spec', 'selector'] : ['spec', 'selector', culprit],
        owners.length > 0
          ? `Service '${service.name}' selects pods with ${formatSelector(spec.selector)}, which no workload of the manifests has; they are probably created by an operator from ${owners.map((owner) => owner.id).join(', ')}, which this analysis cannot follow.`
          : `Service '${service.name}' selects pods with ${formatSelector(spec.selector)}, but no workload in namespace '${namespace}' has pods with these labels, so it has no endpoints.${hint}`,
        {
          target: culprit === undefined ? 'key' : 'value',
          ...(owners.length > 0 ? { severity: 'info' as const } : {}),
          ...(closest ? { related: [relatedObject(closest.workload.object, 'closest workload')] } : {}),
        },
      ),
    ];
  });

/**
 * The one selector label to put the finding on: the only label there is, or the only one the
 * closest workload lacks (a typo like \`app: payment\`). Undefined when that is not one label.
 */
function culpritLabel(
  wanted: Readonly<Record<string, string>>,
  closest: Readonly<Record<string, string>> | undefined,
): string | undefined {
  const keys = Object.keys(wanted);
  if (keys.length === 1) return keys[0];
  if (!closest) return undefined;
  const mismatched = keys.filter((key) => closest[key] !== wanted[key]);
  return mismatched.length === 1 ? mismatched[0] : undefined;
}
