import type { Writable } from 'node:stream';

/** A one-line progress counter on stderr, only on a terminal, redrawn at most ten times a second; `unit` is what it counts. */
export function progress(stream: Writable & { isTTY?: boolean }, label: string, unit = 'rows') {
  let last = 0;
  const draw = (n: number, final: boolean) => stream.write(`\r${label} ${n.toLocaleString('en-US')} ${unit}${final ? '\n' : ''}`);
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

/**
 * One status line on stderr for work of unknown length (a model fit), only on a terminal and only once the work
 * has taken `delayMs`: a quick fit shows nothing, a long one what it is doing. Redrawn at most ten times a second,
 * erased when done, so the report that follows starts on a clean line.
 */
export function fitProgress(stream: Writable & { isTTY?: boolean }, delayMs = 250) {
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    show(text: string) {
      if (!stream.isTTY) return;
      const now = Date.now();
      if (now - started < delayMs || now - last < 100) return;
      last = now;
      shown = true;
      stream.write(`\r\x1b[2K${text}`);
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
