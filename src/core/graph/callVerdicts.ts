import { DependentsIndex } from './dependentsIndex';
import type { GraphEdge } from './graph';
import { anyIn } from './graphContext';
import { EMPTY_CHUNK, previousAt, type CachedChunk, type CachedVerdict } from './verdictCache';

/** The verdicts of every caller's `calls` edges, at the caller's position in the workload list. */
export interface CallVerdicts {
  /** Each caller's calls as inferCalls gave them (the key of `chunks`). */
  readonly calls: readonly (readonly GraphEdge[])[];
  readonly chunks: readonly CachedChunk[];
  /** Each caller's calls with their verdicts; one shared empty list where there are none. */
  readonly annotated: readonly (readonly GraphEdge[])[];
  /** Each caller's blocked calls; one shared empty list where there are none. */
  readonly blocked: readonly (readonly GraphEdge[])[];
  /** Namespace → positions whose verdicts depend on it (see DependentsIndex). */
  readonly dependents: ReadonlyMap<string, readonly number[]>;
}

const NO_EDGES: readonly GraphEdge[] = [];

/**
 * Verdicts per caller. After an edit that kept the workload list in place, the previous lists are
 * copied and only the callers whose calls were inferred again, or whose verdicts depend on a
 * namespace where something a verdict reads changed (`dirty`), are looked at: a pass over every
 * caller on each keystroke cost milliseconds at 50,000 objects. Otherwise every caller is looked
 * at, reusing what it can by position or by array (previousAt).
 */
export function callVerdicts(
  callsByWorkload: readonly (readonly GraphEdge[])[],
  /** Positions whose calls may be other arrays than before ('all' when any may be). */
  recomputed: readonly number[] | 'all',
  dirty: ReadonlySet<string> | 'all',
  annotate: (edge: GraphEdge, before: CachedVerdict | undefined) => CachedVerdict,
  previous: CallVerdicts | undefined,
): CallVerdicts {
  const length = callsByWorkload.length;
  const dirtyList = dirty === 'all' ? [] : [...dirty];
  const reusable = (spaces: ReadonlySet<string>) => dirty !== 'all' && !anyIn(dirtyList, spaces);
  const patch = dirty !== 'all' && recomputed !== 'all' && previous?.calls.length === length;
  const chunks = patch ? previous.chunks.slice() : new Array<CachedChunk>(length);
  const annotated = patch ? previous.annotated.slice() : new Array<readonly GraphEdge[]>(length);
  const blocked = patch ? previous.blocked.slice() : new Array<readonly GraphEdge[]>(length);
  const dependents = new DependentsIndex(patch ? previous.dependents : undefined);
  const previousChunk = previousAt(previous?.calls, previous?.chunks, length);

  const look = (position: number) => {
    const calls = callsByWorkload[position]!;
    const before = calls.length === 0 ? undefined : previousChunk(position, calls);
    let entry: CachedChunk;
    if (calls.length === 0) entry = EMPTY_CHUNK;
    else if (before && reusable(before.spaces)) entry = before;
    else {
      const verdicts = calls.map((edge, index) => annotate(edge, before?.verdicts[index]));
      const spaces = new Set<string>();
      for (const verdict of verdicts) for (const space of verdict.spaces) spaces.add(space);
      const edges = verdicts.map((verdict) => verdict.edge);
      const blockedEdges = edges.filter(isBlocked);
      entry = {
        annotated: edges,
        verdicts,
        spaces,
        blocked: blockedEdges.length > 0 ? blockedEdges : NO_EDGES,
      };
    }
    dependents.note(position, entry.spaces, patch ? previous.chunks[position]!.spaces : undefined);
    chunks[position] = entry;
    annotated[position] = entry.annotated.length > 0 ? entry.annotated : NO_EDGES;
    blocked[position] = entry.blocked.length > 0 ? entry.blocked : NO_EDGES;
  };

  if (patch) {
    const positions = new Set<number>();
    for (const position of recomputed)
      if (callsByWorkload[position] !== previous.calls[position]) positions.add(position);
    for (const namespace of dirty)
      for (const position of previous.dependents.get(namespace) ?? []) positions.add(position);
    for (const position of [...positions].sort((a, b) => a - b)) look(position);
  } else {
    for (let position = 0; position < length; position++) look(position);
  }
  return { calls: callsByWorkload, chunks, annotated, blocked, dependents: dependents.result() };
}

/** Whether NetworkPolicies block an edge (the edges the policy-blocks-* rules report on). */
export function isBlocked(edge: GraphEdge): boolean {
  return edge.policy !== undefined && !edge.policy.allowed;
}
