import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqliteOnly } from '../support/engine.js';
import { sandbox } from '../support/inprocess.js';

type Sandbox = ReturnType<typeof sandbox>;

// Settings the team shares (currency, rates, fiscalYearStart, lostReasons) live in the database (product.md "Team
// server"); a person's own (user, db, locale, phoneCountry) stay in their config file.

const configFile = (s: Sandbox) => join(s.home, 'config', 'crm', 'config.json');
const writeConfig = (s: Sandbox, value: object) => {
  mkdirSync(join(s.home, 'config', 'crm'), { recursive: true });
  writeFileSync(configFile(s), JSON.stringify(value));
};

describe('shared settings', () => {
  it('are set once in the database and apply to everyone who uses it; your own settings stay in your file', async () => {
    const s = sandbox();
    await s.team('bob');
    expect(await s.json(['config', 'set', 'currency', 'eur'])).toEqual({ key: 'currency', value: 'EUR' });
    expect(await s.json(['config', 'set', 'fiscalYearStart', '4'])).toEqual({ key: 'fiscalYearStart', value: 4 });
    expect(await s.json(['config', 'set', 'lostReasons', 'Price, timing'])).toEqual({ key: 'lostReasons', value: ['price', 'timing'] });
    expect(await s.json(['config', 'set', 'rates', 'usd=0.9'])).toEqual({ key: 'rates', value: { USD: 0.9 } });
    await s.run(['config', 'set', 'locale', 'de-DE']);
    // Only the personal setting went into the file.
    expect(JSON.parse(readFileSync(configFile(s), 'utf8'))).toEqual({ locale: 'de-DE' });

    // Bob, with no config file of his own settings, works in the team's currency and fiscal year.
    const bob = { env: { CRM_USER: 'bob', XDG_CONFIG_HOME: join(s.home, 'bob-config') } };
    expect(await s.json(['config', 'get', 'currency'], bob)).toEqual({ key: 'currency', value: 'EUR', source: 'database' });
    expect(await s.json(['config', 'get', 'locale'], bob)).toEqual({ key: 'locale', value: 'en-US', source: 'default' });
    expect(await s.json(['deal', 'add', 'Bob deal', '--amount', '1000'], bob)).toMatchObject({ amount: 1000, currency: 'EUR', owner: 'bob' });
    expect(await s.json(['quota', 'set', 'bob', '2027-Q1', '5000'], bob)).toEqual(
      { owner: 'bob', period: '2027-Q1', from: '2026-04-01', to: '2026-06-30', amount: 5000, currency: 'EUR' });
    const lose = await s.run(['deal', 'lose', 'Bob deal', '--reason', 'competitor'], bob);
    expect([lose.exitCode, lose.stderr]).toEqual([2, 'error: --reason: "competitor" is not a lost reason (use one of: price, timing (crm config set lostReasons ... to change them))\n']);
    expect((await s.run(['__complete', 'reason', ''], bob)).stdout).toBe('price\ntiming\n');
    // Reports read them too: USD converts into EUR at 0.9, and the fiscal year starts in April.
    await s.run(['company', 'add', 'Acme'], bob);
    expect((await s.run(['order', 'add', 'Acme', '--amount', '100', '--currency', 'USD', '--date', '2026-03-01'], bob)).exitCode).toBe(0);
    const rfm = await s.json(['report', 'rfm'], bob);
    expect([rfm.currency, rfm.customers[0].monetary, rfm.unconverted]).toEqual(['EUR', 90, []]);
    const forecast = await s.json(['report', 'forecast', '--periods', '1'], bob);
    expect([forecast.fiscalYearStart, forecast.periods[0].period, forecast.periods[0].from]).toEqual([4, '2026-Q4', '2026-01-01']);

    // Each change is in the history, with who made it.
    const backup = JSON.parse((await s.run(['export', 'backup'])).stdout);
    const entries = backup.tables.journal.filter((e: { entity: string }) => e.entity === 'setting')
      .map((e: { action: string; after: string }) => [e.action, JSON.parse(e.after).key]);
    expect(entries).toEqual([['create', 'currency'], ['create', 'fiscalYearStart'], ['create', 'lostReasons'], ['create', 'rates']]);
    expect(backup.tables.setting.map((r: { key: string; updated_by: string }) => [r.key, r.updated_by]).sort()).toEqual(
      [['currency', 'alice'], ['fiscalYearStart', 'alice'], ['lostReasons', 'alice'], ['rates', 'alice']]);

    // Unset puts everyone back on the default.
    await s.run(['config', 'unset', 'currency']);
    expect(await s.json(['config', 'get', 'currency'], bob)).toEqual({ key: 'currency', value: 'USD', source: 'default' });
  });

  it('a value left in a config file from before still applies until the database has one; then the database wins', async () => {
    const s = sandbox();
    writeConfig(s, { currency: 'GBP', fiscalYearStart: 10, locale: 'en-GB' });
    expect(await s.json(['config', 'get', 'currency'])).toEqual({ key: 'currency', value: 'GBP', source: 'config' });
    expect(await s.json(['deal', 'add', 'Old habit', '--amount', '10'])).toMatchObject({ currency: 'GBP' });
    expect((await s.json(['quota', 'set', 'alice', '2027-Q1', '100'])).from).toBe('2026-10-01');

    expect((await s.run(['config', 'set', 'currency', 'EUR'])).exitCode).toBe(0);
    // The file is left as it was: it may serve other databases that have no currency of their own.
    expect(JSON.parse(readFileSync(configFile(s), 'utf8'))).toEqual({ currency: 'GBP', fiscalYearStart: 10, locale: 'en-GB' });
    expect(await s.json(['config', 'get', 'currency'])).toEqual({ key: 'currency', value: 'EUR', source: 'database', ignored: 'GBP' });
    expect(await s.json(['deal', 'add', 'Team habit', '--amount', '10'])).toMatchObject({ currency: 'EUR' });
    const list = await s.run(['config', 'list', '--format', 'table']);
    expect(list.stdout).toMatch(/currency +EUR +database; config file's GBP ignored /);
    expect(list.stdout).toMatch(/fiscalYearStart +10 +config /);

    // unset: back to the default, from the database and from the file.
    expect((await s.run(['config', 'unset', 'currency'])).exitCode).toBe(0);
    expect(JSON.parse(readFileSync(configFile(s), 'utf8'))).toEqual({ fiscalYearStart: 10, locale: 'en-GB' });
    expect(await s.json(['config', 'get', 'currency'])).toEqual({ key: 'currency', value: 'USD', source: 'default' });
    // A value only in the file is removed from the file, with nothing written to the database.
    expect((await s.run(['config', 'unset', 'fiscalYearStart'])).exitCode).toBe(0);
    expect(JSON.parse(readFileSync(configFile(s), 'utf8'))).toEqual({ locale: 'en-GB' });
    const backup = JSON.parse((await s.run(['export', 'backup'])).stdout);
    expect(backup.tables.journal.filter((e: { entity: string }) => e.entity === 'setting').map((e: { action: string }) => e.action))
      .toEqual(['create', 'delete']);
  });

  it('refuse a bad value with exit 2 and change nothing', async () => {
    const s = sandbox();
    await s.run(['config', 'set', 'fiscalYearStart', '7']);
    const bad = await s.run(['config', 'set', 'fiscalYearStart', '13']);
    expect([bad.exitCode, bad.stderr]).toEqual([2, 'error: fiscalYearStart: "13" is not a month number (give 1 (January) to 12 (December))\n']);
    expect(await s.json(['config', 'get', 'fiscalYearStart'])).toEqual({ key: 'fiscalYearStart', value: 7, source: 'database' });
  });

  it('segments: the RFM map is set, read back in the form it was given, listed, and unset back to the standard grid', async () => {
    const s = sandbox();
    await s.team('bob');
    const bob = { env: { CRM_USER: 'bob', XDG_CONFIG_HOME: join(s.home, 'bob-config') } };
    const standard = "Champions=5:4-5;Loyal Customers=3-4:4-5;Potential Loyalists=4-5:2-3;New Customers=5:1;Promising=4:1;"
      + "Need Attention=3:3;About to Sleep=3:1-2;At Risk=1-2:3-4;Can't Lose Them=1-2:5;Hibernating=1-2:1-2";
    expect(await s.json(['config', 'get', 'segments'])).toEqual({ key: 'segments', value: standard, source: 'default' });
    expect(await s.json(['config', 'set', 'segments', ' Stars = 4 - 5 : 3-5 ;  Regulars=3:1-5; At  Risk=1-2:1-5 ;']))
      .toEqual({ key: 'segments', value: 'Stars=4-5:3-5;Regulars=3:1-5;At Risk=1-2:1-5' });
    expect(existsSync(configFile(s))).toBe(false);
    expect((await s.run(['config', 'get', 'segments'], bob)).stdout).toBe('Stars=4-5:3-5;Regulars=3:1-5;At Risk=1-2:1-5\n');
    expect((await s.run(['config', 'list', '--format', 'table'], bob)).stdout).toMatch(/segments +Stars=4-5:3-5;Regulars=3:1-5;At Risk=1-2:1-5 +database /);
    expect((await s.run(['__complete', 'segment', ''], bob)).stdout).toBe('stars\nregulars\nat-risk\n');
    const backup = JSON.parse((await s.run(['export', 'backup'])).stdout);
    expect(backup.tables.setting.map((r: { key: string; value: string; updated_by: string }) => [r.key, JSON.parse(r.value), r.updated_by]))
      .toEqual([['segments', 'Stars=4-5:3-5;Regulars=3:1-5;At Risk=1-2:1-5', 'alice']]);
    expect(backup.tables.journal.filter((e: { entity: string }) => e.entity === 'setting').map((e: { action: string }) => e.action)).toEqual(['create']);

    expect((await s.run(['config', 'unset', 'segments'])).exitCode).toBe(0);
    expect(await s.json(['config', 'get', 'segments'], bob)).toEqual({ key: 'segments', value: standard, source: 'default' });
    expect((await s.run(['__complete', 'segment', 'c'], bob)).stdout).toBe('champions\ncant-lose-them\n');
  });

  it('segments: a bad map is refused with exit 2, one line naming the field and the fix, and changes nothing', async () => {
    const s = sandbox();
    await s.run(['config', 'set', 'segments', 'Top=5:5']);
    const cases: [string, string][] = [
      ['', 'is empty (write NAME=R:F entries separated by ";" with scores 1-5, e.g. Champions=5:4-5;At Risk=1-2:3-4)'],
      ['Top=5', 'has a bad entry "Top=5" (write NAME=R:F entries separated by ";" with scores 1-5, e.g. Champions=5:4-5;At Risk=1-2:3-4)'],
      ['Top=x:5', 'has a bad R range "x" for Top (give a score 1-5 or a range such as 4-5)'],
      ['Top=5:3-1', 'has the F range "3-1" backwards for Top (write the lower score first, e.g. 1-3)'],
      ['Top=5:4-6', 'has F scores "4-6" outside 1-5 for Top (scores run from 1 to 5)'],
      ['Top=0:1', 'has R scores "0" outside 1-5 for Top (scores run from 1 to 5)'],
      [' =5:5', 'has an entry with no name "=5:5" (give each segment a name, e.g. Champions=5:4-5)'],
      ['Top=5:5;top=4:4', 'names the segment "top" twice, as "Top" and "top" (give each segment one entry)'],
      ['Top=4-5:4-5;Rest=1-4:1-4', 'has Top and Rest both claiming R4 F4 (give each cell one segment at most)'],
    ];
    for (const [value, why] of cases) {
      const bad = await s.run(['config', 'set', 'segments', value]);
      expect([bad.exitCode, bad.stderr], value).toEqual([2, `error: segments: ${JSON.stringify(value)} ${why}\n`]);
    }
    expect(await s.json(['config', 'get', 'segments'])).toEqual({ key: 'segments', value: 'Top=5:5', source: 'database' });
  });

  sqliteOnly('are read only by commands that use them: --version, config path and personal keys open no database', async () => {
    const s = sandbox();
    for (const args of [['--version'], ['config', 'path'], ['config', 'get', 'locale'], ['config', 'set', 'locale', 'de-DE'], ['help', 'exit-codes']]) {
      expect((await s.run(args)).exitCode, args.join(' ')).toBe(0);
      expect(existsSync(s.dbPath), args.join(' ')).toBe(false);
    }
    expect((await s.run(['config', 'get', 'currency'])).stdout).toBe('USD\n');
    expect(existsSync(s.dbPath)).toBe(true);
  });

  sqliteOnly('a value another program stored that crm cannot read is an error naming the key and the fix', async () => {
    const s = sandbox();
    await s.run(['config', 'set', 'currency', 'EUR']);
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(s.dbPath);
    db.prepare("update setting set value = '\"euros\"' where key = 'currency'").run();
    db.close();
    const r = await s.run(['deal', 'add', 'X', '--amount', '1']);
    expect([r.exitCode, r.stderr]).toEqual([2, 'error: the database\'s setting currency: "euros" is not an ISO 4217 currency code (run \'crm config set currency VALUE\' with a valid value)\n']);
    expect((await s.run(['config', 'set', 'currency', 'USD'])).exitCode).toBe(0);
  });
});
