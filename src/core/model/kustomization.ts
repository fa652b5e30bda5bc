import type { ParsedObject } from '../parse/parsedFile';
import { asArray, asString, field } from './k8sObject';

/**
 * Namespaces that kustomizations assign: a `Kustomization` with `namespace:` sets it on every
 * resource it lists (kustomize's namespace transformer overrides what the resources declare).
 * A listed folder covers the files below it. Returns file key → namespace, and folder prefix →
 * namespace. Remote resources (URLs) are outside the workspace and ignored.
 */
export interface KustomizeNamespaces {
  readonly files: ReadonlyMap<string, string>;
  readonly folders: readonly { readonly prefix: string; readonly namespace: string }[];
}

export function kustomizeNamespaces(objects: Iterable<ParsedObject>): KustomizeNamespaces {
  const files = new Map<string, string>();
  const folders: { prefix: string; namespace: string }[] = [];
  for (const object of objects) {
    if (object.kind !== 'Kustomization') continue;
    const namespace = asString(field(object.body, 'namespace'));
    if (!namespace) continue;
    const base = parentOf(object.file);
    for (const resource of asArray(field(object.body, 'resources'))) {
      if (
        typeof resource !== 'string' ||
        /^[a-z][a-z0-9+.-]*:\/\//i.test(resource) ||
        resource.includes('?ref=')
      )
        continue;
      const target = joinPath(base, resource);
      if (/\.(ya?ml|json)$/i.test(resource)) files.set(target, namespace);
      else folders.push({ prefix: `${target}/`, namespace });
    }
  }
  return { files, folders };
}

/** The namespace a kustomization gives `file`, if any (a direct listing wins over a folder). */
export function kustomizedNamespace(assignments: KustomizeNamespaces, file: string): string | undefined {
  const direct = assignments.files.get(file);
  if (direct !== undefined) return direct;
  let best: { prefix: string; namespace: string } | undefined;
  for (const folder of assignments.folders) {
    if (file.startsWith(folder.prefix) && (!best || folder.prefix.length > best.prefix.length)) best = folder;
  }
  return best?.namespace;
}

/** The folder part of a file key (a relative path or a URI), with forward slashes. */
function parentOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash === -1 ? '' : file.slice(0, slash);
}

/** Joins and normalises `./` and `../` segments, keeping a URI's scheme and authority intact. */
export function joinPath(base: string, relative: string): string {
  const schemeMatch = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(base);
  const prefix = schemeMatch ? schemeMatch[0] : '';
  const segments = `${base.slice(prefix.length)}/${relative}`.split('/');
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  const leadingSlash = prefix !== '' || base.startsWith('/') ? '/' : '';
  return `${prefix}${leadingSlash}${out.join('/')}`;
}
