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
 * object of the list at its position (the model patches its lists in place), the previous
 * results are copied whole and only the positions whose object was replaced or whose result
 * consulted a namespace the edit changed go through the memo: at 50,000 objects even a loop that
 * looks at every position on each keystroke cost more than the edit itself. When positions
 * cannot be compared, every object goes through its memo (which still reuses what it can).
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
  const before = dirty === 'all' ? undefined : previous;
  // A copy is one memory move; writing position by position cost about 60 ns each.
  const results = before ? before.results.slice() : new Array<T>(objects.length);
  const spaces = before
    ? before.spaces.slice()
    : new Array<ReadonlySet<string>>(tracked ? objects.length : 0);
  const dependents = new DependentsIndex(before?.dependents);
  const run = (position: number) => {
    const object = objects[position]!;
    results[position] = context.memo(cache, object, () => compute(object, position));
    if (!tracked) return;
    const consulted = cache.get(object)?.dependencies.spaces ?? NO_SPACES;
    dependents.note(position, consulted, before?.spaces[position]);
    spaces[position] = consulted;
  };
  if (dirty === 'all') for (let position = 0; position < objects.length; position++) run(position);
  else for (const position of dirty) run(position);
  return { objects, results, spaces, dependents: dependents.result(), recomputed: dirty };
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
): P[] {
  if (list.recomputed === 'all' || !previous || previous.length !== list.results.length)
    return list.results.map(project);
  const projected = previous.slice();
  for (const position of list.recomputed) projected[position] = project(list.results[position]!);
  return projected;
}
