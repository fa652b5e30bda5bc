import { matchesSelector, type LabelSelector, type Labels } from './labelSelector';

/**
 * The reverse of LabelIndex: items that carry a selector (NetworkPolicies' podSelector), asked
 * "which of you select these labels?". Each item is filed under one label its selector requires
 * (a matchLabels pair, or an `In` expression's values), so a query looks only at the items filed
 * under the labels it has, plus those whose selector requires no label (empty, or only
 * NotIn/Exists/DoesNotExist). Testing every policy of a namespace against every workload grows
 * quadratically with the namespace (see docs/PERFORMANCE.md).
 */
export class SelectorIndex<T> {
  /** Label key → label value → positions of the items filed under it, ascending. */
  private readonly filed = new Map<string, Map<string, number[]>>();
  /** Positions of the items whose selector requires no particular label value. */
  private readonly unfiled: number[] = [];

  constructor(
    private readonly items: readonly T[],
    private readonly selectorOf: (item: T) => LabelSelector,
  ) {
    items.forEach((item, position) => {
      const required = requiredValues(selectorOf(item));
      if (!required) {
        this.unfiled.push(position);
        return;
      }
      let byValue = this.filed.get(required.key);
      if (!byValue) {
        byValue = new Map();
        this.filed.set(required.key, byValue);
      }
      for (const value of new Set(required.values)) {
        const list = byValue.get(value);
        if (list) list.push(position);
        else byValue.set(value, [position]);
      }
    });
  }

  /** Every item whose selector matches `labels`, in the order the items were given. */
  matching(labels: Labels): T[] {
    // An item is filed under one key only and a label map has one value per key: no duplicates.
    const positions = this.unfiled.slice();
    let lists = this.unfiled.length > 0 ? 1 : 0;
    for (const key in labels) {
      const list = this.filed.get(key)?.get(labels[key]!);
      if (!list) continue;
      for (const position of list) positions.push(position);
      lists++;
    }
    if (lists > 1) positions.sort((a, b) => a - b);
    const matched: T[] = [];
    for (const position of positions) {
      const item = this.items[position]!;
      if (matchesSelector(this.selectorOf(item), labels)) matched.push(item);
    }
    return matched;
  }
}

/** One label key the selector requires, with the values it accepts; undefined if there is none. */
function requiredValues(selector: LabelSelector): { key: string; values: readonly string[] } | undefined {
  for (const key in selector.matchLabels) return { key, values: [selector.matchLabels[key]!] };
  for (const requirement of selector.matchExpressions)
    if (requirement.operator === 'In') return { key: requirement.key, values: requirement.values };
  return undefined;
}
