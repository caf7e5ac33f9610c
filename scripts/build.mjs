// Bundles src/ into one CommonJS file, dist/crm.cjs, and makes its V8 code caches (scripts/code-cache.mjs), which
// bin/crm.js loads it with. One bundle and no chunks: every command's code is in it, but a module's top level
// runs only when the command imports it (esbuild turns a dynamic import into a lazy init), and with the cache V8
// does not parse what it does not run. Compiling, not the number of files, was what a command paid at start.
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { GROUPS } from './code-cache.mjs';

/**
 * Built-in modules that cost milliseconds to load, and which importers get them only when they first call into them:
 * commander requires child_process at its top for executable subcommands, which crm has none of (3 ms: it brings net,
 * dgram and more); crypto (5 ms, and it brings stream) is needed by few commands, though modules that every command
 * loads import it for what they do rarely (an erasure's hashes, a temporary file's name); module (Node's ESM loader
 * comes with it) and os, likewise. Only their functions are lazy, and only for crm's own code, where importing anything
 * else of them fails the build (a package could read a constant, which would be undefined).
 */
const OURS = /^(?!.*[\\/]node_modules[\\/]).*[\\/]src[\\/]/;
const LAZY_BUILTINS = new Map([['child_process', /[\\/]commander[\\/]/], ['crypto', OURS], ['module', OURS], ['os', OURS]]);

/** A module in place of built-in or package `name`: a function of each of its functions that loads it on the first call. */
function lazyModule(name) {
  const id = LAZY_PACKAGES.has(name) ? name : `node:${name}`;
  const real = createRequire(import.meta.url)(id);
  const fns = Object.keys(real).filter((k) => typeof real[k] === 'function' && /^[A-Za-z_$][\w$]*$/.test(k));
  return [
    `let m; const get = () => (m ??= require('${id}'));`,
    // new.target: a class (crypto's Hash, KeyObject, ...) is constructed, not called.
    ...fns.map((k) => `export function ${k}(...a) { return new.target ? new (get().${k})(...a) : get().${k}(...a); }`),
    'export default new Proxy({}, { get: (_, key) => get()[key] });',
  ].join('\n');
}

/**
 * Packages that only code crm never runs imports, kept out of the bundle and required from node_modules on their first
 * call: @inquirer/prompts brings its editor prompt, whose external-editor brings chardet and iconv-lite's code pages
 * (520 KB, 29% of the bundle, which every command reads, and copies into a string, at start). crm asks through
 * confirm, input, password, select and search.
 */
const LAZY_PACKAGES = new Map([['@inquirer/external-editor', /[\\/]@inquirer[\\/]editor[\\/]/]]);

const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(node:)?(${[...LAZY_BUILTINS.keys()].join('|')})$`) }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (args.namespace === 'lazy-builtin' || !LAZY_BUILTINS.get(name).test(args.importer)) return undefined;
      return { path: name, namespace: 'lazy-builtin' };
    });
    b.onResolve({ filter: new RegExp(`^(${[...LAZY_PACKAGES.keys()].join('|')})$`) }, (args) => {
      // The lazy module's own require of the package: left to Node, from the package crm is installed in.
      if (args.namespace === 'lazy-builtin') return { path: args.path, external: true };
      return LAZY_PACKAGES.get(args.path).test(args.importer) ? { path: args.path, namespace: 'lazy-builtin' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({ contents: lazyModule(args.path), loader: 'js' }));
  },
};

/**
 * A package index that re-exports everything: in this bundle (see the top) importing one function from it runs every
 * module of the package at start. date-fns's index brought its 266 modules into `contact add` (a repository's domain
 * rules use two of them); crm imports each function by its own path instead, and the build says so to code that does not.
 */
const wholePackages = {
  name: 'whole-packages',
  setup(b) {
    b.onResolve({ filter: /^date-fns$/ }, (args) => (OURS.test(args.importer)
      ? { errors: [{ text: `import date-fns functions by path (import { addDays } from 'date-fns/addDays'): its index loads all of date-fns at start` }] }
      : undefined));
  },
};

const dist = new URL('../dist/', import.meta.url);
const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
await rm(dist, { recursive: true, force: true });
await build({
  entryPoints: { crm: 'src/main.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // better-sqlite3's JavaScript is bundled (ten files the CommonJS loader would find, read and compile on every
  // start); its compiled addon is required from disk by path (store/sqlite/addon.ts). `bindings` finds the addon
  // only from a file inside better-sqlite3, so where that path is unknown the package is loaded from disk as it is.
  external: ['bindings'],
  // import.meta.url (the addon's path is resolved from it) is computed when read, not at every start.
  define: { __CRM_VERSION__: JSON.stringify(pkg.version), __CRM_DIST__: '__dirname', 'import.meta.url': '__crmModule.url' },
  // The file is one function expression, which bin/crm.js compiles and calls as Node would call a CommonJS
  // module's wrapper: no copy of 1.7 MB of source to wrap it at every start. It is not require()d.
  banner: { js: "(function (exports, require, module, __filename, __dirname) {\nvar __crmModule = { get url() { return require('node:url').pathToFileURL(__filename).href; } };" },
  footer: { js: '})' },
  plugins: [lazyBuiltins, wholePackages],
  // bin/crm.js reads the bundle as latin1: escaped non-ASCII keeps that exact.
  charset: 'ascii',
  minify: true,
  sourcemap: 'linked',
  logLevel: 'warning',
});

// For code that imports main() itself (tests run many commands in one process): the bundle as bin/crm.js loads it.
await writeFile(new URL('main.js', dist),
  "import { createRequire } from 'node:module';\nexport const { main } = createRequire(import.meta.url)('../bin/crm.js').load('all').exports;\n");
// bin/crm.js answers --version from this file alone, without loading the CLI (startup goal: ~1.0x bare node).
await writeFile(new URL('version.json', dist), `${JSON.stringify(pkg.version)}\n`);

await mkdir(new URL('cache/', dist), { recursive: true });
const run = promisify(execFile);
const script = new URL('code-cache.mjs', import.meta.url).pathname;
// Two at a time: each is a Node process running a group's commands.
const queue = [...GROUPS.keys()];
await Promise.all([0, 1].map(async () => {
  for (let group = queue.shift(); group !== undefined; group = queue.shift()) await run(process.execPath, [script, group]);
}));
