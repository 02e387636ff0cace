/**
 * Hands values on in slot order however they arrive: a value put in slot i is passed on once
 * slots 0…i−1 have been, so work finished out of order (the worker pool's properties) streams in
 * a deterministic order.
 */
export class OrderedEmitter<T> {
  private readonly slots: (T | undefined)[];
  private next = 0;

  /** `size` slots; `emit` sees each value once, in slot order. */
  constructor(size: number, private readonly emit: (value: T, slot: number) => void) {
    this.slots = new Array<T | undefined>(size).fill(undefined);
  }

  /** Fills `slot` (once) and passes on every value now ready. */
  put(slot: number, value: T): void {
    if (slot < 0 || slot >= this.slots.length || this.slots[slot] !== undefined || slot < this.next) throw new Error(`slot ${slot} is out of range or already filled`);
    this.slots[slot] = value;
    for (let v = this.slots[this.next]; v !== undefined; v = this.slots[this.next]) this.emit(v, this.next++);
  }

  /** Every slot, in order, once all are filled. */
  values(): T[] {
    const empty = this.slots.filter((v) => v === undefined).length;
    if (empty > 0) throw new Error(`${empty} slots are still empty`);
    return this.slots as T[];
  }
}
