import type { Workload } from '../model/workspaceModel';
import type { LabelSelector } from '../select/labelSelector';

/**
 * The workload whose pod labels come closest to a selector that matches none: the one missing
 * the fewest required labels, ties broken by the smallest edit distance between values (a typo
 * like `payment` for `payments`). Undefined when nothing shares a key with the selector.
 */
export function closestWorkload(
  selector: LabelSelector,
  workloads: readonly Workload[],
): { workload: Workload; labels: string; distance: number } | undefined {
  const wanted = Object.entries(selector.matchLabels);
  if (wanted.length === 0) return undefined;
  let best: { workload: Workload; labels: string; distance: number; missing: number } | undefined;
  for (const workload of workloads) {
    const labels = workload.template.labels;
    let missing = 0;
    let distance = 0;
    let shared = 0;
    for (const [key, value] of wanted) {
      const actual = labels[key];
      if (actual === undefined) {
        missing += 1;
        continue;
      }
      shared += 1;
      if (actual !== value) distance += editDistance(actual, value);
    }
    if (shared === 0) continue;
    if (!best || missing < best.missing || (missing === best.missing && distance < best.distance)) {
      const text = Object.entries(labels)
        .map(([key, value]) => `${key}=${value}`)
        .join(', ');
      best = { workload, labels: text || '(no labels)', distance, missing };
    }
  }
  return best && { workload: best.workload, labels: best.labels, distance: best.distance };
}

/** Levenshtein distance (small strings: label values). */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}
