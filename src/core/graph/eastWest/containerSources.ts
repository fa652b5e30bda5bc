import { asArray, asString, field, fieldAt, type K8sObject } from '../../model/k8sObject';
import type { Container } from '../../model/podTemplate';
import type { Workload } from '../../model/workspaceModel';
import type { PathSegment } from '../../parse/yamlNodes';
import { ObjectEvidence } from '../evidence';
import type { Evidence } from '../graph';
import { expandReferences } from './expandReferences';

/** Finds a ConfigMap of the workload's namespace by name. */
export type ConfigMapLookup = (name: string) => K8sObject | undefined;

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

/** Where a value is written: turned into Evidence only for the few values that name a Service. */
interface Place {
  readonly object: K8sObject;
  readonly path: readonly PathSegment[];
  readonly text: string;
}

/**
 * A source whose evidence objects are made on first use: most values of a container are never
 * addresses, and a large workspace has hundreds of thousands of them.
 */
class Source implements ContainerSource {
  private made: readonly Evidence[] | undefined;

  constructor(
    readonly kind: ContainerSource['kind'],
    readonly name: string,
    readonly value: string,
    /** Or how to list them: for plain env values, the most numerous, not even the places are made. */
    private readonly places: readonly Place[] | (() => readonly Place[]),
    private readonly expandedFrom: readonly Source[] = [],
  ) {}

  get evidence(): readonly Evidence[] {
    if (!this.made) {
      const places = typeof this.places === 'function' ? this.places() : this.places;
      this.made = [
        ...places.map((place) => new ObjectEvidence(place.object, place.path, place.text)),
        ...this.expandedFrom.flatMap((source) => source.evidence.slice(0, 1)),
      ];
    }
    return this.made;
  }
}

/**
 * Everything a container reads that may name another Service: its environment as the kubelet
 * builds it (envFrom ConfigMaps first, then `env` in order, each `$(VAR)` expanded against the
 * variables defined before it, `configMapKeyRef` values looked up), its args and command expanded
 * against the whole environment, and the files of ConfigMaps it mounts.
 */
export function containerSources(
  context: ConfigMapLookup,
  workload: Workload,
  container: Container,
): ContainerSource[] {
  const object = workload.object;
  const namespace = object.namespace ?? '';
  const env = new Map<string, Source>();
  const path = container.path;

  asArray(container.body.envFrom).forEach((entry, index) => {
    const configMap = configMapNamed(context, namespace, field(entry, 'configMapRef', 'name'));
    if (!configMap) return;
    const prefix = asString(field(entry, 'prefix')) ?? '';
    for (const [key, value] of dataEntries(configMap)) {
      const name = `${prefix}${key}`;
      env.set(
        name,
        new Source('env', name, value, [
          { object: configMap, path: ['data', key], text: `${configMap.name}/${key}=${value}` },
          { object, path: [...path, 'envFrom', index], text: `envFrom: ${configMap.name}` },
        ]),
      );
    }
  });

  asArray(container.body.env).forEach((entry, index) => {
    const name = asString(field(entry, 'name'));
    if (!name) return;
    const raw = field(entry, 'value');
    if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') {
      const { text, used } = expandReferences(String(raw), (reference) => env.get(reference)?.value);
      const expandedFrom = used.flatMap((reference) => env.get(reference) ?? []);
      env.set(
        name,
        new Source(
          'env',
          name,
          text,
          () => [{ object, path: [...path, 'env', index, 'value'], text: `${name}=${String(raw)}` }],
          expandedFrom,
        ),
      );
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
      env.set(
        name,
        new Source('env', name, value, [
          {
            object: configMap,
            path: ['data', key],
            text: `${name}=${value} (ConfigMap ${configMap.name}, key ${key})`,
          },
          {
            object,
            path: [...path, 'env', index, 'valueFrom'],
            text: `${name} from ConfigMap ${configMap.name}`,
          },
        ]),
      );
    } else {
      // Secrets, field refs, missing ConfigMaps: the value is unknown, and `$(NAME)` stays as written.
      env.delete(name);
    }
  });

  const sources: ContainerSource[] = [...env.values()];
  for (const kind of ['command', 'args'] as const) {
    asArray(container.body[kind]).forEach((item, index) => {
      if (typeof item !== 'string') return;
      const { text } = expandReferences(item, (reference) => env.get(reference)?.value);
      const shown = item.length > 160 ? `${item.slice(0, 157)}...` : item;
      sources.push(
        new Source(kind === 'args' ? 'arg' : 'command', `${kind}[${index}]`, text, [
          { object, path: [...path, kind, index], text: shown },
        ]),
      );
    });
  }
  sources.push(...mountedFiles(context, object, container));
  return sources;
}

/** ConfigMaps mounted into this container as volumes (plain or projected): each key is a file. */
function mountedFiles(context: ConfigMapLookup, object: K8sObject, container: Container): ContainerSource[] {
  const mounted = new Set(
    asArray(container.body.volumeMounts).map((mount) => asString(field(mount, 'name'))),
  );
  const volumesPath: PathSegment[] = [...container.path.slice(0, -2), 'volumes'];
  const volumes = asArray(fieldAt(object.body, volumesPath));
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
        sources.push(
          new Source('file', `${configMap.name}/${key}`, value, [
            { object: configMap, path: ['data', key], text: `${configMap.name}/${key}` },
          ]),
        );
      }
    }
  }
  return sources;
}

function configMapNamed(lookup: ConfigMapLookup, _namespace: string, name: unknown): K8sObject | undefined {
  return typeof name === 'string' ? lookup(name) : undefined;
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
