import { grown } from '../grown.js';

/**
 * One value per distinct (x, tx, T), found by the numbers themselves rather than by text made of them: customers
 * with the same history share a likelihood term and every forecast, and are many where most bought once.
 * The triples live in one open-addressing table of typed arrays: a map per x and per (x, tx), as this was, made
 * tens of thousands of small maps on a million orders (about 20 MB, and a fifth of a second to build).
 */
export class RftIndex<V> {
  private readonly values: V[] = [];
  private x = new Float64Array(1024);
  private tx = new Float64Array(1024);
  private T = new Float64Array(1024);
  /** Per bucket, the value's number + 1; 0 = empty. Twice the entries at least, so probes stay short. */
  private buckets = new Int32Array(2048);

  get size(): number {
    return this.values.length;
  }

  /** The value kept for (x, tx, T); `make` gives it the first time. */
  get(x: number, tx: number, T: number, make: () => V): V {
    // + 0 makes -0 and 0 one key, as a Map's would be.
    x += 0;
    tx += 0;
    T += 0;
    const mask = this.buckets.length - 1;
    for (let b = hash(x, tx, T) & mask; ; b = (b + 1) & mask) {
      const n = this.buckets[b]! - 1;
      if (n < 0) {
        const made = make();
        this.add(b, x, tx, T, made);
        return made;
      }
      if (this.x[n] === x && this.tx[n] === tx && this.T[n] === T) return this.values[n]!;
    }
  }

  private add(bucket: number, x: number, tx: number, T: number, value: V): void {
    const n = this.values.length;
    this.values.push(value);
    if (n === this.x.length) {
      this.x = grown(this.x);
      this.tx = grown(this.tx);
      this.T = grown(this.T);
    }
    this.x[n] = x;
    this.tx[n] = tx;
    this.T[n] = T;
    this.buckets[bucket] = n + 1;
    if (2 * (n + 1) > this.buckets.length) this.rehash();
  }

  private rehash(): void {
    this.buckets = new Int32Array(this.buckets.length * 2);
    const mask = this.buckets.length - 1;
    for (let n = 0; n < this.values.length; n++) {
      let b = hash(this.x[n]!, this.tx[n]!, this.T[n]!) & mask;
      while (this.buckets[b] !== 0) b = (b + 1) & mask;
      this.buckets[b] = n + 1;
    }
  }
}

const bits = new Float64Array(1);
const words = new Int32Array(bits.buffer);

/** A 32-bit hash of three numbers' bits (each word mixed in by multiply and rotate, as murmur3 does). */
function hash(x: number, tx: number, T: number): number {
  let h = mixNumber(mixNumber(mixNumber(0x9747b28c, x), tx), T);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h;
}

function mixNumber(h: number, v: number): number {
  bits[0] = v;
  return mix(mix(h, words[0]!), words[1]!);
}

function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}
