// Writes test/fixtures/upgrade/schema-N.db for each schema version N that has none yet (test/support/upgrade-fixtures.ts
// says what they hold). Run it once when a migration is added: `npm run upgrade-fixtures`, and commit the new file. An
// existing fixture is never rewritten (it stands for databases users have); --all rewrites every one.
import { build } from 'esbuild';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const folder = 'test/fixtures/upgrade';
mkdirSync(folder, { recursive: true });
// Bundled beside the fixtures (not in a temporary folder), so that better-sqlite3 resolves from this repository.
const out = resolve(folder, '.make-fixtures.mjs');
try {
  await build({
    entryPoints: ['test/support/upgrade-fixtures.ts'], outfile: out, bundle: true, format: 'esm', platform: 'node', target: 'node20',
    external: ['better-sqlite3'], logLevel: 'warning',
    banner: { js: "import { createRequire as __crmRequire } from 'node:module'; const require = __crmRequire(import.meta.url);" },
  });
  const { makeUpgradeFixture, SCHEMA_VERSIONS } = await import(pathToFileURL(out).href);
  for (let v = 1; v <= SCHEMA_VERSIONS; v++) {
    const file = join(folder, `schema-${v}.db`);
    if (existsSync(file) && !process.argv.includes('--all')) continue;
    await makeUpgradeFixture(file, v);
    console.log(`wrote ${file}`);
  }
} finally {
  rmSync(out, { force: true });
}
