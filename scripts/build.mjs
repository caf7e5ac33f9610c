// Bundles src/ into dist/ with esbuild. Code splitting keeps every command's
// implementation in its own chunk, so `crm --version` parses only the CLI spec.
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Native addon and its loader must stay on disk; everything else is bundled.
  external: ['better-sqlite3'],
  define: { __CRM_VERSION__: JSON.stringify(pkg.version) },
  // Some bundled CommonJS packages call require(); give ESM chunks one.
  banner: { js: "import { createRequire as __crmRequire } from 'node:module'; const require = __crmRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
  minify: true,
  sourcemap: 'linked',
  logLevel: 'warning',
});

// bin/crm.js answers --version from this file alone, without loading the CLI (startup goal: ~1.0x bare node).
await mkdir(new URL('../dist', import.meta.url), { recursive: true });
await writeFile(new URL('../dist/version.js', import.meta.url), `export const version = ${JSON.stringify(pkg.version)};\n`);
