import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { FdWriter } from '../../src/io/process-streams.js';

const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-fd-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('FdWriter (stdout and stderr written with write(2))', () => {
  it('writes strings and bytes in order and calls back', async () => {
    const file = join(scratch(), 'out');
    const fd = openSync(file, 'w');
    const w = new FdWriter(fd, () => { throw new Error('no stream needed'); });
    const called: string[] = [];
    expect(w.write('Grüße, ', () => called.push('first'))).toBe(true);
    expect(w.write(Buffer.from('bytes '), 'utf8', () => called.push('second'))).toBe(true);
    expect(w.write('€\n')).toBe(true);
    closeSync(fd);
    await Promise.resolve();
    expect(readFileSync(file, 'utf8')).toBe('Grüße, bytes €\n');
    expect(called).toEqual(['first', 'second']);
  });

  it('hands a long output to the stream once it passes its limit, after what it wrote itself', () => {
    const file = join(scratch(), 'out');
    const fd = openSync(file, 'w');
    const stream = new PassThrough();
    const w = new FdWriter(fd, () => stream, 10);
    w.write('0123456');
    w.write('789abc');
    w.write('def');
    closeSync(fd);
    expect(readFileSync(file, 'utf8')).toBe('0123456');
    expect(String(stream.read())).toBe('789abcdef');
  });

  it('hands the rest to the stream when a non-blocking descriptor is full, keeping the order', () => {
    const fifo = join(scratch(), 'fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    const stream = new PassThrough();
    const later: Buffer[] = [];
    stream.on('data', (c: Buffer) => later.push(c));
    const w = new FdWriter(writer, () => stream);
    // Far more than a pipe holds (64 KiB on Linux): the write(2) that finds it full fails with EAGAIN.
    const text = Array.from({ length: 40_000 }, (_, i) => `${i}\n`).join('');
    w.write(text);
    w.write('after\n');
    const piped = Buffer.alloc(text.length + 100);
    let got = 0;
    for (;;) {
      try {
        got += readSync(reader, piped, got, piped.length - got, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') break; // all the pipe held has been read
        throw e;
      }
    }
    closeSync(writer);
    closeSync(reader);
    expect(got).toBeGreaterThan(0);
    expect(got).toBeLessThan(text.length);
    expect(Buffer.concat([piped.subarray(0, got), ...later]).toString()).toBe(`${text}after\n`);
  });
});
