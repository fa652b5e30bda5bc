import { matchesSelector, type LabelSelector, type Labels } from './labelSelector';

/**
 * Items grouped by namespace and indexed by `key=value`, so a selector is answered from the
 * smallest posting list of its matchLabels instead of a scan of every item (all-pairs matching
 * grows quadratically, see docs/PERFORMANCE.md). Selectors with only expressions scan the namespace.
 */
export class LabelIndex<T> {
  private readonly byNamespace = new Map<string, { all: T[]; postings: Map<string, T[]> }>();

  constructor(private readonly labelsOf: (item: T) => Labels) {}

  add(namespace: string, item: T): void {
    let entry = this.byNamespace.get(namespace);
    if (!entry) {
      entry = { all: [], postings: new Map() };
      this.byNamespace.set(namespace, entry);
    }
    entry.all.push(item);
    for (const [key, value] of Object.entries(this.labelsOf(item))) {
      const posting = `${key}=${value}`;
      const list = entry.postings.get(posting);
      if (list) list.push(item);
      else entry.postings.set(posting, [item]);
    }
  }

  /**
   * A new index sharing this one's entries, except the given namespaces, whose items are replaced
   * (an edit touched them). Nothing of this index is modified.
   */
  withNamespaces(items: ReadonlyMap<string, readonly T[]>): LabelIndex<T> {
    const next = new LabelIndex<T>(this.labelsOf);
    for (const [namespace, entry] of this.byNamespace)
      if (!items.has(namespace)) next.byNamespace.set(namespace, entry);
    for (const [namespace, list] of items) for (const item of list) next.add(namespace, item);
    return next;
  }

  /** Every item of `namespace` whose labels match `selector`, in insertion order. */
  select(namespace: string, selector: LabelSelector): T[] {
    const entry = this.byNamespace.get(namespace);
    if (!entry) return [];
    let candidates = entry.all;
    for (const [key, value] of Object.entries(selector.matchLabels)) {
      const posting = entry.postings.get(`${key}=${value}`);
      if (!posting) return [];
      if (posting.length < candidates.length) candidates = posting;
    }
    return candidates.filter((item) => matchesSelector(selector, this.labelsOf(item)));
  }

  /** Every item of `namespace`. */
  itemsIn(namespace: string): readonly T[] {
    return this.byNamespace.get(namespace)?.all ?? [];
  }
}
