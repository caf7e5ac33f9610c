import { grown } from '../grown.js';

/**
 * A number for each distinct (x, tx, T), 0, 1, 2... in the order first seen, found by the numbers themselves rather
 * than by text made of them: customers with the same history share a likelihood term and every forecast, and are
 * many where most bought once. The triples live in one open-addressing table of typed arrays: a map per x and per
 * (x, tx), as this was, made tens of thousands of small maps on a million orders (about 20 MB, and a fifth of a
 * second to build).
 */
export class RftIndex {
  size = 0;
  private x: Float64Array;
  private tx: Float64Array;
  private T: Float64Array;
  /** Per bucket, the triple's number + 1; 0 = empty. Twice the entries at least, so probes stay short. */
  private buckets: Int32Array;

  /** `room`: how many triples there may be (at most one per customer): room made up front is never copied. */
  constructor(room = 1024) {
    const size = Math.max(1024, room);
    this.x = new Float64Array(size);
    this.tx = new Float64Array(size);
    this.T = new Float64Array(size);
    this.buckets = new Int32Array(2 ** Math.ceil(Math.log2(2 * size)));
  }

  /** The number of (x, tx, T), a new one the first time. */
  slot(x: number, tx: number, T: number): number {
    // + 0 makes -0 and 0 one key, as a Map's would be.
    x += 0;
    tx += 0;
    T += 0;
    const mask = this.buckets.length - 1;
    for (let b = hash(x, tx, T) & mask; ; b = (b + 1) & mask) {
      const n = this.buckets[b]! - 1;
      if (n < 0) return this.add(b, x, tx, T);
      if (this.x[n] === x && this.tx[n] === tx && this.T[n] === T) return n;
    }
  }

  private add(bucket: number, x: number, tx: number, T: number): number {
    const n = this.size++;
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
    return n;
  }

  private rehash(): void {
    this.buckets = new Int32Array(this.buckets.length * 2);
    const mask = this.buckets.length - 1;
    for (let n = 0; n < this.size; n++) {
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
