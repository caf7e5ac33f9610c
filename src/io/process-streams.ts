import { fstatSync, statSync, writeSync } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Streams } from './terminal.js';

/**
 * The process's own streams for a command line. Node builds process.stdout and process.stderr on first use, and for
 * a pipe each is a net.Socket: loading the stream and net modules took ~6 ms of CPU, a tenth of what `contact add` or
 * a Tab costs over bare Node. Where fd 1 or 2 is a pipe, a socket, a file or /dev/null, it is written with write(2)
 * instead, as Node's own stream writes there on Linux (synchronously), and Node's stream is made only for what the
 * writer cannot do. A terminal gets Node's stream as before: it knows colours and widths.
 */
export function processStreams(): Streams {
  return {
    get stdin() {
      return process.stdin;
    },
    stdout: plainFile(1) ? new FdWriter(1, stdoutStream) as unknown as Streams['stdout'] : stdoutStream(),
    stderr: plainFile(2) ? new FdWriter(2, () => process.stderr) as unknown as Streams['stderr'] : process.stderr,
  };
}

function plainFile(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    if (stat.isFIFO() || stat.isSocket() || stat.isFile()) return true;
    // /dev/null, where scripts and benchmarks send what they do not read, is no terminal.
    return stat.isCharacterDevice() && stat.rdev === statSync('/dev/null', { throwIfNoEntry: false })?.rdev;
  } catch {
    return false; // closed, or something fstat cannot say: let Node decide
  }
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
 * What the output code uses of a Writable (write, and drain when write says to wait), writing to `fd` as it is told.
 * A descriptor another program left non-blocking can refuse a write (EAGAIN): from then on Node's stream (`real`)
 * takes over, and what is left goes out after what was written, in order.
 */
export class FdWriter {
  readonly isTTY = false;
  private stream: Writable | undefined;

  constructor(private readonly fd: number, private readonly real: () => Writable) {}

  write(chunk: string | Uint8Array, encoding?: BufferEncoding | Done, done?: Done): boolean {
    const callback = (typeof encoding === 'function' ? encoding : done) ?? (() => {});
    if (this.stream) return this.stream.write(chunk, callback);
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : chunk;
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
