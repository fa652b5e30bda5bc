/**
 * The lists one after the other, in a new array of the right size. On the edit path the flat
 * lists (edges, findings) are assembled from tens of thousands of per-caller pieces: pushing into a
 * growing array, `flat()` and spreading cost several times this copy (docs/PERFORMANCE.md).
 */
export function flatten<T>(lists: readonly (readonly T[])[]): T[] {
  // Indexed loops: for-of allocated an iterator result per list where V8 did not optimise it away.
  let length = 0;
  for (let i = 0; i < lists.length; i++) length += lists[i]!.length;
  const flat = new Array<T>(length);
  let at = 0;
  for (let i = 0; i < lists.length; i++) {
    const list = lists[i]!;
    for (let j = 0; j < list.length; j++) flat[at++] = list[j]!;
  }
  return flat;
}
