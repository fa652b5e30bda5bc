import type { ListVerdicts } from './listVerdicts';
import type { GraphEdge } from './graph';

/**
 * Verdicts of the previous analysis, of each entry point's north-south edges and of each
 * workload's calls. A verdict
 * depends on the NetworkPolicies, pods and Service of the callee's namespace and on the
 * sender's namespace (a caller's, or a known Ingress controller's): it stays valid while the
 * model reports no change in those namespaces, none in namespaces themselves, and none to
 * policies of other kinds.
 */
export interface VerdictCache {
  /** Per group of entry points (exposed Services, Ingresses, the others): each one's verdicts. */
  readonly northSouth: readonly ListVerdicts[];
  /** Each workload's calls and their verdicts, at the workload's position. */
  readonly calls: ListVerdicts | undefined;
}

export const NO_CACHE: VerdictCache = { northSouth: [], calls: undefined };

export interface CachedVerdict {
  /** The edge as annotated (the key is the edge as built). */
  readonly edge: GraphEdge;
  /** The namespaces it depends on. */
  readonly spaces: readonly string[];
}

export interface CachedChunk {
  readonly annotated: readonly GraphEdge[];
  readonly verdicts: readonly CachedVerdict[];
  readonly spaces: ReadonlySet<string>;
  /** The edges of `annotated` whose verdict is blocked. */
  readonly blocked: readonly GraphEdge[];
}

export const EMPTY_CHUNK: CachedChunk = { annotated: [], verdicts: [], spaces: new Set(), blocked: [] };

/**
 * What the previous analysis kept for an item (a north-south edge, a workload's calls array), if
 * it was kept for the very same item: by position while the list has the same length (an item
 * replaced at its place gets nothing), else by item through a map made once (items were added or
 * removed, so positions moved).
 */
export function previousAt<K, V>(
  keys: readonly K[] | undefined,
  values: readonly V[] | undefined,
  length: number,
): (position: number, key: K) => V | undefined {
  if (!keys || !values) return () => undefined;
  if (keys.length === length)
    return (position, key) => (keys[position] === key ? values[position] : undefined);
  const byKey = new Map<K, V>();
  keys.forEach((key, position) => byKey.set(key, values[position]!));
  return (_position, key) => byKey.get(key);
}
