import { describe, expect, it } from 'vitest';
import { serverTarget } from '../../src/store/postgres/connect.js';
import { PgCustomerValues } from '../../src/store/postgres/customer-value.js';
import { connectPg } from '../../src/store/postgres/open.js';
import type { Journal } from '../../src/store/repos/journal.js';
import { databaseUrl, ensureRole, freshDatabase } from '../support/engine.js';

/** What the server says a setting is on a connection crm opened, after `then` ran on it. */
async function setting(url: string, env: Record<string, string>, name: string, then?: (client: import('pg').Client) => Promise<void>) {
  const { client } = await connectPg(url, env);
  try {
    await then?.(client);
    return (await client.query<{ v: string }>(`select current_setting('${name}') as v`)).rows[0]!.v;
  } finally {
    await client.end();
  }
}

/** Notes the first two words of each query `client` is given into `seen`, until the function returned is called. */
function recording(client: import('pg').Client, seen: string[]): () => void {
  const query = client.query.bind(client) as (...a: unknown[]) => Promise<unknown>;
  (client as { query: unknown }).query = (...a: unknown[]) => {
    const q = a[0] as string | { text: string };
    seen.push((typeof q === 'string' ? q : q.text).trim().split(/\s+/).slice(0, 2).join(' '));
    return query(...a);
  };
  return () => { (client as { query: unknown }).query = query; };
}

describe('crm\'s sessions on a team server', () => {
  it('send session settings only when the URL\'s options or PGOPTIONS give them, as libpq reads them', async () => {
    await ensureRole('alice');
    const url = databaseUrl(await freshDatabase(), 'alice');
    // Nothing extra in the startup packet, which a connection pooler would refuse.
    expect(serverTarget(url, {}).config.options).toBeUndefined();
    expect(await setting(url, { PGOPTIONS: '-c work_mem=8MB' }, 'work_mem')).toBe('8MB');
    // The URL wins over the environment, as every other parameter does.
    expect(await setting(`${url}&options=${encodeURIComponent('-c work_mem=16MB')}`, { PGOPTIONS: '-c work_mem=8MB' }, 'work_mem')).toBe('16MB');
  });

  it('turn the JIT off for the value reports\' aggregation only, in a transaction of its own', async () => {
    await ensureRole('alice');
    const url = databaseUrl(await freshDatabase(), 'alice');
    const seen: string[] = [];
    const after = await setting(url, {}, 'jit', async (client) => {
      const stop = recording(client, seen);
      await new PgCustomerValues(client).orders('2026-01-01', null, { addDays: () => {} });
      stop();
    });
    expect(seen).toEqual(['begin', 'select set_config(\'jit\',', 'select company_id,', 'commit']);
    expect(after).toBe('on');

    // Inside a write (a store with a journal), the write's own transaction is used: no begin or commit of its own.
    seen.length = 0;
    const inWrite = await setting(url, {}, 'jit', async (client) => {
      await client.query('begin');
      const stop = recording(client, seen);
      await new PgCustomerValues(client, {} as Journal).orders('2026-01-01', null, { addDays: () => {} });
      stop();
    });
    expect(seen).toEqual(['select set_config(\'jit\',', 'select company_id,']);
    expect(inWrite).toBe('off');
  });
});
