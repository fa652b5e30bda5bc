import { asArray, asString, field, fieldAt, type K8sObject } from '../../model/k8sObject';
import type { Container } from '../../model/podTemplate';
import type { Workload } from '../../model/workspaceModel';
import type { Evidence } from '../graph';
import { expandReferences } from './expandReferences';
import { CommandItem, EnvFromConfigMap, EnvValue, MountedFile, NO_SOURCES, type Source } from './sourceKinds';

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
  const env = new Map<string, Source>();
  const path = container.path;
  const lookup = (reference: string) => env.get(reference)?.value;

  asArray(container.body.envFrom).forEach((entry, index) => {
    const configMap = configMapNamed(context, field(entry, 'configMapRef', 'name'));
    if (!configMap) return;
    const prefix = asString(field(entry, 'prefix')) ?? '';
    forEachDataValue(configMap, (key, value) => {
      const name = `${prefix}${key}`;
      env.set(name, new EnvFromConfigMap(name, value, object, configMap, key, path, index, false));
    });
  });

  asArray(container.body.env).forEach((entry, index) => {
    const name = asString(field(entry, 'name'));
    if (!name) return;
    const raw = field(entry, 'value');
    if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') {
      const written = String(raw);
      // Most values hold no `$`: no expansion, and no list of variables used.
      if (!written.includes('$')) {
        env.set(name, new EnvValue(name, written, object, path, index, written, NO_SOURCES));
        return;
      }
      const { text, used } = expandReferences(written, lookup);
      const expandedFrom = used.flatMap((reference) => env.get(reference) ?? []);
      env.set(name, new EnvValue(name, text, object, path, index, written, expandedFrom));
      return;
    }
    const configMap = configMapNamed(context, field(entry, 'valueFrom', 'configMapKeyRef', 'name'));
    const key = asString(field(entry, 'valueFrom', 'configMapKeyRef', 'key'));
    const value = key === undefined ? undefined : configMap && dataValue(configMap, key);
    if (configMap && key !== undefined && value !== undefined) {
      env.set(name, new EnvFromConfigMap(name, value, object, configMap, key, path, index, true));
    } else {
      // Secrets, field refs, missing ConfigMaps: the value is unknown, and `$(NAME)` stays as written.
      env.delete(name);
    }
  });

  const sources: ContainerSource[] = [...env.values()];
  for (const kind of ['command', 'args'] as const) {
    asArray(container.body[kind]).forEach((item, index) => {
      if (typeof item !== 'string') return;
      const text = item.includes('$') ? expandReferences(item, lookup).text : item;
      sources.push(new CommandItem(kind, index, text, object, path, item));
    });
  }
  mountedFiles(context, object, container, sources);
  return sources;
}

/**
 * Adds the files of ConfigMaps mounted into this container as volumes (plain or projected): each
 * key is a file.
 */
function mountedFiles(
  context: ConfigMapLookup,
  object: K8sObject,
  container: Container,
  sources: ContainerSource[],
): void {
  const mounts = asArray(container.body.volumeMounts);
  if (mounts.length === 0) return;
  const mounted = new Set(mounts.map((mount) => asString(field(mount, 'name'))));
  // The pod spec's volumes, beside `containers` (or `initContainers`).
  const volumes = asArray(field(fieldAt(object.body, container.path.slice(0, -2)), 'volumes'));
  for (const volume of volumes) {
    if (!mounted.has(asString(field(volume, 'name')))) continue;
    addConfigMapFiles(context, field(volume, 'configMap', 'name'), sources);
    for (const projected of asArray(field(volume, 'projected', 'sources')))
      addConfigMapFiles(context, field(projected, 'configMap', 'name'), sources);
  }
}

function addConfigMapFiles(context: ConfigMapLookup, name: unknown, sources: ContainerSource[]): void {
  const configMap = configMapNamed(context, name);
  if (configMap)
    forEachDataValue(configMap, (key, value) => sources.push(new MountedFile(configMap, key, value)));
}

function configMapNamed(lookup: ConfigMapLookup, name: unknown): K8sObject | undefined {
  return typeof name === 'string' ? lookup(name) : undefined;
}

/** Each scalar of a ConfigMap's `data`, as text, in order. */
function forEachDataValue(configMap: K8sObject, visit: (key: string, value: string) => void): void {
  const data = field(configMap.body, 'data');
  if (typeof data !== 'object' || data === null) return;
  for (const key of Object.keys(data)) {
    const value = (data as Record<string, unknown>)[key];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      visit(key, String(value));
  }
}

function dataValue(configMap: K8sObject, key: string): string | undefined {
  const value = field(configMap.body, 'data', key);
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : undefined;
}
