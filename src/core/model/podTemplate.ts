import { readLabels, type Labels } from '../select/labelSelector';
import { asArray, field, fieldAt, type K8sObject } from './k8sObject';
import { sameData } from '../util/sameData';

/** Where each workload kind keeps its pod template (a bare Pod is its own template). */
const TEMPLATE_PATHS: Readonly<Record<string, readonly string[]>> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  Pod: [],
};

export interface ContainerPort {
  readonly name?: string;
  readonly containerPort: number;
  readonly protocol: string;
}

export interface Container {
  readonly name: string;
  readonly init: boolean;
  /** Path of this container inside its object, for exact ranges. */
  readonly path: readonly (string | number)[];
  readonly ports: readonly ContainerPort[];
  readonly body: Readonly<Record<string, unknown>>;
}

export interface PodTemplate {
  /** The labels the pods carry: the template's, never the workload's own metadata labels. */
  readonly labels: Labels;
  readonly containers: readonly Container[];
  /** Path of the template inside its object (empty for a Pod). */
  readonly path: readonly string[];
}

/** The pod template of a workload, or undefined for kinds that run no pods. */
export function podTemplateOf(object: K8sObject): PodTemplate | undefined {
  // Keyed by the body: it is the same object as long as the document was not edited.
  const cached = templates.get(object.body);
  if (cached !== undefined) return cached ?? undefined;
  const template = readPodTemplate(object);
  templates.set(object.body, template ?? null);
  return template;
}

const templates = new WeakMap<object, PodTemplate | null>();

function readPodTemplate(object: K8sObject): PodTemplate | undefined {
  const path = TEMPLATE_PATHS[object.kind];
  if (!path) return undefined;
  const template = path.length === 0 ? object.body : fieldAt(object.body, path);
  const labels = readLabels(field(template, 'metadata', 'labels')) ?? {};
  const containers = [
    ...readContainers(field(template, 'spec', 'initContainers'), [...path, 'spec', 'initContainers'], true),
    ...readContainers(field(template, 'spec', 'containers'), [...path, 'spec', 'containers'], false),
  ];
  return { labels, containers, path };
}

function readContainers(value: unknown, path: readonly (string | number)[], init: boolean): Container[] {
  return asArray(value).flatMap((container, index) => {
    if (typeof container !== 'object' || container === null) return [];
    const body = container as Record<string, unknown>;
    const ports = asArray(body.ports).flatMap((port): ContainerPort[] => {
      const containerPort = field(port, 'containerPort');
      if (typeof containerPort !== 'number') return [];
      const name = field(port, 'name');
      const protocol = field(port, 'protocol');
      return [
        {
          containerPort,
          protocol: typeof protocol === 'string' ? protocol : 'TCP',
          ...(typeof name === 'string' ? { name } : {}),
        },
      ];
    });
    return [
      { name: typeof body.name === 'string' ? body.name : '', init, path: [...path, index], ports, body },
    ];
  });
}

/**
 * Containers whose ports a Service reaches: the app containers and the sidecars (init containers
 * with \`restartPolicy: Always\`, which keep running), as Kubernetes' FindPort reads them. Other init
 * containers have exited before the pod serves.
 */
export function servesTraffic(container: Container): boolean {
  return !container.init || container.body.restartPolicy === 'Always';
}

/**
 * Whether two templates give their pods the same labels and serve the same container ports: all
 * that selections, NetworkPolicies and their verdicts read of a workload. An edit of anything
 * else (an env value, an image) leaves every verdict about its pods as it was.
 */
export function samePodFacts(a: PodTemplate, b: PodTemplate): boolean {
  if (!sameData(a.labels, b.labels) || a.containers.length !== b.containers.length) return false;
  return a.containers.every((container, index) => {
    const other = b.containers[index]!;
    return (
      container.name === other.name &&
      container.init === other.init &&
      servesTraffic(container) === servesTraffic(other) &&
      sameData(container.ports, other.ports)
    );
  });
}
