/**
 * The lists one after the other, in a new array of the right size. On the edit path the flat
 * lists (edges, findings) are assembled from tens of thousands of per-caller pieces: pushing into a
 * growing array, `flat()` and spreading cost several times this copy (docs/PERFORMANCE.md).
 */
export function flatten<T>(lists: readonly (readonly T[])[]): T[] {
  let length = 0;
  for (const list of lists) length += list.length;
  const flat = new Array<T>(length);
  let at = 0;
  for (const list of lists) for (let i = 0; i < list.length; i++) flat[at++] = list[i]!;
  return flat;
}
