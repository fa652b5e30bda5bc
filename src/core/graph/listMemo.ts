import { PatchedList } from '../util/patchedList';
import { sameMembers } from '../util/sameMembers';
import { DependentsIndex } from './dependentsIndex';
import type { GraphContext, Memo } from './graphContext';

/**
 * One result per object of a model list (workloads, Services, Ingresses), as GraphContext.memo
 * gives it, kept with the namespaces each result consulted for the next analysis.
 */
export interface ListResults<T> {
  readonly objects: readonly object[];
  readonly results: readonly T[];
  /** The namespaces each position's result consulted (empty in a one-shot analysis). */
  readonly spaces: readonly ReadonlySet<string>[];
  /** Namespace → positions whose result consulted it (see DependentsIndex). */
  readonly dependents: ReadonlyMap<string, readonly number[]>;
  /** The positions that went through their memo in this analysis (the others kept their result). */
  readonly recomputed: readonly number[] | 'all';
}

const NO_SPACES: ReadonlySet<string> = new Set();

/**
 * `compute` for every object of `objects`, memoised per object. After an edit that kept every
 * object of the list at its position (the model patches its lists in place), only the positions
 * whose object was replaced or whose result consulted a namespace the edit changed go through the
 * memo, and the previous lists are kept, copied only if one of those positions gets another
 * result (PatchedList): at 50,000 objects even a loop that looks at every position on each
 * keystroke cost more than the edit itself. When positions cannot be compared, every object goes
 * through its memo (which still reuses what it can).
 */
export function memoList<O extends object, T>(
  context: GraphContext,
  cache: WeakMap<object, Memo<T>>,
  objects: readonly O[],
  previous: ListResults<T> | undefined,
  compute: (object: O, position: number) => T,
): ListResults<T> {
  const tracked = !context.model.options.oneShot;
  const dirty = tracked ? dirtyPositions(context, objects, previous) : 'all';
  if (dirty === 'all' || !previous) {
    const results = new Array<T>(objects.length);
    const spaces = new Array<ReadonlySet<string>>(tracked ? objects.length : 0);
    const dependents = new DependentsIndex(undefined);
    for (let position = 0; position < objects.length; position++) {
      const object = objects[position]!;
      results[position] = context.memo(cache, object, () => compute(object, position));
      if (!tracked) continue;
      spaces[position] = cache.get(object)?.dependencies.spaces ?? NO_SPACES;
      dependents.note(position, spaces[position]!, undefined);
    }
    return { objects, results, spaces, dependents: dependents.result(), recomputed: 'all' };
  }
  const results = new PatchedList(previous.results);
  const spaces = new PatchedList(previous.spaces);
  const dependents = new DependentsIndex(previous.dependents);
  for (const position of dirty) {
    const object = objects[position]!;
    results.set(
      position,
      context.memo(cache, object, () => compute(object, position)),
    );
    const consulted = cache.get(object)?.dependencies.spaces ?? NO_SPACES;
    const before = spaces.get(position);
    // A result computed again mostly consulted the same namespaces: keeping the earlier set
    // spares a copy of the whole list (12,500 positions at 50,000 objects) on every keystroke.
    if (sameMembers(before, consulted)) continue;
    dependents.note(position, consulted, before);
    spaces.set(position, consulted);
  }
  return {
    objects,
    results: results.result,
    spaces: spaces.result,
    dependents: dependents.result(),
    recomputed: dirty,
  };
}

/** The positions to compute again, in increasing order, or 'all'. */
function dirtyPositions<T>(
  context: GraphContext,
  objects: readonly object[],
  previous: ListResults<T> | undefined,
): readonly number[] | 'all' {
  const changes = context.model.changes;
  if (!previous || !changes || changes.namespaces || previous.objects.length !== objects.length) return 'all';
  const dirty = new Set<number>();
  const before = previous.objects;
  for (let position = 0; position < objects.length; position++)
    if (objects[position] !== before[position]) dirty.add(position);
  for (const namespace of changes.changedNamespaces)
    for (const position of previous.dependents.get(namespace) ?? []) dirty.add(position);
  // In list order, as a full run computes them (a memo may consult what an earlier one cached).
  return [...dirty].sort((a, b) => a - b);
}

/**
 * `project` of each result, kept in step with a memo list: the previous projection copied with
 * only the recomputed positions projected again (a pass over every result would touch every
 * object on each keystroke).
 */
export function projectResults<T, P>(
  list: ListResults<T>,
  previous: readonly P[] | undefined,
  project: (result: T) => P,
): readonly P[] {
  if (list.recomputed === 'all' || !previous || previous.length !== list.results.length)
    return list.results.map(project);
  const projected = new PatchedList(previous);
  for (const position of list.recomputed) projected.set(position, project(list.results[position]!));
  return projected.result;
}
