import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';
import { sqliteOnly } from '../support/engine.js';
import { DEFAULT_SEGMENTS_TEXT } from '../../src/domain/rfm.js';

describe('crm config', () => {
  sqliteOnly('sets, gets, lists and unsets validated settings', async () => {
    const { run, json, home } = sandbox();
    const file = join(home, 'config', 'crm', 'config.json');
    expect((await run(['config', 'path'])).stdout).toBe(`${file}\n`);
    expect(await json(['config', 'get', 'currency'])).toEqual({ key: 'currency', value: 'USD', source: 'default' });
    expect(await json(['config', 'set', 'currency', 'eur'])).toEqual({ key: 'currency', value: 'EUR' });
    expect((await run(['config', 'get', 'currency'])).stdout).toBe('EUR\n');
    // currency is the team's: it went into the database (test/commands/settings.test.ts), the file holds your own.
    expect(await json(['config', 'set', 'phoneCountry', '+49'])).toEqual({ key: 'phoneCountry', value: 49 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ phoneCountry: 49 });
    await run(['config', 'set', 'user', 'carol']);
    const all = await json(['config', 'list']);
    expect(all.map((r: { key: string; value: string; source: string }) => [r.key, r.value, r.source])).toEqual([
      ['user', 'alice', 'env CRM_USER'], ['db', join(home, 'data', 'crm', 'crm.db'), 'default'],
      ['currency', 'EUR', 'database'], ['locale', 'en-US', 'default'],
      ['lostReasons', ['price', 'competitor', 'timing', 'no-budget', 'no-decision', 'product-fit', 'other'], 'default'],
      ['fiscalYearStart', 1, 'default'], ['rates', null, 'default'], ['segments', DEFAULT_SEGMENTS_TEXT, 'default'], ['phoneCountry', 49, 'config'],
    ]);
    expect(await json(['config', 'get', 'user'], { env: { CRM_USER: '' } })).toEqual({ key: 'user', value: 'carol', source: 'config' });
    expect((await run(['config', 'unset', 'phoneCountry'])).exitCode).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ user: 'carol' });
  });

  sqliteOnly('applies settings: user owns new records, currency prices wallets, locale formats tables', async () => {
    const { run, json } = sandbox();
    await run(['config', 'set', 'user', 'carol']);
    await run(['config', 'set', 'currency', 'JPY']);
    await run(['config', 'set', 'locale', 'de-DE']);
    const c = await json(['company', 'add', 'Acme', '--wallet', '5000'], { env: { CRM_USER: '' } });
    expect(c).toMatchObject({ owner: 'carol', createdBy: 'carol', wallet: 5000, currency: 'JPY' });
    expect((await run(['company', 'list', '--format', 'table'])).stdout).toContain('5.000\u00a0¥');
  });

  it('rejects unknown keys, bad values and a broken file with exit 2', async () => {
    const { run, home } = sandbox();
    const key = await run(['config', 'set', 'colour', 'red']);
    expect([key.exitCode, key.stderr]).toEqual([2, 'error: KEY: "colour" is not a setting (use one of: user, db, currency, locale, lostReasons, fiscalYearStart, rates, segments, phoneCountry)\n']);
    const val = await run(['config', 'set', 'currency', 'euros']);
    expect([val.exitCode, val.stderr]).toEqual([2, 'error: currency: "euros" is not an ISO 4217 currency code (use a code such as EUR, USD or GBP)\n']);
    const loc = await run(['config', 'set', 'locale', 'not_a_locale!']);
    expect(loc.exitCode).toBe(2);
    mkdirSync(join(home, 'config', 'crm'), { recursive: true });
    writeFileSync(join(home, 'config', 'crm', 'config.json'), '{ broken');
    const broken = await run(['company', 'list']);
    expect([broken.exitCode, broken.stderr.split(' (')[0]]).toEqual([2, `error: config file ${join(home, 'config', 'crm', 'config.json')} is not valid JSON`]);
  });
});
