/**
 * Key → positions of a list that depend on it: a namespace → the positions whose result consulted
 * it; a Service name → the callers whose findings name it. Shared with the previous analysis and
 * copied only where a position starts to depend on a key; a position that stops depending on one
 * stays listed (it is only checked once more than needed). `before`: the keys the position was
 * noted with, when it may already be listed (undefined while the index is being built).
 */
export class DependentsIndex {
  private byNamespace: ReadonlyMap<string, readonly number[]>;
  /** Whether `byNamespace` is this index's own copy yet (most edits add no dependency). */
  private own = false;
  private readonly copied = new Set<string>();

  constructor(previous: ReadonlyMap<string, readonly number[]> | undefined) {
    this.byNamespace = previous ?? new Map();
    this.own = previous === undefined;
  }

  note(position: number, spaces: ReadonlySet<string>, before: ReadonlySet<string> | undefined): void {
    if (spaces === before) return;
    for (const namespace of spaces) {
      if (before?.has(namespace)) continue;
      const list = this.byNamespace.get(namespace) ?? [];
      if (before && list.includes(position)) continue;
      if (this.copied.has(namespace)) (list as number[]).push(position);
      else {
        if (!this.own) {
          this.byNamespace = new Map(this.byNamespace);
          this.own = true;
        }
        (this.byNamespace as Map<string, readonly number[]>).set(namespace, [...list, position]);
        this.copied.add(namespace);
      }
    }
  }

  result(): ReadonlyMap<string, readonly number[]> {
    return this.byNamespace;
  }
}
