import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEPCRUISE = `${ROOT}node_modules/.bin/depcruise`;

/** The rule names and the modules that break them, as dependency-cruiser reports them for `paths`. */
async function violations(cwd: string, paths: string[]): Promise<string[]> {
  const r = await execa(DEPCRUISE, [...paths, '--config', `${ROOT}.dependency-cruiser.cjs`, '--output-type', 'json'],
    { cwd, reject: false });
  const out = JSON.parse(r.stdout) as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
  return out.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
}

describe('layers (.dependency-cruiser.cjs)', () => {
  it('hold in the code: arrows point down, the domain is pure, the engine stays in the store, no cycles', async () => {
    expect(await violations(ROOT, ['src', 'migrations'])).toEqual([]);
  }, 60_000);

  it('would catch a domain that reads the store, a command that imports the CLI, and a cycle', async () => {
    expect(await violations(`${ROOT}test/fixtures/layers`, ['src'])).toEqual([
      'commands-not-up: src/commands/verb.ts -> src/cli/program.ts',
      'domain-is-pure: src/domain/rule.ts -> src/store/rows.ts',
      'no-cycles: src/domain/rule.ts -> src/store/rows.ts',
    ]);
  }, 60_000);
});
