import { servesTraffic } from '../model/podTemplate';
import type { Finding } from './finding';
import { findingAt, listSome, relatedAt } from './findingAt';
import type { Rule } from './rule';

/**
 * `service-port-mismatch`: a Service port's target does not exist on the pods it selects.
 * - A named `targetPort` that no container of a selected workload declares with the port's
 *   protocol: error (traffic has nowhere to go).
 * - A numeric `targetPort` that a selected workload does not declare although it declares other
 *   ports: warning (declaring ports is optional, so a workload that declares none says nothing).
 */
export const servicePortMismatch: Rule = ({ model, graph }) =>
  model.services.flatMap((service): Finding[] => {
    const findings: Finding[] = [];
    const spec = graph.context.spec(service);
    // Kubernetes ignores the selector of an ExternalName Service: it sends nothing to those pods.
    if (spec.type === 'ExternalName') return findings;
    for (const { workload, ports } of graph.context.selected(service)) {
      const containers = workload.template.containers.filter(servesTraffic);
      const declared = containers.flatMap((container) => container.ports);
      for (const mapping of ports) {
        const servicePort = spec.ports.find(
          (port) => port.port === mapping.port && port.protocol === mapping.protocol,
        );
        if (!servicePort) continue;
        // Everything below is built only for a finding: this runs for every selected workload of
        // every Service on every analysis.
        const located = () => {
          // On the targetPort when written, else on the port it defaults to.
          const written = service.locate(['spec', 'ports', servicePort.index, 'targetPort']) !== undefined;
          const path = ['spec', 'ports', servicePort.index, written ? 'targetPort' : 'port'];
          const app = containers.find((container) => !container.init);
          const related = app
            ? [relatedAt(workload.object, [...app.path, 'name'], `container of ${workload.object.id}`)]
            : [];
          return { path, related, declaredText: describeDeclared(declared) };
        };
        const target = mapping.targetPort;
        if (typeof target === 'string') {
          // The endpoint controllers need the name and the protocol to match (FindPort); the
          // graph resolves the name only, so the protocol is checked here.
          if (declared.some((port) => port.name === target && port.protocol === mapping.protocol)) continue;
          const { path, related, declaredText } = located();
          const otherProtocol = declared.find((port) => port.name === target);
          findings.push(
            findingAt(
              'service-port-mismatch',
              service,
              path,
              otherProtocol
                ? `Service '${service.name}' port ${mapping.port}/${mapping.protocol} targets the port named '${target}', but ${workload.object.id} declares that name for ${otherProtocol.protocol} only; the name and the protocol must both match. It declares ${declaredText}.`
                : `Service '${service.name}' port ${mapping.port} targets the port named '${target}', but no container of ${workload.object.id} declares a port with that name; it declares ${declaredText}.`,
              { related },
            ),
          );
        } else if (
          declared.length > 0 &&
          !declared.some((port) => port.containerPort === target && port.protocol === mapping.protocol)
        ) {
          const { path, related, declaredText } = located();
          findings.push(
            findingAt(
              'service-port-mismatch',
              service,
              path,
              `Service '${service.name}' port ${mapping.port} targets container port ${target}/${mapping.protocol}, but ${workload.object.id} declares ${declaredText}. If its container listens there, declare the port; if not, the Service sends traffic nowhere.`,
              { related, severity: 'warning' },
            ),
          );
        }
      }
    }
    return findings;
  });

function describeDeclared(
  declared: readonly { containerPort: number; name?: string; protocol: string }[],
): string {
  return listSome(
    declared.map(
      (port) =>
        `${port.containerPort}${port.name ? ` (${port.name})` : ''}${port.protocol === 'TCP' ? '' : `/${port.protocol}`}`,
    ),
  );
}
