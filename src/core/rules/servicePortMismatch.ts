import type { Finding } from './finding';
import { findingAt, listSome, relatedAt } from './findingAt';
import type { Rule } from './rule';

/**
 * `service-port-mismatch`: a Service port's target does not exist on the pods it selects.
 * - A named `targetPort` that no container of a selected workload declares: error (traffic has
 *   nowhere to go).
 * - A numeric `targetPort` that a selected workload does not declare although it declares other
 *   ports: warning (declaring ports is optional, so a workload that declares none says nothing).
 */
export const servicePortMismatch: Rule = ({ model, graph }) =>
  model.services.flatMap((service): Finding[] => {
    const findings: Finding[] = [];
    const spec = graph.context.spec(service);
    for (const { workload, ports } of graph.context.selected(service)) {
      const containers = workload.template.containers.filter((container) => !container.init);
      const declared = containers.flatMap((container) => container.ports);
      const declaredText = listSome(
        declared.map(
          (port) =>
            `${port.containerPort}${port.name ? ` (${port.name})` : ''}${port.protocol === 'TCP' ? '' : `/${port.protocol}`}`,
        ),
      );
      for (const mapping of ports) {
        const servicePort = spec.ports.find(
          (port) => port.port === mapping.port && port.protocol === mapping.protocol,
        );
        if (!servicePort) continue;
        // On the targetPort when written, else on the port it defaults to.
        const written = service.locate(['spec', 'ports', servicePort.index, 'targetPort']) !== undefined;
        const path = ['spec', 'ports', servicePort.index, written ? 'targetPort' : 'port'];
        const related = containers[0]
          ? [
              relatedAt(
                workload.object,
                [...containers[0].path, 'name'],
                `container of ${workload.object.id}`,
              ),
            ]
          : [];
        if (typeof mapping.targetPort === 'string' && mapping.containerPort === undefined) {
          findings.push(
            findingAt(
              'service-port-mismatch',
              service,
              path,
              `Service '${service.name}' port ${mapping.port} targets the port named '${mapping.targetPort}', but no container of ${workload.object.id} declares a port with that name; it declares ${declaredText}.`,
              { related },
            ),
          );
        } else if (
          typeof mapping.targetPort === 'number' &&
          declared.length > 0 &&
          !declared.some(
            (port) => port.containerPort === mapping.targetPort && port.protocol === mapping.protocol,
          )
        ) {
          findings.push(
            findingAt(
              'service-port-mismatch',
              service,
              path,
              `Service '${service.name}' port ${mapping.port} targets container port ${mapping.targetPort}/${mapping.protocol}, but ${workload.object.id} declares ${declaredText}. If its container listens there, declare the port; if not, the Service sends traffic nowhere.`,
              { related, severity: 'warning' },
            ),
          );
        }
      }
    }
    return findings;
  });
