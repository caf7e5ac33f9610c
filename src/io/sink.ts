import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { CrmError } from '../errors.js';

/**
 * Where a long text goes as it is made: a file, written whole or not at all, or a stream (stdout) that is waited for
 * when it is full. Text is gathered into chunks of about a megabyte, so a million small writes cost a few hundred.
 */
export interface Sink {
  write(text: string): Promise<void> | void;
  /** Everything written is in place (the file renamed to its name); returns the bytes written. */
  finish(): Promise<number>;
  /** Something failed: a file being written is removed, leaving whatever had that name before. */
  abandon(): void;
}

const CHUNK = 1 << 20;

const isFolder = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

abstract class Buffered implements Sink {
  private parts: string[] = [];
  private size = 0;
  protected bytes = 0;

  write(text: string): Promise<void> | void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) return this.flush();
  }

  protected flush(): Promise<void> | void {
    if (!this.parts.length) return;
    const data = Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.size = 0;
    this.bytes += data.length;
    return this.put(data);
  }

  protected abstract put(data: Buffer): Promise<void> | void;
  abstract finish(): Promise<number>;
  abstract abandon(): void;
}

/**
 * A file written beside its final name (mode 0600, as the database is) and renamed over it at the end, so that the
 * name holds the previous file or the whole new one, never a part.
 */
class FileSink extends Buffered {
  private fd: number | undefined;
  private readonly temp: string;

  constructor(private readonly path: string) {
    super();
    if (isFolder(path)) throw new CrmError('usage', `--output: ${path} is a folder`, 'name a file, e.g. --output crm-backup.json');
    this.temp = join(dirname(path), `.${basename(path)}.${process.pid}-${Date.now().toString(36)}.tmp`);
    try {
      this.fd = openSync(this.temp, 'wx', 0o600);
    } catch (e) {
      throw new CrmError('usage', `--output: cannot write ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
        'name a file in a folder that exists and that you can write to');
    }
  }

  protected put(data: Buffer): void {
    for (let at = 0; at < data.length;) at += writeSync(this.fd!, data, at);
  }

  async finish(): Promise<number> {
    this.flush();
    fsyncSync(this.fd!);
    closeSync(this.fd!);
    this.fd = undefined;
    renameSync(this.temp, this.path);
    return this.bytes;
  }

  abandon(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.temp, { force: true });
  }
}

class StreamSink extends Buffered {
  constructor(private readonly stream: Writable) {
    super();
  }

  protected async put(data: Buffer): Promise<void> {
    if (!this.stream.write(data)) await once(this.stream, 'drain');
  }

  async finish(): Promise<number> {
    await this.flush();
    return this.bytes;
  }

  abandon(): void {}
}

export const fileSink = (path: string): Sink => new FileSink(path);
export const streamSink = (stream: Writable): Sink => new StreamSink(stream);
