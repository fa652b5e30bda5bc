import { selectorFromMap, type LabelSelector } from '../select/labelSelector';
import { asArray, asString, field, type K8sObject } from './k8sObject';

export interface ServicePort {
  readonly index: number;
  readonly name?: string;
  readonly port: number;
  /** A number, a container port name, or (when absent) the same as `port`. */
  readonly targetPort: number | string;
  readonly protocol: string;
  readonly nodePort?: number;
}

export interface ServiceSpec {
  /** ClusterIP when absent, as the API server defaults it. */
  readonly type: string;
  /** Undefined when the Service has no selector: its endpoints are managed by hand (or ExternalName). */
  readonly selector: LabelSelector | undefined;
  readonly ports: readonly ServicePort[];
  readonly headless: boolean;
  readonly externalName?: string;
}

export function readServiceSpec(service: K8sObject): ServiceSpec {
  // Keyed by the body: the same object as long as the document was not edited.
  let spec = specs.get(service.body);
  if (!spec) {
    spec = readSpec(service);
    specs.set(service.body, spec);
  }
  return spec;
}

const specs = new WeakMap<object, ServiceSpec>();

function readSpec(service: K8sObject): ServiceSpec {
  const spec = field(service.body, 'spec');
  const rawSelector = field(spec, 'selector');
  const hasSelector =
    typeof rawSelector === 'object' && rawSelector !== null && Object.keys(rawSelector).length > 0;
  const ports = asArray(field(spec, 'ports')).flatMap((port, index): ServicePort[] => {
    const number = field(port, 'port');
    if (typeof number !== 'number') return [];
    const target = field(port, 'targetPort');
    const name = asString(field(port, 'name'));
    const nodePort = field(port, 'nodePort');
    return [
      {
        index,
        port: number,
        // The API server defaults an absent, empty or 0 targetPort to the port itself.
        targetPort:
          (typeof target === 'number' && target !== 0) || (typeof target === 'string' && target !== '')
            ? target
            : number,
        protocol: asString(field(port, 'protocol')) ?? 'TCP',
        ...(name === undefined ? {} : { name }),
        ...(typeof nodePort === 'number' ? { nodePort } : {}),
      },
    ];
  });
  const externalName = asString(field(spec, 'externalName'));
  return {
    type: asString(field(spec, 'type')) ?? 'ClusterIP',
    selector: hasSelector ? selectorFromMap(rawSelector) : undefined,
    ports,
    headless: field(spec, 'clusterIP') === 'None',
    ...(externalName === undefined ? {} : { externalName }),
  };
}

/** `80→8080` or `http 80→http/TCP`-style short text for labels. */
export function formatServicePort(port: ServicePort): string {
  const protocol = port.protocol === 'TCP' ? '' : `/${port.protocol}`;
  const target = port.targetPort === port.port ? '' : `→${port.targetPort}`;
  return `${port.port}${target}${protocol}`;
}
