import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../src/', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

/** Every module specifier a file imports, statically or with import(), types included. */
const specifiers = (text: string) => [...text.matchAll(/(?:from\s*|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('layers', () => {
  it('keeps the database engine inside src/store: nothing else imports the driver, Kysely or an engine folder', () => {
    const leaks = sources(root).filter((f) => !relative(root, f).startsWith('store/')).flatMap((f) =>
      specifiers(readFileSync(f, 'utf8'))
        .filter((s) => s === 'kysely' || s === 'better-sqlite3' || /\/store\/(sqlite|repos)\//.test(s))
        .map((s) => `${relative(root, f)}: ${s}`));
    expect(leaks).toEqual([]);
  });
});
