import { closeSync, openSync, readSync } from 'node:fs';

/** Random bytes for this many UUIDs are read at a time. */
const PER_READ = 256;
let pool: Buffer | undefined;
let at = 0;

/**
 * A version-4 UUID from the operating system's CSPRNG, as crypto.randomUUID makes: its bytes are read from
 * /dev/urandom, which costs a command nothing to load, where the crypto module took ~5 ms of CPU of every command
 * that stores a record (most of them store one).
 */
export function randomUuid(): string {
  if (pool === undefined || at === pool.length) {
    pool ??= Buffer.alloc(16 * PER_READ);
    fillRandom(pool);
    at = 0;
  }
  const b = pool.subarray(at, (at += 16));
  b[6] = (b[6]! & 0x0f) | 0x40; // version 4
  b[8] = (b[8]! & 0x3f) | 0x80; // variant 10
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function fillRandom(buf: Buffer): void {
  let fd: number;
  try {
    fd = openSync('/dev/urandom', 'r');
  } catch {
    globalThis.crypto.getRandomValues(buf); // no /dev/urandom (Windows): Web Crypto's, from the same kind of source
    return;
  }
  try {
    for (let got = 0; got < buf.length;) {
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) throw new Error('/dev/urandom ended');
      got += n;
    }
  } finally {
    closeSync(fd);
  }
}
