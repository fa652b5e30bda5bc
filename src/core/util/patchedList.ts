/**
 * A list as the previous analysis left it, with some positions set again. It is copied only when
 * a position gets a different item: after most edits every recomputed position comes back with
 * the very same item (a memo still valid), and the list stays the previous array, identity and
 * all, which also lets the next stage see at once that nothing changed.
 */
export class PatchedList<T> {
  private list: readonly T[];
  private copied: boolean;

  constructor(previous: readonly T[], owned = false) {
    this.list = previous;
    this.copied = owned;
  }

  /** A new list of `length` positions, all to be set (nothing to copy from). */
  static fresh<T>(length: number): PatchedList<T> {
    return new PatchedList<T>(new Array<T>(length), true);
  }

  set(position: number, item: T): void {
    if (this.list[position] === item) return;
    if (!this.copied) {
      this.list = this.list.slice();
      this.copied = true;
    }
    (this.list as T[])[position] = item;
  }

  get(position: number): T {
    return this.list[position]!;
  }

  get result(): readonly T[] {
    return this.list;
  }
}
