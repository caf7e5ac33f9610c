import { createRequire } from 'node:module';
import { join } from 'node:path';

/** In the bundle (scripts/build.mjs): the folder it is in, dist. */
declare const __CRM_DIST__: string;

const ADDON = 'better-sqlite3/build/Release/better_sqlite3.node';
let binding: object | string | undefined | null = null;

/**
 * better-sqlite3's compiled addon, for its `nativeBinding` option. Without it better-sqlite3 asks the `bindings`
 * package, which stats a dozen candidate paths on every start (~5 ms of a ~100 ms command, and of every Tab). The
 * bundle loads it from where Node's resolution finds it first, the node_modules beside dist (0.5 ms of CPU, where
 * resolving the package path took 2 ms more); anywhere else the path is resolved as a require would.
 */
export function nativeBinding(): string | undefined {
  binding ??= besideDist() ?? resolved();
  // better-sqlite3 takes the addon itself as well as its path (its documentation; its types name only the path).
  return binding as string | undefined;
}

function besideDist(): object | undefined {
  if (typeof __CRM_DIST__ !== 'string') return undefined;
  const addon = { exports: {} };
  try {
    process.dlopen(addon, join(__CRM_DIST__, '..', 'node_modules', ADDON));
  } catch {
    return undefined; // installed elsewhere (hoisted above crm's package)
  }
  return addon.exports;
}

function resolved(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve(ADDON);
  } catch {
    return undefined; // an unusual install layout: let better-sqlite3 search as usual
  }
}
