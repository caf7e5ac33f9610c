import { KINDS, sortedEntry } from './customer-value.js';
import { grown } from './grown.js';
import type { Customer } from './order.js';

/**
 * Every customer's name and external id, for a report that names each customer it lists, laid end to end in a few
 * long texts with typed columns saying where each customer's pair lies. Read as 100,000 names and 100,000 external
 * ids (CustomerDirectory) they were 20-28 MB of report clv's peak on a million orders: strings that all lived on
 * through the rows' writing, and a young generation grown to hold them while they were read.
 */
export class PackedNames {
  size = 0;
  private readonly texts: string[] = [];
  private kind: Uint8Array;
  private id: Float64Array;
  /** Per customer, which of `texts` holds its name and external id. */
  private text: Int32Array;
  /** Per customer, three offsets in its text: where the name starts, where it ends (the external id's start), where the external id ends (-1: none). */
  private at: Int32Array;

  /** `room`: how many customers there may be; more are taken too. */
  constructor(room = 1024) {
    const size = Math.max(16, room);
    this.kind = new Uint8Array(size);
    this.id = new Float64Array(size);
    this.text = new Int32Array(size);
    this.at = new Int32Array(3 * size);
  }

  /**
   * Customers of one kind as columns of equal length, by id, after every customer added before them in the order
   * KINDS numbers the kinds (companies, then people): packed into one text, these strings are not kept.
   */
  addColumns(kind: Customer['kind'], ids: ArrayLike<number>, names: readonly string[], externalIds: readonly (string | null)[]): void {
    const k = KINDS.indexOf(kind);
    const t = this.texts.length;
    let length = 0;
    for (let j = 0; j < ids.length; j++) {
      const i = this.size++;
      if (i === this.id.length) this.grow();
      const id = ids[j]!;
      if (i > 0 && !(k > this.kind[i - 1]! || (k === this.kind[i - 1] && id > this.id[i - 1]!))) {
        throw new Error(`customer names out of order: ${kind} ${id}`);
      }
      this.kind[i] = k;
      this.id[i] = id;
      this.text[i] = t;
      this.at[3 * i] = length;
      length += names[j]!.length;
      this.at[3 * i + 1] = length;
      const ext = externalIds[j]!;
      if (ext !== null) length += ext.length;
      this.at[3 * i + 2] = ext === null ? -1 : length;
    }
    if (ids.length === 0) return;
    const parts = new Array<string>(2 * ids.length);
    for (let j = 0; j < ids.length; j++) {
      parts[2 * j] = names[j]!;
      parts[2 * j + 1] = externalIds[j] ?? '';
    }
    this.texts.push(parts.join(''));
  }

  private grow(): void {
    this.kind = grown(this.kind);
    this.id = grown(this.id);
    this.text = grown(this.text);
    this.at = grown(this.at);
  }

  /** The customer's entry (kind as KINDS numbers it), or -1. */
  find(kind: number, id: number): number {
    return sortedEntry(this.kind, this.id, this.size, kind, id);
  }

  /** Kind, id, name and external id, as report rows name a customer (an unknown one with an empty name), as CustomerDirectory.describe. */
  describe(kind: number, id: number): { kind: Customer['kind']; id: number; name: string; externalId: string | null } {
    const i = this.find(kind, id);
    if (i < 0) return { kind: KINDS[kind]!, id, name: '', externalId: null };
    const text = this.texts[this.text[i]!]!;
    const from = this.at[3 * i]!;
    const to = this.at[3 * i + 1]!;
    const end = this.at[3 * i + 2]!;
    return { kind: KINDS[kind]!, id, name: text.slice(from, to), externalId: end < 0 ? null : text.slice(to, end) };
  }
}
