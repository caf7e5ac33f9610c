import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { TOPICS } from '../../src/cli/topics.js';
import { Context } from '../../src/context.js';
import { sandbox } from '../support/inprocess.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `docs/...` paths, and the section a citation names in parentheses: docs/analytics.md ("Sales pipeline"). */
function citations(text: string): { path: string; section?: string }[] {
  return [...text.matchAll(/(?<![\w./-])(docs\/[\w./-]*\w)(?:\s*\("([^"]+)"\))?/g)].map((m) => ({ path: m[1]!, section: m[2] }));
}

function commandPaths(cmd: Command, prefix: string[] = []): string[][] {
  return cmd.commands.filter((c) => !c.name().startsWith('__'))
    .flatMap((c) => [[...prefix, c.name()], ...commandPaths(c, [...prefix, c.name()])]);
}

/** Everything a user reads that can cite a document: crm help and its topics, every command's --help, the README. */
async function readable(): Promise<Map<string, string>> {
  const { run } = sandbox();
  const texts = new Map<string, string>([['README.md', readFileSync(join(ROOT, 'README.md'), 'utf8')]]);
  const help = async (where: string, argv: string[]) => {
    const r = await run(argv);
    expect(r.exitCode, `${where}: ${r.stderr}`).toBe(0);
    texts.set(where, r.stdout);
  };
  await help('crm help', ['help']);
  for (const topic of Object.keys(TOPICS)) await help(`crm help ${topic}`, ['help', topic]);
  for (const path of commandPaths(await buildProgram(new Context(process, {}, [])))) await help(`crm ${path.join(' ')} --help`, [...path, '--help']);
  // Comments cite the documents too, and documents cite each other.
  for (const dir of ['src', 'docs'].filter((d) => existsSync(join(ROOT, d)))) {
    for (const f of readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })) {
      if (/\.(ts|md)$/.test(f)) texts.set(`${dir}/${f}`, readFileSync(join(ROOT, dir, f), 'utf8'));
    }
  }
  return texts;
}

describe('documents that crm and its README cite', () => {
  it('exist in the repository, with the sections they are cited for', async () => {
    const texts = await readable();
    const commandHelp = [...texts].filter(([k]) => k.endsWith('--help'));
    expect(commandHelp.length).toBeGreaterThan(50);
    expect(commandHelp.every(([, text]) => text.startsWith('Usage: crm '))).toBe(true);
    const cited = [...texts].flatMap(([where, text]) => citations(text).map((c) => ({ where, ...c })));
    // The report topics cite the analytics definitions; a test that finds nothing checks nothing.
    expect(cited.filter((c) => c.where.startsWith('crm help report-')).map((c) => c.path)).toContain('docs/analytics.md');
    for (const c of cited) {
      const file = join(ROOT, c.path);
      expect(existsSync(file), `${c.where} cites ${c.path}, which is not in the repository`).toBe(true);
      if (c.section) {
        const headings = readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('#')).map((l) => l.replace(/^#+\s*/, ''));
        expect(headings, `${c.where} cites ${c.path} ("${c.section}")`).toContain(c.section);
      }
    }
  });
});
