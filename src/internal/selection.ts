// An ordered selection capped at `cap`: badges are 1-based positions, deselecting renumbers,
// and adding beyond the cap is refused. No DOM.

export class Selection<T> {
  private order: T[] = [];

  constructor(readonly cap: number) {}

  /** Chosen items in choice order. */
  get items(): readonly T[] {
    return this.order;
  }

  get size() {
    return this.order.length;
  }

  get full() {
    return this.order.length >= this.cap;
  }

  /** 1-based badge number, 0 when not selected. */
  position(item: T): number {
    return this.order.indexOf(item) + 1;
  }

  /** Adds at the end; false (and no change) when already full. */
  add(item: T): boolean {
    if (this.position(item)) return true;
    if (this.full) return false;
    this.order.push(item);
    return true;
  }

  remove(item: T) {
    this.order = this.order.filter(x => x !== item);
  }

  /** Selects or deselects; false when selecting was refused by the cap. */
  toggle(item: T): boolean {
    if (this.position(item)) {
      this.remove(item);
      return true;
    }
    return this.add(item);
  }
}
