import { ingressBackends } from '../graph/northSouth/ingresses';
import type { ServicePort } from '../model/service';
import type { Finding } from './finding';
import { findingAt, relatedAt } from './findingAt';
import type { Rule } from './rule';

/** `ingress-missing-port`: the backend's Service exists but has no such port (by number or by name). */
export const ingressMissingPort: Rule = ({ model, graph }) =>
  model.ofKind('Ingress').flatMap((ingress): Finding[] => {
    const namespace = ingress.namespace ?? '';
    return ingressBackends(ingress).flatMap((backend): Finding[] => {
      const service = graph.context.service(namespace, backend.serviceName);
      if (!service || backend.port === undefined || graph.context.servicePort(service, backend.port))
        return [];
      const { ports, type } = graph.context.spec(service);
      // An ExternalName Service is only a DNS alias: its ports are informational, and a controller
      // connects to the backend's port number on the external name. Only a port name must resolve.
      if (type === 'ExternalName' && typeof backend.port === 'number') return [];
      return [
        findingAt(
          'ingress-missing-port',
          ingress,
          backend.portPath,
          `Service '${service.name}' has no port ${typeof backend.port === 'number' ? backend.port : `named '${backend.port}'`}; it exposes ${describePorts(ports)}.`,
          { related: [relatedAt(service, ['spec', 'ports'], `ports of Service '${service.name}'`)] },
        ),
      ];
    });
  });

/** `7070 (grpc), 9090` — how a Service's ports read in messages. */
export function describePorts(ports: readonly ServicePort[]): string {
  if (ports.length === 0) return 'no ports';
  return ports
    .map(
      (port) =>
        `${port.port}${port.name ? ` (${port.name})` : ''}${port.protocol === 'TCP' ? '' : `/${port.protocol}`}`,
    )
    .join(', ');
}
