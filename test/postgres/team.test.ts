import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asSuperuser, databaseUrl, freshDatabase, server } from '../support/engine.js';
import { sandbox } from '../support/inprocess.js';
import { psql } from '../support/pg-cluster.js';

describe('a team on one server: logins, roles, and the server enforcing them', () => {
  it('an admin adds a rep and a manager; a rep changes only own records, in crm and in psql; history is insert-only', async () => {
    const s = sandbox();
    const db = await freshDatabase();
    const suffix = db.replace(/^crm_/, '');
    const [ann, rita, max] = [`ann_${suffix}`, `rita_${suffix}`, `max_${suffix}`];
    const as = (user: string, args: string[], input?: string) => s.run([...args, '--db', databaseUrl(db, user)], { input });

    // The server's superuser makes the first admin; from then on the admin runs the team.
    const first = await as(server!.superuser, ['team', 'add', ann, '--role', 'admin', '--password-stdin', '--json'], 'secret-ann\n');
    expect([first.exitCode, first.stderr]).toEqual([0, '']);
    expect(JSON.parse(first.stdout)).toEqual({ name: ann, role: 'admin', listed: true });
    expect((await as(ann, ['team', 'add', rita, '--role', 'rep', '--password-stdin'], 'secret-rita')).exitCode).toBe(0);
    expect((await as(ann, ['team', 'add', max, '--role', 'manager', '--password-stdin'], 'secret-max')).exitCode).toBe(0);
    const noPassword = await as(ann, ['team', 'add', 'nopass_' + suffix]);
    expect([noPassword.exitCode, noPassword.stderr.split(' (')[0]]).toEqual([2, `error: a login for nopass_${suffix} needs a password`]);

    // Who you are is the login: the owner and the author, whatever CRM_USER says.
    const mine = await s.run(['deal', 'add', 'Rita deal', '--amount', '100', '--json', '--db', databaseUrl(db, rita)], { env: { CRM_USER: 'mallory' } });
    expect(JSON.parse(mine.stdout)).toMatchObject({ title: 'Rita deal', owner: rita, createdBy: rita });
    expect((await as(max, ['deal', 'add', 'Max deal', '--amount', '200'])).exitCode).toBe(0);

    // A rep may not change a colleague's deal: exit 5, one line naming the owner.
    const refused = await as(rita, ['deal', 'edit', 'Max deal', '--amount', '1']);
    expect(refused.exitCode).toBe(5);
    expect(refused.stderr).toBe(`error: deal "Max deal" belongs to ${max}; a rep changes only their own records (ask ${max} or a manager to make the change)\n`);
    expect((await as(rita, ['deal', 'add', 'For max', '--amount', '1', '--owner', max])).exitCode).toBe(5);
    const stage = await as(rita, ['stage', 'add', 'Demo']);
    expect([stage.exitCode, stage.stderr.split(':')[0]]).toEqual([5, 'error']);
    expect((await as(rita, ['deal', 'edit', 'Rita deal', '--amount', '150'])).exitCode).toBe(0);
    // A manager changes everyone's; only an admin changes the team.
    expect((await as(max, ['deal', 'edit', 'Rita deal', '--amount', '175'])).exitCode).toBe(0);
    expect((await as(max, ['team', 'add', 'eve_' + suffix, '--password-stdin'], 'x')).exitCode).toBe(5);
    expect((await as(ann, ['stage', 'add', 'Demo'])).exitCode).toBe(0);
    // Settings are the team's: an admin changes them, a rep or a manager may not (exit 5, one line), everyone reads them.
    for (const who of [rita, max]) {
      const setting = await as(who, ['config', 'set', 'currency', 'EUR']);
      expect([setting.exitCode, setting.stderr.replace(/ on \S+:/, ' on DB:')], who).toEqual([5, 'error: currency is shared by everyone on DB: only an admin '
        + 'may change it (ask an admin of the team (crm team list shows who) to run crm config set)\n']);
    }
    const segments = await as(rita, ['config', 'set', 'segments', 'Stars=4-5:3-5;Rest=1-3:1-5']);
    expect([segments.exitCode, segments.stderr.replace(/ on \S+:/, ' on DB:')]).toEqual([5, 'error: segments is shared by everyone on DB: only an admin '
      + 'may change it (ask an admin of the team (crm team list shows who) to run crm config set)\n']);
    expect((await as(ann, ['config', 'set', 'currency', 'EUR'])).exitCode).toBe(0);
    expect(JSON.parse((await as(rita, ['config', 'get', 'currency', '--json'])).stdout)).toEqual({ key: 'currency', value: 'EUR', source: 'database' });
    expect(JSON.parse((await as(rita, ['deal', 'add', 'In euros', '--amount', '10', '--json'])).stdout)).toMatchObject({ currency: 'EUR', owner: rita });

    // The server holds it without crm: psql as the rep.
    const url = { bin: server!.bin, socket: server!.socket, port: server!.port };
    const sneaky = await psql(url, rita, db, `update deal set amount_minor = 1 where title = 'Max deal'`);
    expect(sneaky.code).not.toBe(0);
    expect(sneaky.stderr).toContain(`deal "Max deal" belongs to ${max}`);
    const erase = await psql(url, rita, db, 'delete from journal');
    expect([erase.code !== 0, /permission denied for table journal/.test(erase.stderr)]).toEqual([true, true]);
    const forge = await psql(url, max, db, 'update change_set set actor = \'nobody\'');
    expect(forge.code).not.toBe(0);
    expect(JSON.parse((await as(ann, ['deal', 'show', 'Max deal', '--json'])).stdout)).toMatchObject({ amount: 200, owner: max });

    // Products, order lines and campaigns (tables added after the team's grants) work for everyone; a campaign is owned.
    writeFileSync(join(s.home, 'lines.csv'), 'customer,date,reference,sku,qty,unit\nAcme,2026-11-02,INV1,W-1,2,9.50\nAcme,2026-11-02,INV1,W-2,1,3.00\n');
    const lines = await as(rita, ['order', 'import', join(s.home, 'lines.csv'), '--map', 'product=sku', '--map', 'quantity=qty', '--map', 'price=unit',
      '--create-customers', 'company', '--json']);
    expect([lines.exitCode, lines.stderr]).toEqual([0, '']);
    expect(JSON.parse(lines.stdout)).toMatchObject({ imported: 1, lines: 2, newProducts: 2 });
    expect(JSON.parse((await as(rita, ['product', 'list', '--json'])).stdout).map((p: { code: string }) => p.code)).toEqual(['W-1', 'W-2']);
    expect((await as(max, ['campaign', 'add', 'Spring', '--channel', 'email', '--start', '2026-03-01'])).exitCode).toBe(0);
    expect((await as(rita, ['campaign', 'add', 'Autumn', '--channel', 'call', '--start', '2026-09-01'])).exitCode).toBe(0);
    expect(JSON.parse((await as(rita, ['campaign', 'list', '--json'])).stdout).map((c: { name: string; owner: string }) => [c.name, c.owner]))
      .toEqual(expect.arrayContaining([['Spring', max], ['Autumn', rita]]));
    const theirs = await as(rita, ['campaign', 'edit', 'Spring', '--notes', 'mine now']);
    expect([theirs.exitCode, theirs.stderr]).toEqual([5, `error: campaign "Spring" belongs to ${max}; a rep changes only their own records (ask ${max} or a manager to make the change)\n`]);
    expect((await psql(url, rita, db, `update campaign set notes = 'x' where name = 'Spring'`)).code).not.toBe(0);

    const team = JSON.parse((await as(ann, ['team', 'list', '--json'])).stdout);
    expect(team.filter((m: { name: string }) => m.name.endsWith(suffix))).toEqual([
      { name: ann, role: 'admin', listed: true }, { name: max, role: 'manager', listed: true }, { name: rita, role: 'rep', listed: true },
    ]);
    // A role changes; a member taken off can no longer log in, and what they own stays theirs.
    expect((await as(ann, ['team', 'role', rita, 'manager'])).exitCode).toBe(0);
    expect((await as(rita, ['deal', 'edit', 'Max deal', '--amount', '250'])).exitCode).toBe(0);
    expect((await as(ann, ['team', 'rm', max, '--yes'])).exitCode).toBe(0);
    const gone = await as(max, ['deal', 'list']);
    expect(gone.exitCode).toBe(2);
    expect(JSON.parse((await as(ann, ['deal', 'show', 'Max deal', '--json'])).stdout)).toMatchObject({ owner: max });
  }, 120_000);

  it('a password reaches the server only as its SCRAM verifier: psql logs in with it, and the server log never shows it', async () => {
    const s = sandbox();
    const db = await freshDatabase();
    const pat = `pat_${db.replace(/^crm_/, '')}`;
    // Members of crm_password_login must prove their password (test/support/pg-cluster.ts); everyone logs statements here.
    await asSuperuser(db, 'do $$ begin create role crm_password_login; exception when duplicate_object then null; end $$');
    await asSuperuser(db, `alter database ${db} set log_statement = 'all'`);
    // A ligature and a no-break space: libpq prepares them (SASLprep) before hashing, so crm's verifier must too.
    const password = 'ﬁre\u00a0horse ❤ 42';
    const added = await s.run(['team', 'add', pat, '--role', 'rep', '--password-stdin', '--db', databaseUrl(db, server!.superuser)], { input: `${password}\n` });
    expect([added.exitCode, added.stderr]).toEqual([0, '']);
    await asSuperuser(db, `grant crm_password_login to ${pat}`);

    const url = { bin: server!.bin, socket: server!.socket, port: server!.port };
    expect(await psql(url, pat, db, 'select current_user', undefined, password)).toMatchObject({ code: 0, stdout: expect.stringContaining(pat) });
    const wrong = await psql(url, pat, db, 'select 1', undefined, 'fire horse ❤ 4');
    expect([wrong.code, wrong.stderr]).toEqual([2, expect.stringContaining(`password authentication failed for user "${pat}"`)]);
    const log = readFileSync(join(server!.socket, 'log'), 'utf8');
    expect(log).toMatch(new RegExp(`create role "${pat}" login password 'SCRAM-SHA-256\\$4096:`));
    expect(log).not.toContain('horse');
  });
});
