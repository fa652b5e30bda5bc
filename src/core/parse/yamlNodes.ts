import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';

/** A key of a mapping or an index of a sequence, as in `['spec', 'ports', 0, 'targetPort']`. */
export type PathSegment = string | number;

/** Which part of a mapping entry a range should cover. */
export type LocateTarget = 'value' | 'key';

/**
 * Follows `path` from `root` through yaml v2 nodes and returns the `[start, end)` offsets of the
 * value (or of the last key) it names, or undefined when the path does not exist. Offsets are those
 * of the text the node was parsed from.
 */
export function locateInNode(
  root: Node | null | undefined,
  path: readonly PathSegment[],
  target: LocateTarget = 'value',
): [number, number] | undefined {
  let node: unknown = root;
  let keyNode: unknown;
  for (const segment of path) {
    keyNode = undefined;
    if (typeof segment === 'number') {
      if (!isSeq(node)) return undefined;
      node = node.items[segment];
    } else {
      if (!isMap(node)) return undefined;
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && item.key.value === segment,
      );
      if (!pair) return undefined;
      keyNode = pair.key;
      node = pair.value;
    }
  }
  const chosen = target === 'key' && keyNode !== undefined ? keyNode : node;
  const range = (chosen as Node | null | undefined)?.range;
  if (range) return [range[0], range[1]];
  // `key:` with no value has no value node; fall back to the key so the finding still has a place.
  const keyRange = (keyNode as Node | undefined)?.range;
  return keyRange ? [keyRange[0], keyRange[1]] : undefined;
}
