#!/usr/bin/env node
'use strict';
// CommonJS (bin/package.json): an ES module entry starts Node's ESM loader, a few ms of every command.
// The CLI itself is dist/crm.cjs, one CommonJS bundle compiled with a V8 code cache: compiling the bundle was most
// of what a command paid before it did anything (as ESM chunks: `contact add` 2.6x bare node). A cache holds what
// one group of commands runs (dist/cache/GROUP.v8, made by `npm run build` with scripts/code-cache.mjs), so a
// command deserialises little more than it uses. V8 refuses a cache made by another Node version or with other V8
// flags: the bundle then compiles as it would without one, and the cache is made again for this Node where dist
// may be written.
const { closeSync, fstatSync, openSync, readSync, renameSync, rmSync, writeSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const DIST = join(__dirname, '..', 'dist');
const BUNDLE = join(DIST, 'crm.cjs');
const CACHES = join(DIST, 'cache');

/**
 * Commands run often enough to have a cache of their own (scripts/code-cache.mjs), by noun and verb or its alias: a
 * noun's cache holds what all its commands compiled, and `contact list` deserialised what `add`, `show` and `edit` did.
 */
const VERBS = new Map([['contact-list', 'contact-list'], ['contact-ls', 'contact-list']]);

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    // The one answer that needs nothing else: skip loading the command tree, and Node's stdout stream. A reader that
    // has gone (EPIPE) is the reader's choice, not a failure.
    const line = `${require('../dist/version.json')}\n`;
    try {
      writeSync(1, line);
    } catch (e) {
      if (e.code === 'EAGAIN') process.stdout.write(line); // a descriptor left non-blocking: Node's stream waits
      else if (e.code !== 'EPIPE') throw e;
    }
  } else {
    const bundle = load(cacheGroup(args));
    bundle.exports.main(args).then((code) => {
      process.exitCode = code;
      if (bundle.stale) bundle.save();
    });
  }
}

/**
 * The cache for a command line: its verb's where it has one, else its noun's (the first word after the global
 * flags), `complete` for a Tab.
 */
function cacheGroup(argv) {
  let noun;
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '--db' || a === '--format') i += 1;
    else if (a === '__complete' && noun === undefined) return 'complete';
    else if (a.startsWith('-')) continue;
    else if (noun !== undefined) return VERBS.get(`${noun}-${a}`) ?? noun;
    else if (/^[a-z]+$/.test(a)) noun = a;
    else return 'all';
  }
  return noun ?? 'all';
}

/**
 * The bytes of `file`, read into the start of `into` where they fit, else into a buffer of their own. Each page of
 * memory a process touches first costs a page fault (tens of microseconds on this machine's virtual memory): the cache
 * is read into what held the bundle's bytes, which are a string by then.
 */
function readWhole(file, into) {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const buffer = into !== undefined && into.length >= size ? into : Buffer.allocUnsafeSlow(size);
    let at = 0;
    for (let n = 1; at < size && n > 0; at += n) n = readSync(fd, buffer, at, size - at, at);
    return buffer.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

function readCache(group, into) {
  try {
    return readWhole(join(CACHES, `${group}.v8`), into);
  } catch {
    return undefined;
  }
}

/** The bundle's exports, compiled with the cache of `group` or, when it has none, the one of `all`. */
function load(group, { cache = true } = {}) {
  // esbuild writes ASCII only (charset: ascii), so latin1 reads it exactly, without decoding UTF-8. The file is
  // a function expression (its first line and its last) taking what a CommonJS module gets.
  const bytes = readWhole(BUNDLE);
  const source = bytes.toString('latin1');
  let name = group;
  let cachedData = cache ? readCache(name, bytes) : undefined;
  if (cache && cachedData === undefined && name.includes('-')) cachedData = readCache((name = name.split('-')[0]), bytes);
  if (cache && cachedData === undefined && name !== 'all') cachedData = readCache((name = 'all'), bytes);
  const bundle = { exports: {} };
  if (process.sourceMapsEnabled) {
    // node --enable-source-maps: stack traces name src/*.ts. Only Node's own compile registers the source map.
    const compiled = new (require('node:module'))(BUNDLE, module);
    compiled._compile(`module.exports = ${source}`, BUNDLE);
    compiled.exports(bundle.exports, require, bundle, BUNDLE, DIST);
    return { exports: bundle.exports, stale: false, save: () => false };
  }
  const script = new Script(source, { filename: BUNDLE, cachedData });
  // This file's require: it resolves from the same package as one made for dist would.
  script.runInThisContext()(bundle.exports, require, bundle, BUNDLE, DIST);
  return {
    exports: bundle.exports,
    /** The cache was missing or refused: remaking it after the command ran would help the next one. */
    stale: cachedData === undefined || script.cachedDataRejected === true,
    /** Writes what V8 compiled so far as this group's cache; false where dist cannot be written. */
    save: (as = name) => writeCache(as, script.createCachedData()),
  };
}

function writeCache(group, data) {
  const file = join(CACHES, `${group}.v8`);
  // A whole file or none: another crm may be reading the cache right now.
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(tmp, 'w', 0o644);
    try {
      writeSync(fd, data);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
    return true;
  } catch {
    rmSync(tmp, { force: true });
    return false; // a read-only install keeps working, only slower
  }
}

module.exports = { load };
