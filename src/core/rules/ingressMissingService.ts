import { ingressBackends } from '../graph/northSouth/ingresses';
import type { Finding } from './finding';
import { findingAt, listSome } from './findingAt';
import type { Rule } from './rule';

/** `ingress-missing-service`: an Ingress backend names a Service that does not exist in its namespace. */
export const ingressMissingService: Rule = ({ model, graph }) =>
  model.ofKind('Ingress').flatMap((ingress): Finding[] => {
    const namespace = ingress.namespace ?? '';
    return ingressBackends(ingress).flatMap((backend): Finding[] => {
      if (graph.context.service(namespace, backend.serviceName)) return [];
      const existing = model.services
        .filter((service) => service.namespace === namespace)
        .map((service) => service.name);
      return [
        findingAt(
          'ingress-missing-service',
          ingress,
          backend.namePath,
          `Ingress '${ingress.name}' routes ${backend.route} to Service '${backend.serviceName}', which does not exist in namespace '${namespace}'. Services there: ${listSome(existing)}.`,
        ),
      ];
    });
  });
