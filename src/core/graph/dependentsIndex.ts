/**
 * Namespace → positions whose result consulted it. Shared with the previous analysis and copied
 * only where a position starts to depend on a namespace; a position that stops depending on one
 * stays listed (it is only checked once more than needed).
 */
export class DependentsIndex {
  private readonly byNamespace: Map<string, readonly number[]>;
  private readonly copied = new Set<string>();

  constructor(previous: ReadonlyMap<string, readonly number[]> | undefined) {
    this.byNamespace = new Map(previous);
  }

  note(position: number, spaces: ReadonlySet<string>, before: ReadonlySet<string> | undefined): void {
    for (const namespace of spaces) {
      if (before?.has(namespace)) continue;
      const list = this.byNamespace.get(namespace) ?? [];
      if (before && list.includes(position)) continue;
      if (this.copied.has(namespace)) (list as number[]).push(position);
      else {
        this.byNamespace.set(namespace, [...list, position]);
        this.copied.add(namespace);
      }
    }
  }

  result(): ReadonlyMap<string, readonly number[]> {
    return this.byNamespace;
  }
}
