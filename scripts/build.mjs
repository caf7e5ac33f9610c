// Bundles src/ into one CommonJS file, dist/crm.cjs, and makes its V8 code caches (scripts/code-cache.mjs), which
// bin/crm.js loads it with. One bundle and no chunks: every command's code is in it, but a module's top level
// runs only when the command imports it (esbuild turns a dynamic import into a lazy init), and with the cache V8
// does not parse what it does not run. Compiling, not the number of files, was what a command paid at start.
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { GROUPS } from './code-cache.mjs';

/**
 * commander requires child_process at its top for executable subcommands, which crm has none of: 3 ms of every
 * command (child_process brings net, dgram and more). It gets the module when it first uses it.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      (/[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "let m; module.exports = new Proxy({}, { get: (_, key) => (m ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
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
  define: { __CRM_VERSION__: JSON.stringify(pkg.version), 'import.meta.url': '__crmModule.url' },
  // The file is one function expression, which bin/crm.js compiles and calls as Node would call a CommonJS
  // module's wrapper: no copy of 1.7 MB of source to wrap it at every start. It is not require()d.
  banner: { js: "(function (exports, require, module, __filename, __dirname) {\nvar __crmModule = { get url() { return require('node:url').pathToFileURL(__filename).href; } };" },
  footer: { js: '})' },
  plugins: [lazyChildProcess],
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
