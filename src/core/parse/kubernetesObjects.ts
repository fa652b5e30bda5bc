import { isMap, isSeq, type Node } from 'yaml';
import type { SourceRange } from '../model/sourceRange';
import type { ParsedObject } from './parsedFile';
import { locateInNode } from './yamlNodes';

// From one YAML document's data and nodes to Kubernetes objects with ranges: a single object, or
// the items of a `kind: List` (`PodList`, `ConfigMapList`, ...). Anything without a string
// `apiVersion` and a non-empty `kind` is not a Kubernetes object and yields nothing.

export function objectsOf(
  chunk: string,
  file: string,
  rawBody: unknown,
  node: Node | null,
  documentIndex: number,
  toRange: (start: number, end: number) => SourceRange,
): ParsedObject[] {
  const body = withImpliedKind(file, rawBody);
  if (!isKubernetesObject(body) || !isMap(node)) return [];
  const items = body.items;
  const itemsNode = node.get('items', true);
  if (body.kind.endsWith('List') && Array.isArray(items) && isSeq(itemsNode)) {
    return items.flatMap((rawItem, itemIndex) => {
      const itemNode = itemsNode.items[itemIndex];
      const item = listItemWithImpliedKind(body, rawItem);
      if (!isKubernetesObject(item) || !isMap(itemNode)) return [];
      return [makeObject(chunk, file, item, itemNode, documentIndex, toRange, itemIndex)];
    });
  }
  return [makeObject(chunk, file, body, node, documentIndex, toRange)];
}

export interface KubernetesBody extends Record<string, unknown> {
  apiVersion: string;
  kind: string;
}

export function isKubernetesObject(value: unknown): value is KubernetesBody {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return typeof record.apiVersion === 'string' && typeof record.kind === 'string' && record.kind !== '';
}

function makeObject(
  chunk: string,
  file: string,
  body: KubernetesBody,
  node: Node,
  documentIndex: number,
  toRange: (start: number, end: number) => SourceRange,
  itemIndex?: number,
): ParsedObject {
  const { name, namespace } = namesOf(body);
  const whole = node.range ?? [0, 0, 0];
  // A block map's value end includes its last line break; the object ends at its last character.
  const range = toRange(whole[0], whole[0] + chunk.slice(whole[0], whole[1]).trimEnd().length);
  const locate = (
    path: Parameters<ParsedObject['locate']>[0],
    target?: Parameters<ParsedObject['locate']>[1],
  ) => {
    const found = locateInNode(node, path, target);
    return found ? toRange(found[0], found[1]) : undefined;
  };
  const object: ParsedObject = {
    file,
    documentIndex,
    apiVersion: body.apiVersion,
    kind: body.kind,
    name,
    body,
    range,
    nameRange: locate(['metadata', 'name']) ?? toRange(whole[0], whole[0]),
    locate,
  };
  return {
    ...object,
    ...(itemIndex === undefined ? {} : { itemIndex }),
    ...(namespace === undefined ? {} : { declaredNamespace: namespace }),
  };
}

/** `metadata.name` (or `generateName`, or '') and `metadata.namespace` as written. */
export function namesOf(body: KubernetesBody): { name: string; namespace: string | undefined } {
  const metadata = (
    typeof body.metadata === 'object' && body.metadata !== null ? body.metadata : {}
  ) as Record<string, unknown>;
  const name = stringOr(metadata.name) ?? stringOr(metadata.generateName) ?? '';
  return { name, namespace: stringOr(metadata.namespace) };
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

const KUSTOMIZATION_FILE = /(?:^|\/)(?:kustomization\.ya?ml|Kustomization)$/;

/**
 * kustomize reads `kustomization.yaml` whether or not it says `apiVersion` and `kind` (most do
 * not): such a file is a Kustomization. Any other document without them is not a Kubernetes object.
 */
export function withImpliedKind(file: string, body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !KUSTOMIZATION_FILE.test(file))
    return body;
  const record = body as Record<string, unknown>;
  if (record.kind !== undefined) return body;
  return { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', ...record };
}

/**
 * Items of a typed list (`PodList`, `ConfigMapList`, as `kubectl get -o yaml` writes them) may
 * leave out `apiVersion` and `kind`: they are the list's kind without `List`, in its apiVersion.
 */
export function listItemWithImpliedKind(list: KubernetesBody, item: unknown): unknown {
  if (typeof item !== 'object' || item === null || Array.isArray(item) || list.kind === 'List') return item;
  const record = item as Record<string, unknown>;
  if (record.kind !== undefined && record.apiVersion !== undefined) return item;
  return { apiVersion: list.apiVersion, kind: list.kind.slice(0, -'List'.length), ...record };
}
