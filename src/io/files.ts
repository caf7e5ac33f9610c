import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { invalid, notFound } from '../errors.js';

/** Writes text to a stream, waiting while it is full: an export of 100,000 records must not pile up in memory. */
export type Sink = (text: string) => Promise<void>;

export function streamSink(out: Writable): Sink {
  return (text) => new Promise((done, fail) => {
    if (text === '') return done();
    const ok = out.write(text, (e) => (e ? fail(e) : undefined));
    if (ok) done();
    else out.once('drain', done);
  });
}

/**
 * Writes a file all at once or not at all: into a private temporary file (mode 0600) beside it, flushed to disk,
 * then renamed over `path`. A failure half-way leaves `path` as it was. `field` names the flag in errors.
 */
export async function writeAtomically(path: string, field: string, fill: (sink: Sink) => Promise<void>): Promise<string> {
  const dest = resolve(path);
  const dir = dirname(dest);
  let folder;
  try {
    folder = statSync(dir);
  } catch {
    throw notFound(`${field}: the folder ${dir} does not exist`, `create it first (mkdir -p ${dir}), or correct the path`);
  }
  if (!folder.isDirectory()) throw invalid(field, `${dir} is not a folder`, 'give a file path in a folder');
  try {
    if (statSync(dest).isDirectory()) throw invalid(field, `${dest} is a folder`, 'give a file path');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const tmp = join(dir, `.${basename(dest)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx', 0o600);
  try {
    await handle.chmod(0o600);
    await fill(async (text) => {
      if (text !== '') await handle.write(text);
    });
    await handle.sync();
    await handle.close();
    await rename(tmp, dest);
  } catch (e) {
    await handle.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw e;
  }
  return dest;
}
