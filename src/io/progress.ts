import type { Writable } from 'node:stream';

/** A one-line progress counter on stderr, only on a terminal, redrawn at most ten times a second. */
export function progress(stream: Writable & { isTTY?: boolean }, label: string) {
  let last = 0;
  const draw = (n: number, final: boolean) => stream.write(`\r${label} ${n.toLocaleString('en-US')} rows${final ? '\n' : ''}`);
  return {
    tick(n: number) {
      if (!stream.isTTY) return;
      const now = Date.now();
      if (now - last >= 100) {
        last = now;
        draw(n, false);
      }
    },
    done(n: number) {
      if (stream.isTTY) draw(n, true);
    },
  };
}
