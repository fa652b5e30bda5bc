import type { Workload } from '../model/workspaceModel';
import type { LabelSelector } from '../select/labelSelector';

/** A typo changes at most this many characters over all label values... */
const MAX_TYPO_DISTANCE = 2;
/** ...and at most a third of each value it changes (`db` for `dc` is another name, not a typo). */
const MAX_TYPO_SHARE = 1 / 3;

export interface ClosestWorkload {
  readonly workload: Workload;
  /** Its pod labels as `key=value, ...`, for messages. */
  readonly labels: string;
  /** The summed edit distance between the selector's values and the workload's. */
  readonly distance: number;
  /**
   * Whether a label typo is the likely cause: the workload has every key the selector asks for,
   * each value that differs is off by one or two characters (at most a third of its length), and
   * no other workload is as close. Only then may a fix change the selector to match it.
   */
  readonly typo: boolean;
}

/**
 * The workload whose pod labels come closest to a selector that matches none: the one missing
 * the fewest required labels, ties broken by the smallest edit distance between values (a typo
 * like `payment` for `payments`). Undefined when nothing shares a key with the selector.
 */
export function closestWorkload(
  selector: LabelSelector,
  workloads: readonly Workload[],
): ClosestWorkload | undefined {
  const wanted = Object.entries(selector.matchLabels);
  if (wanted.length === 0) return undefined;
  let best:
    | { workload: Workload; labels: string; distance: number; missing: number; typo: boolean; tied: boolean }
    | undefined;
  for (const workload of workloads) {
    const labels = workload.template.labels;
    let missing = 0;
    let distance = 0;
    let shared = 0;
    let small = true;
    for (const [key, value] of wanted) {
      const actual = labels[key];
      if (actual === undefined) {
        missing += 1;
        continue;
      }
      shared += 1;
      if (actual === value) continue;
      const apart = editDistance(actual, value);
      distance += apart;
      if (apart > MAX_TYPO_SHARE * Math.max(actual.length, value.length)) small = false;
    }
    if (shared === 0) continue;
    if (best && missing === best.missing && distance === best.distance) {
      best.tied = true;
      continue;
    }
    if (!best || missing < best.missing || (missing === best.missing && distance < best.distance)) {
      const text = Object.entries(labels)
        .map(([key, value]) => `${key}=${value}`)
        .join(', ');
      const typo = missing === 0 && distance > 0 && distance <= MAX_TYPO_DISTANCE && small;
      best = { workload, labels: text || '(no labels)', distance, missing, typo, tied: false };
    }
  }
  return (
    best && {
      workload: best.workload,
      labels: best.labels,
      distance: best.distance,
      typo: best.typo && !best.tied,
    }
  );
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
