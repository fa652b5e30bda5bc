import { asArray, asString, field, type K8sObject } from '../../model/k8sObject';
import type { Container } from '../../model/podTemplate';
import type { Workload } from '../../model/workspaceModel';
import type { PathSegment } from '../../parse/yamlNodes';
import { ObjectEvidence } from '../evidence';
import type { Evidence } from '../graph';
import type { GraphContext } from '../graphContext';
import { expandReferences } from './expandReferences';

/** One text a container sees at run time, and where the manifests say it. */
export interface ContainerSource {
  readonly kind: 'env' | 'arg' | 'command' | 'file';
  /** The variable name, `args[2]`, or `configmap/key` for mounted files. */
  readonly name: string;
  /** After `$(VAR)` expansion. */
  readonly value: string;
  /** Where the value is written first, then the variables it was expanded from. */
  readonly evidence: readonly Evidence[];
}

interface Variable {
  readonly value: string;
  readonly evidence: readonly Evidence[];
}

/**
 * Everything a container reads that may name another Service: its environment as the kubelet
 * builds it (envFrom ConfigMaps first, then `env` in order, each `$(VAR)` expanded against the
 * variables defined before it, `configMapKeyRef` values looked up), its args and command expanded
 * against the whole environment, and the files of ConfigMaps it mounts.
 */
export function containerSources(
  context: GraphContext,
  workload: Workload,
  container: Container,
): ContainerSource[] {
  const object = workload.object;
  const namespace = object.namespace ?? '';
  const env = new Map<string, Variable>();
  const path = container.path;

  asArray(container.body.envFrom).forEach((entry, index) => {
    const configMap = configMapNamed(context, namespace, field(entry, 'configMapRef', 'name'));
    if (!configMap) return;
    const prefix = asString(field(entry, 'prefix')) ?? '';
    for (const [key, value] of dataEntries(configMap)) {
      env.set(`${prefix}${key}`, {
        value,
        evidence: [
          new ObjectEvidence(configMap, ['data', key], `${configMap.name}/${key}=${value}`),
          new ObjectEvidence(object, [...path, 'envFrom', index], `envFrom: ${configMap.name}`),
        ],
      });
    }
  });

  asArray(container.body.env).forEach((entry, index) => {
    const name = asString(field(entry, 'name'));
    if (!name) return;
    const raw = field(entry, 'value');
    if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') {
      const { text, used } = expandReferences(String(raw), (reference) => env.get(reference)?.value);
      env.set(name, {
        value: text,
        evidence: [
          new ObjectEvidence(object, [...path, 'env', index, 'value'], `${name}=${String(raw)}`),
          ...used.flatMap((reference) => env.get(reference)?.evidence.slice(0, 1) ?? []),
        ],
      });
      return;
    }
    const configMap = configMapNamed(
      context,
      namespace,
      field(entry, 'valueFrom', 'configMapKeyRef', 'name'),
    );
    const key = asString(field(entry, 'valueFrom', 'configMapKeyRef', 'key'));
    const value = key === undefined ? undefined : configMap && dataValue(configMap, key);
    if (configMap && key !== undefined && value !== undefined) {
      env.set(name, {
        value,
        evidence: [
          new ObjectEvidence(
            configMap,
            ['data', key],
            `${name}=${value} (ConfigMap ${configMap.name}, key ${key})`,
          ),
          new ObjectEvidence(
            object,
            [...path, 'env', index, 'valueFrom'],
            `${name} from ConfigMap ${configMap.name}`,
          ),
        ],
      });
    } else {
      // Secrets, field refs, missing ConfigMaps: the value is unknown, and `$(NAME)` stays as written.
      env.delete(name);
    }
  });

  const sources: ContainerSource[] = [...env].map(([name, variable]) => ({
    kind: 'env' as const,
    name,
    ...variable,
  }));
  for (const kind of ['command', 'args'] as const) {
    asArray(container.body[kind]).forEach((item, index) => {
      if (typeof item !== 'string') return;
      const { text } = expandReferences(item, (reference) => env.get(reference)?.value);
      const shown = item.length > 160 ? `${item.slice(0, 157)}...` : item;
      sources.push({
        kind: kind === 'args' ? 'arg' : 'command',
        name: `${kind}[${index}]`,
        value: text,
        evidence: [new ObjectEvidence(object, [...path, kind, index], shown)],
      });
    });
  }
  sources.push(...mountedFiles(context, object, container));
  return sources;
}

/** ConfigMaps mounted into this container as volumes (plain or projected): each key is a file. */
function mountedFiles(context: GraphContext, object: K8sObject, container: Container): ContainerSource[] {
  const mounted = new Set(
    asArray(container.body.volumeMounts).map((mount) => asString(field(mount, 'name'))),
  );
  const volumesPath: PathSegment[] = [...container.path.slice(0, -2), 'volumes'];
  const volumes = asArray(field(object.body, ...volumesPath));
  const sources: ContainerSource[] = [];
  for (const volume of volumes) {
    if (!mounted.has(asString(field(volume, 'name')))) continue;
    const names = [
      field(volume, 'configMap', 'name'),
      ...asArray(field(volume, 'projected', 'sources')).map((source) => field(source, 'configMap', 'name')),
    ];
    for (const name of names) {
      const configMap = configMapNamed(context, object.namespace ?? '', name);
      if (!configMap) continue;
      for (const [key, value] of dataEntries(configMap)) {
        sources.push({
          kind: 'file',
          name: `${configMap.name}/${key}`,
          value,
          evidence: [new ObjectEvidence(configMap, ['data', key], `${configMap.name}/${key}`)],
        });
      }
    }
  }
  return sources;
}

function configMapNamed(context: GraphContext, namespace: string, name: unknown): K8sObject | undefined {
  return typeof name === 'string' ? context.model.byKindAndName('ConfigMap', namespace, name) : undefined;
}

function dataEntries(configMap: K8sObject): [string, string][] {
  const data = field(configMap.body, 'data');
  if (typeof data !== 'object' || data === null) return [];
  return Object.entries(data).flatMap(([key, value]) =>
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? [[key, String(value)]]
      : [],
  );
}

function dataValue(configMap: K8sObject, key: string): string | undefined {
  const value = field(configMap.body, 'data', key);
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : undefined;
}
