/** Customer ids of one kind to their slots: an array by id while ids are dense enough, a map beyond. */
export class Slots {
  private byId = new Int32Array(1 << 16).fill(-1);
  private readonly far = new Map<number, number>();

  get(id: number): number {
    return id < this.byId.length ? this.byId[id]! : (this.far.get(id) ?? -1);
  }

  set(id: number, slot: number): void {
    if (id >= this.byId.length && id < MAX_DENSE_ID) {
      const grown = new Int32Array(Math.min(MAX_DENSE_ID, Math.max(id + 1, this.byId.length * 2))).fill(-1);
      grown.set(this.byId);
      this.byId = grown;
    }
    if (id < this.byId.length) this.byId[id] = slot;
    else this.far.set(id, slot);
  }
}

/** Ids below this are looked up in an array (64 MB at most); any above, however few, in a map. */
const MAX_DENSE_ID = 1 << 24;
