import { sameMembers } from '../util/sameMembers';
import { PatchedList } from '../util/patchedList';
import { DependentsIndex } from './dependentsIndex';
import type { GraphEdge } from './graph';
import { anyIn } from './graphContext';
import { EMPTY_CHUNK, previousAt, type CachedChunk, type CachedVerdict } from './verdictCache';

/**
 * The verdicts of edges that come per item of a list (each caller's calls at the caller's
 * position in the workload list, each Service's or Ingress's north-south edges at its position).
 */
export interface ListVerdicts {
  /** Each item's edges as built (the key of `chunks`). */
  readonly built: readonly (readonly GraphEdge[])[];
  readonly chunks: readonly CachedChunk[];
  /** Each item's edges with their verdicts; one shared empty list where there are none. */
  readonly annotated: readonly (readonly GraphEdge[])[];
  /** Each item's blocked edges; one shared empty list where there are none. */
  readonly blocked: readonly (readonly GraphEdge[])[];
  /** Namespace → positions whose verdicts depend on it (see DependentsIndex). */
  readonly dependents: ReadonlyMap<string, readonly number[]>;
}

const NO_EDGES: readonly GraphEdge[] = [];

/**
 * Verdicts per item. After an edit that kept the list in place, the previous lists are kept
 * (copied only where an item gets other edges) and only the items whose edges were built again,
 * or whose verdicts depend on a namespace where something a verdict reads changed (`dirty`), are
 * looked at: a pass over every caller on each keystroke cost milliseconds at 50,000 objects.
 * Otherwise every item is looked at, reusing what it can by position or by array (previousAt).
 */
export function listVerdicts(
  edgesByItem: readonly (readonly GraphEdge[])[],
  /** Positions whose edges may be other arrays than before ('all' when any may be). */
  recomputed: readonly number[] | 'all',
  dirty: ReadonlySet<string> | 'all',
  annotate: (edge: GraphEdge, before: CachedVerdict | undefined) => CachedVerdict,
  previous: ListVerdicts | undefined,
): ListVerdicts {
  const length = edgesByItem.length;
  const dirtyList = dirty === 'all' ? [] : [...dirty];
  const reusable = (spaces: ReadonlySet<string>) => dirty !== 'all' && !anyIn(dirtyList, spaces);
  const patch = dirty !== 'all' && recomputed !== 'all' && previous?.built.length === length;
  const chunks = patch ? new PatchedList(previous.chunks) : PatchedList.fresh<CachedChunk>(length);
  const annotated = patch
    ? new PatchedList(previous.annotated)
    : PatchedList.fresh<readonly GraphEdge[]>(length);
  const blocked = patch ? new PatchedList(previous.blocked) : PatchedList.fresh<readonly GraphEdge[]>(length);
  const dependents = new DependentsIndex(patch ? previous.dependents : undefined);
  const previousChunk = previousAt(previous?.built, previous?.chunks, length);

  const look = (position: number) => {
    const edges = edgesByItem[position]!;
    const before = edges.length === 0 ? undefined : previousChunk(position, edges);
    let entry: CachedChunk;
    if (edges.length === 0) entry = EMPTY_CHUNK;
    else if (before && reusable(before.spaces)) entry = before;
    else entry = annotatedChunk(edges, before, annotate);
    dependents.note(position, entry.spaces, patch ? previous.chunks[position]!.spaces : undefined);
    chunks.set(position, entry);
    annotated.set(position, entry.annotated.length > 0 ? entry.annotated : NO_EDGES);
    blocked.set(position, entry.blocked.length > 0 ? entry.blocked : NO_EDGES);
  };

  if (patch) {
    const positions = new Set<number>();
    for (const position of recomputed)
      if (edgesByItem[position] !== previous.built[position]) positions.add(position);
    for (const namespace of dirty)
      for (const position of previous.dependents.get(namespace) ?? []) positions.add(position);
    for (const position of [...positions].sort((a, b) => a - b)) look(position);
  } else {
    for (let position = 0; position < length; position++) look(position);
  }
  return {
    built: edgesByItem,
    chunks: chunks.result,
    annotated: annotated.result,
    blocked: blocked.result,
    dependents: dependents.result(),
  };
}

/**
 * One item's edges with their verdicts. Where every verdict came back as the same edge as
 * before (annotate keeps an edge whose verdict did not change), the previous lists are kept, so
 * what is derived from them per array or per edge stays valid.
 */
function annotatedChunk(
  built: readonly GraphEdge[],
  before: CachedChunk | undefined,
  annotate: (edge: GraphEdge, before: CachedVerdict | undefined) => CachedVerdict,
): CachedChunk {
  const verdicts = built.map((edge, index) => annotate(edge, before?.verdicts[index]));
  const spaces = new Set<string>();
  for (const verdict of verdicts) for (const space of verdict.spaces) spaces.add(space);
  if (before && verdicts.every((verdict, index) => verdict.edge === before.annotated[index])) {
    // Nothing changed at all: the same chunk, so the list of chunks is not copied for it (the
    // callers into an edited namespace are looked at again on every keystroke).
    if (sameMembers(before.spaces, spaces)) return before;
    return { annotated: before.annotated, verdicts, spaces, blocked: before.blocked };
  }
  const edges = verdicts.map((verdict) => verdict.edge);
  const blockedEdges = edges.filter(isBlocked);
  return { annotated: edges, verdicts, spaces, blocked: blockedEdges.length > 0 ? blockedEdges : NO_EDGES };
}

/** Whether NetworkPolicies block an edge (the edges the policy-blocks-* rules report on). */
export function isBlocked(edge: GraphEdge): boolean {
  return edge.policy !== undefined && !edge.policy.allowed;
}
