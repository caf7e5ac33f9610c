import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** A folder that could not be made: which one, and the system's reason (ENOENT, EACCES, ENOTDIR, ...). */
export class FolderError extends Error {
  constructor(readonly folder: string, readonly code: string) {
    super(`cannot create the folder ${folder} (${code})`);
  }
}

/**
 * `mkdir -p` that always ends. Node's `mkdirSync(dir, { recursive: true })` retries for ever when the kernel answers
 * ENOENT for a folder whose parent exists (it does under /proc: `--db /proc/self/nope/crm.db` spun at full CPU), so
 * this finds the missing folders first and makes each exactly once, top down, with `mode`.
 */
export function makeFolders(dir: string, mode: number): void {
  const missing: string[] = [];
  // Up to the first path that exists; if that is a file, making the folder below it fails with ENOTDIR.
  for (let d = dir; !exists(d); d = dirname(d)) {
    missing.unshift(d);
    if (dirname(d) === d) break; // a root that is not there: mkdir below says why
  }
  for (const d of missing) {
    try {
      mkdirSync(d, { mode });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'error';
      if (!(code === 'EEXIST' && isFolder(d))) throw new FolderError(d, code); // EEXIST: another process made it just now
    }
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
