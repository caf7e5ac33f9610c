import { fstatSync, statSync, writeSync } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Streams } from './terminal.js';

/**
 * The process's own streams for a command line. Node builds process.stdout and process.stderr on first use, and for
 * a pipe each is a net.Socket: loading the stream and net modules took ~6 ms of CPU, a tenth of what `contact add` or
 * a Tab costs over bare Node. Where fd 1 or 2 is a file or /dev/null, it is written with write(2) instead, as Node's
 * own stream for a file does. A pipe or a socket is written so too while what goes out is small (a record, an id, a
 * Tab's candidates); a longer output goes on through Node's stream, which lets the command carry on while the reader
 * catches up (written with write(2) alone, a 10,000-contact list took 1.1x the time). A terminal gets Node's stream
 * as before: it knows colours and widths.
 */
export function processStreams(): Streams {
  return {
    get stdin() {
      return process.stdin;
    },
    stdout: writer(1, stdoutStream) ?? stdoutStream(),
    stderr: writer(2, () => process.stderr) ?? process.stderr,
  };
}

/** How much goes to a pipe or a socket with write(2) before Node's stream takes over: what the pipe holds at once. */
const SMALL = 64 * 1024;

function writer(fd: 1 | 2, real: () => Writable): Streams['stdout'] | undefined {
  let stat;
  try {
    stat = fstatSync(fd);
  } catch {
    return undefined; // closed, or something fstat cannot say: let Node decide
  }
  let upTo: number;
  if (stat.isFile()) upTo = Infinity;
  else if (stat.isFIFO() || stat.isSocket()) upTo = SMALL;
  // /dev/null, where scripts and benchmarks send what they do not read, is no terminal.
  else if (stat.isCharacterDevice() && stat.rdev === statSync('/dev/null', { throwIfNoEntry: false })?.rdev) upTo = Infinity;
  else return undefined;
  return new FdWriter(fd, real, upTo) as unknown as Streams['stdout'];
}

let guarded = false;

/** Node's stdout, which stops the process quietly when its reader has gone. */
function stdoutStream(): Writable {
  if (!guarded) {
    guarded = true;
    // A reader that stops early (`crm order list | head`) closes the pipe: that is the reader's choice, not a failure.
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    });
  }
  return process.stdout;
}

type Done = (error?: Error | null) => void;

/**
 * What the output code uses of a Writable (write, and drain when write says to wait), writing to `fd` as it is told,
 * up to `upTo` bytes in all; Node's stream (`real`) takes the rest. A descriptor another program left non-blocking can
 * refuse a write (EAGAIN): then too the stream takes over, and what is left goes out after what was written, in order.
 */
export class FdWriter {
  readonly isTTY = false;
  private stream: Writable | undefined;
  private written = 0;

  constructor(private readonly fd: number, private readonly real: () => Writable, private readonly upTo = Infinity) {}

  write(chunk: string | Uint8Array, encoding?: BufferEncoding | Done, done?: Done): boolean {
    const callback = (typeof encoding === 'function' ? encoding : done) ?? (() => {});
    if (this.stream) return this.stream.write(chunk, callback);
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : chunk;
    if ((this.written += bytes.length) > this.upTo) {
      this.stream = this.real();
      return this.stream.write(bytes, callback);
    }
    let at = 0;
    try {
      while (at < bytes.length) at += writeSync(this.fd, bytes, at, bytes.length - at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // The reader has gone: stdout's stops the command as Node's stream does here; stderr's reader missed a message.
      if (code === 'EPIPE' && this.fd === 1) process.exit(0);
      if (code === 'EPIPE') return true;
      if (code !== 'EAGAIN') throw e;
      this.stream = this.real();
      return this.stream.write(bytes.subarray(at), callback);
    }
    queueMicrotask(() => callback(null));
    return true;
  }

  /** Listeners ('drain', 'error') are Node's stream's: there is one once a write had to wait. */
  once(event: string, listener: (...args: unknown[]) => void): this {
    (this.stream ?? this.real()).once(event, listener);
    return this;
  }

  on(event: string, listener: (...args: unknown[]) => void): this {
    (this.stream ?? this.real()).on(event, listener);
    return this;
  }

  off(event: string, listener: (...args: unknown[]) => void): this {
    this.stream?.off(event, listener);
    return this;
  }
}
