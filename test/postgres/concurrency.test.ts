import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { databaseUrl, ensureRole, freshDatabase } from '../support/engine.js';
import { sandbox } from '../support/inprocess.js';

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

describe('concurrent writers on one server', () => {
  it('8 processes x 50 writes, half of them to one shared record: every write lands, no error surfaces', async () => {
    const s = sandbox();
    await ensureRole('alice');
    const url = databaseUrl(await freshDatabase(), 'alice');
    expect((await s.run(['company', 'add', 'Shared', '--db', url])).exitCode).toBe(0);
    // Each process runs crm's main 50 times in a row: a tag on the shared company (a read-modify-write of its tags),
    // then a new deal, and so on.
    const script = join(s.home, 'writer.mjs');
    writeFileSync(script, `const { main } = await import(${JSON.stringify(MAIN)});
      const w = process.argv[2]; const failures = [];
      for (let j = 0; j < 50; j++) {
        const args = j % 2 === 0 ? ['company', 'edit', 'Shared', '--add-tag', 'w' + w + '-' + j] : ['deal', 'add', 'W' + w + '-' + j, '--amount', '10', '--company', 'Shared'];
        const code = await main([...args, '-q']);
        if (code !== 0) failures.push(args.join(' ') + ' exited ' + code);
      }
      process.stdout.write(JSON.stringify(failures));`);
    const env = { ...process.env, ...s.env, CRM_DB: url };
    const results = await Promise.all(Array.from({ length: 8 }, (_, w) => new Promise<{ code: number; out: string; err: string }>((resolve) => {
      const p = spawn(process.execPath, [script, String(w)], { env, cwd: s.home });
      let out = '';
      let err = '';
      p.stdout.on('data', (d) => { out += d; });
      p.stderr.on('data', (d) => { err += d; });
      p.on('close', (code) => resolve({ code: code ?? 1, out, err }));
    })));
    for (const r of results) {
      expect(r.err).toBe('');
      expect(JSON.parse(r.out.slice(r.out.lastIndexOf('[')))).toEqual([]);
    }
    const shared = await s.json(['company', 'show', 'Shared', '--db', url]);
    expect(shared.tags).toHaveLength(200);
    expect(await s.json(['deal', 'list', '--all', '--db', url])).toHaveLength(200);
    // The company's history: its creation and each of the 200 tag edits, none lost.
    expect((await s.json(['history', 'company:1', '--db', url])).length).toBe(1 + 200);
  }, 240_000);
});
