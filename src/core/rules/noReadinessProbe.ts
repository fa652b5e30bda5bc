import { field } from '../model/k8sObject';
import type { Finding } from './finding';
import { findingAt } from './findingAt';
import type { Rule } from './rule';

/**
 * `no-readiness-probe`: a workload behind a Service has a container without a readinessProbe, so
 * the Service sends it traffic before it is ready (and while it is failing).
 */
export const noReadinessProbe: Rule = ({ model, graph }) => {
  const behindService = new Map<string, string>();
  for (const service of model.services) {
    // Readiness does not decide where these send traffic: Kubernetes ignores the selector of an
    // ExternalName Service, and `publishNotReadyAddresses` publishes pods whether ready or not.
    if (graph.context.spec(service).type === 'ExternalName') continue;
    if (field(service.body, 'spec', 'publishNotReadyAddresses') === true) continue;
    for (const { workload } of graph.context.selected(service)) {
      if (!behindService.has(workload.object.id)) behindService.set(workload.object.id, service.name);
    }
  }
  return model.workloads.flatMap((workload): Finding[] => {
    const service = behindService.get(workload.object.id);
    if (service === undefined) return [];
    return workload.template.containers
      .filter((container) => !container.init && container.body.readinessProbe === undefined)
      .map((container) =>
        findingAt(
          'no-readiness-probe',
          workload.object,
          [...container.path, 'name'],
          `Container '${container.name}' of ${workload.object.kind} '${workload.object.name}' has no readinessProbe, but Service '${service}' sends it traffic: it will get requests before it is ready and while it fails.`,
        ),
      );
  });
};
