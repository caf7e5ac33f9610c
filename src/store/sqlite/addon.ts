import { createRequire } from 'node:module';

/**
 * The compiled better-sqlite3 addon's path. Without it better-sqlite3 asks the `bindings` package, which stats a
 * dozen candidate paths on every start (~5 ms of a ~100 ms command, and of every Tab).
 */
export function addonPath(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');
  } catch {
    return undefined; // an unusual install layout: let better-sqlite3 search as usual
  }
}
