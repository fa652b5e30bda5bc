import { selectPods } from '../model/selectPods';
import type { Workload, WorkspaceModel } from '../model/workspaceModel';
import type { Labels } from '../select/labelSelector';

/** The labels a generated policy uses to select one workload's pods. */
export interface WorkloadSelector {
  readonly labels: Labels;
  /** Whether these labels select this workload and no other of its namespace. */
  readonly exact: boolean;
  /** Other workloads of the namespace the labels also select (when not exact). */
  readonly alsoSelects: readonly string[];
}

/** Keys people select by, best first; everything else follows alphabetically, volatile keys last. */
const PREFERRED_KEYS = [
  'app.kubernetes.io/name',
  'app',
  'k8s-app',
  'name',
  'app.kubernetes.io/instance',
  'app.kubernetes.io/component',
  'component',
  'tier',
];
/** The first PREFERRED_KEYS name the app itself. */
const IDENTITY_KEYS = 4;
const VOLATILE_KEY = /version|revision|hash|release|chart|date/i;

/** Beyond this many labels only subsets of up to MAX_SEARCHED_SIZE are tried (then all labels). */
const FULL_SEARCH_LIMIT = 12;
const MAX_SEARCHED_SIZE = 3;

/**
 * The smallest subset of a workload's pod template labels that selects exactly this workload among
 * the workloads of its namespace (at least one label: an empty selector reads as "every pod"), asked
 * of the model's label index. Subsets with the workload's name label (`app`,
 * `app.kubernetes.io/name`, ...) are preferred to smaller ones without it; among subsets of one size,
 * those of preferred keys come first. When no subset is exact (another workload carries the same
 * labels), all labels.
 */
export function workloadSelector(model: WorkspaceModel, workload: Workload): WorkloadSelector {
  const namespace = workload.object.namespace ?? '';
  const labels = workload.template.labels;
  const keys = Object.keys(labels).sort(compareKeys);
  const selects = (subset: readonly string[]) =>
    selectPods(model.workloadIndex, namespace, {
      matchLabels: Object.fromEntries(subset.map((key) => [key, labels[key]!])),
      matchExpressions: [],
    });
  const largest = keys.length <= FULL_SEARCH_LIMIT ? keys.length : MAX_SEARCHED_SIZE;
  const exact = (subset: readonly string[]) => {
    const selected = selects(subset);
    return selected.length === 1 && selected[0]?.object === workload.object;
  };
  // First the subsets holding the workload's name label (`app: cart, track: stable` rather than
  // `track: stable`, which the next app with a stable track would also carry), then those not made
  // of version-like labels only (`version: v3` changes with every release), then any.
  const identity = keys.find((key) => PREFERRED_KEYS.slice(0, IDENTITY_KEYS).includes(key));
  const passes: ((subset: readonly string[]) => boolean)[] = [
    (subset) => identity !== undefined && subset.includes(identity),
    (subset) => !subset.every((key) => VOLATILE_KEY.test(key)),
    () => true,
  ];
  for (const acceptable of passes) {
    for (let size = 1; size <= largest; size++) {
      for (const subset of combinations(keys, size)) {
        if (acceptable(subset) && exact(subset))
          return { labels: pick(labels, subset), exact: true, alsoSelects: [] };
      }
    }
  }
  const others = selects(keys)
    .filter((other) => other.object !== workload.object)
    .map((other) => other.object.id);
  return { labels: pick(labels, keys), exact: others.length === 0 && keys.length > 0, alsoSelects: others };
}

function compareKeys(a: string, b: string): number {
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function rank(key: string): number {
  const preferred = PREFERRED_KEYS.indexOf(key);
  if (preferred !== -1) return preferred;
  return VOLATILE_KEY.test(key) ? 2 * PREFERRED_KEYS.length : PREFERRED_KEYS.length;
}

function pick(labels: Labels, keys: readonly string[]): Labels {
  return Object.fromEntries(keys.map((key) => [key, labels[key]!]));
}

/** The subsets of `items` of one size, in lexicographic order of positions. */
function* combinations<T>(items: readonly T[], size: number, from = 0): Generator<T[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (let index = from; index <= items.length - size; index++) {
    for (const rest of combinations(items, size - 1, index + 1)) yield [items[index]!, ...rest];
  }
}
