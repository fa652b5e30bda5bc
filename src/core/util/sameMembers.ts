/** Whether two sets hold the same members (the same set, or both of the same size and contents). */
export function sameMembers<T>(a: ReadonlySet<T> | undefined, b: ReadonlySet<T>): boolean {
  if (a === b) return true;
  if (!a || a.size !== b.size) return false;
  for (const item of b) if (!a.has(item)) return false;
  return true;
}
