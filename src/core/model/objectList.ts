import type { K8sObject } from './k8sObject';

/** How many replaced positions an unread list collects before it is made after all. */
const MAX_PATCHES = 256;

/**
 * The model's list of every object, after edits that replaced objects in place: the list it was
 * patched from plus the replacements by position, made into one array on first read. After a
 * keystroke nothing reads the whole list (the count is known), and copying 50,000 objects into a
 * new array on every edit was the largest allocation of the edit (a large-object-space array,
 * with the garbage-collection work that comes with it).
 */
export class ObjectList {
  private made: readonly K8sObject[] | undefined;

  private constructor(
    private readonly base: readonly K8sObject[],
    private readonly patches: ReadonlyMap<number, K8sObject>,
  ) {
    if (patches.size === 0) this.made = base;
  }

  static of(objects: readonly K8sObject[]): ObjectList {
    return new ObjectList(objects, new Map());
  }

  get length(): number {
    return this.base.length;
  }

  /** The objects in file order. */
  list(): readonly K8sObject[] {
    if (!this.made) {
      const copy = this.base.slice();
      for (const [position, object] of this.patches) copy[position] = object;
      this.made = copy;
    }
    return this.made;
  }

  /**
   * The list with the objects at these positions replaced. Only the latest object per position
   * is kept (earlier replacements are let go); the first versions stay in the shared base until
   * someone reads the list or enough positions were replaced.
   */
  with(replaced: readonly (readonly [number, K8sObject])[]): ObjectList {
    if (replaced.length === 0) return this;
    const base = this.made ?? this.base;
    const patches = new Map(this.made ? [] : this.patches);
    for (const [position, object] of replaced) patches.set(position, object);
    const next = new ObjectList(base, patches);
    if (patches.size > MAX_PATCHES) next.list();
    return next;
  }
}

/**
 * A model's properties except `objects`, which is not read (reading a patched model's list would
 * make it): destructuring or spreading reads every property, this copies the others by name.
 */
export function exceptObjects<T extends { readonly objects: unknown }>(model: T): Omit<T, 'objects'> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(model)) if (key !== 'objects') copy[key] = model[key as keyof T];
  return copy as Omit<T, 'objects'>;
}
