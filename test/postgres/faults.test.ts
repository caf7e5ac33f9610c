import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { BIN } from '../e2e/crm.js';
import { databaseUrl, ensureRole, freshDatabase, server } from '../support/engine.js';
import { sandbox } from '../support/inprocess.js';
import { seeded as random } from '../support/random.js';

// Issue 17, "Faults", on a team server: crm SIGKILLed at seeded moments of a large import leaves the server holding
// all or nothing of it (the server rolls back a transaction whose client vanished), and the next command works.

/** Runs crm and SIGKILLs it after `ms`; resolves whether the kill came before it finished. */
function killAfter(env: NodeJS.ProcessEnv, cwd: string, args: string[], ms: number): Promise<boolean> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      done(signal === 'SIGKILL');
    });
  });
}

describe('a team server under SIGKILL', () => {
  it('holds all or nothing of an order import killed at 8 seeded moments, and serves the next command', async () => {
    const s = sandbox();
    await ensureRole('alice');
    const rows = 20_000;
    const file = join(s.home, 'orders.csv');
    writeFileSync(file, ['customer,date,amount,reference',
      ...Array.from({ length: rows }, (_, i) => `Customer ${i % 400},2026-01-${String(1 + (i % 28)).padStart(2, '0')},${10 + (i % 90)}.50,INV-${i}`)].join('\n') + '\n');
    const next = random(Number(process.env.FAULT_SEED ?? 17));
    let killed = 0;
    for (let run = 0; run < 8; run++) {
      const name = await freshDatabase();
      const url = databaseUrl(name, 'alice');
      const env = { ...process.env, ...s.env, CRM_DB: url, CRM_USER: 'alice' };
      const wasKilled = await killAfter(env, s.home, ['order', 'import', file, '--create-customers', 'company'], 150 + Math.floor(next() * 2000));
      const c = new pg.Client({ host: server!.socket, port: server!.port, user: server!.superuser, database: name });
      await c.connect();
      const after = (await c.query('select (select count(*) from orders)::int as orders, (select count(*) from company)::int as companies')).rows[0];
      await c.end();
      // All of it (the kill came after the commit) or nothing: never a part.
      expect([{ orders: 0, companies: 0 }, { orders: rows, companies: 400 }], `run ${run}`).toContainEqual(after);
      if (wasKilled && after.orders === 0) killed += 1;
      const r = await s.run(['company', 'add', 'After the kill', '-q', '--db', url]);
      expect(r.exitCode, r.stderr).toBe(0);
    }
    expect(killed).toBeGreaterThan(0);
  }, 180_000);
});
