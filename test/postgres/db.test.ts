import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { asSuperuser, databaseUrl, ensureRole, freshDatabase, server } from '../support/engine.js';
import { sandbox } from '../support/inprocess.js';

const BIN = fileURLToPath(new URL('../../bin/crm.js', import.meta.url));

function crm(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => { stdout += d; });
    p.stderr.on('data', (d) => { stderr += d; });
    p.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

describe('crm db on a team server', () => {
  it('migrates an empty database once when two first runs race, in one transaction; db check and db path', async () => {
    const s = sandbox();
    await ensureRole('alice');
    const db = await freshDatabase('alice', true);
    const url = databaseUrl(db, 'alice');
    const env = { ...s.env, CRM_DB: url };
    const [a, b] = await Promise.all([crm(['db', 'migrate', '--json'], env), crm(['db', 'migrate', '--json'], env)]);
    expect([a.code, a.stderr, b.code, b.stderr]).toEqual([0, '', 0, '']);
    const applied = [JSON.parse(a.stdout).applied, JSON.parse(b.stdout).applied].sort((x, y) => y.length - x.length);
    expect(applied).toEqual([['0001_initial', '0002_pipeline', '0003_rfm_snapshots', '0004_series_and_notes', '0005_uuids', '0006_history_insert_only', '0007_team', '0008_products_lines', '0009_campaigns', '0010_team_grants'], []]);
    expect(await s.json(['stage', 'list', '--db', url])).toHaveLength(6); // the default stages, once
    expect(await s.json(['db', 'check', '--db', url])).toMatchObject({ path: url, ok: true, integrity: ['ok'], foreignKeyViolations: 0,
      migrationsPending: [], companies: 0 });

    // A row that points nowhere (constraints switched off by hand) is found.
    await s.run(['company', 'add', 'Acme', '--db', url]);
    await asSuperuser(db, `set session_replication_role = replica; insert into contact (name, name_key, lifecycle, consent, owner, company_id,
      uuid, created_at, updated_at, created_by, updated_by) values ('X', 'x', 'lead', 'unknown', 'alice', 99, 'u', 'a', 'a', 'a', 'a')`);
    const bad = await s.run(['db', 'check', '--json', '--db', url]);
    expect([bad.exitCode, JSON.parse(bad.stdout).foreignKeyViolations]).toEqual([1, 1]);
  }, 120_000);

  it('never prints a password, and says what is wrong with a server it cannot use', async () => {
    const s = sandbox();
    const secret = 'postgres://alice:s3cret@127.0.0.1:1/crm';
    expect(await s.json(['db', 'path', '--db', secret])).toMatchObject({ path: 'postgres://alice:***@127.0.0.1:1/crm', source: 'flag' });
    const down = await s.run(['company', 'list', '--db', secret]);
    expect(down.exitCode).toBe(2);
    expect(down.stderr).toMatch(/^error: cannot reach the PostgreSQL server of postgres:\/\/alice:\*\*\*@127\.0\.0\.1:1\/crm \(ECONNREFUSED\)/);
    expect(down.stderr).not.toContain('s3cret');
    const nodb = await s.run(['company', 'list', '--db', databaseUrl('no_such_db', server!.superuser)]);
    expect([nodb.exitCode, nodb.stderr]).toEqual([3, expect.stringMatching(/database "no_such_db" does not exist/)]);
    // A database holding another program's tables is left alone.
    const other = await freshDatabase(undefined, true);
    await asSuperuser(other, 'create table invoices (id int)');
    const foreign = await s.run(['company', 'list', '--db', databaseUrl(other, server!.superuser)]);
    expect([foreign.exitCode, foreign.stderr.split(' (')[0]]).toEqual([2, expect.stringMatching(/holds tables of another program, not crm's$/)]);
  }, 60_000);
});
