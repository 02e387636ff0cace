/**
 * Buffer reuse from liveness: a compile-time allocator handing out offsets in one region of the
 * arena. A buffer freed by one unknown is given to the next unknown of the same size, so a sweep
 * needs only as much memory as the unknowns alive at once (a chain of matrices needs two or three
 * buffers, not one per node). The Map lives only while compiling; the sweeps see plain offsets.
 *
 * Conventions: `size` in Float64 elements; offsets are absolute (the region starts at `base`).
 */
export class SlotAllocator {
  private readonly free = new Map<number, number[]>();
  private end: number;

  constructor(readonly base: number) {
    this.end = base;
  }

  /** An offset for `size` elements: a freed buffer of that size if any, else fresh space. */
  alloc(size: number): number {
    const list = this.free.get(size);
    if (list !== undefined && list.length > 0) return list.pop() as number;
    const at = this.end;
    this.end += size;
    return at;
  }

  /** Returns a buffer for reuse by later unknowns of the same size. */
  // Stryker disable next-line BlockStatement: memory only — a buffer never released is never reused, and a fresh one is taken instead
  release(offset: number, size: number): void {
    const list = this.free.get(size);
    // Stryker disable next-line ArrayDeclaration: memory only — the first buffer released of each size is forgotten, and a fresh one is taken instead
    if (list === undefined) this.free.set(size, [offset]);
    else list.push(offset);
  }

  /** One past the last element ever handed out. */
  get top(): number {
    return this.end;
  }
}
