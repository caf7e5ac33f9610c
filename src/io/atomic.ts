import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { invalid } from '../errors.js';

/**
 * Writes `data` to `path` so that nobody ever reads half of it: into a temporary file in the same folder (mode
 * 0600, it may hold personal data), flushed to disk (fsync), then renamed over `path` in one step, and the folder
 * flushed so the rename survives a crash. A calendar subscribed to the file, or a phone syncing it, sees the old
 * file or the new one. Returns the number of bytes written; `field` names the flag in errors.
 */
export async function writeAtomically(path: string, data: string | Uint8Array, field: string): Promise<number> {
  const target = resolve(path);
  const folder = dirname(target);
  const info = await stat(folder).catch(() => null);
  if (!info?.isDirectory()) throw invalid(field, `the folder ${folder} does not exist`, `create it first (mkdir -p ${folder}) or name another file`);
  if ((await stat(target).catch(() => null))?.isDirectory()) throw invalid(field, `${target} is a folder`, 'name a file');
  const temp = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const file = await open(temp, 'wx', 0o600);
  try {
    try {
      await file.writeFile(bytes);
      await file.chmod(0o600); // whatever the umask did
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => {});
    throw e;
  }
  await syncFolder(folder);
  return bytes.length;
}

async function syncFolder(folder: string): Promise<void> {
  try {
    const dir = await open(folder, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // Some systems cannot fsync a folder; the rename itself is still atomic.
  }
}
