import { describe, expect, it } from 'vitest';
import { connectPg } from '../../src/store/postgres/open.js';
import { databaseUrl, ensureRole, freshDatabase } from '../support/engine.js';

/** What the server says a setting is on a connection crm opened. */
async function setting(url: string, env: Record<string, string>, name: string) {
  const { client } = await connectPg(url, env);
  try {
    return (await client.query<{ v: string }>(`select current_setting('${name}') as v`)).rows[0]!.v;
  } finally {
    await client.end();
  }
}

describe('crm\'s sessions on a team server', () => {
  it('have the JIT off, unless the URL\'s options or PGOPTIONS say otherwise, as libpq reads them', async () => {
    await ensureRole('alice');
    const url = databaseUrl(await freshDatabase(), 'alice');
    expect(await setting(url, {}, 'jit')).toBe('off');
    expect(await setting(`${url}&options=${encodeURIComponent('-c jit=on')}`, {}, 'jit')).toBe('on');
    expect(await setting(url, { PGOPTIONS: '-c jit=on -c work_mem=8MB' }, 'jit')).toBe('on');
    expect(await setting(url, { PGOPTIONS: '-c work_mem=8MB' }, 'work_mem')).toBe('8MB');
    // The URL wins over the environment, as every other parameter does.
    expect(await setting(`${url}&options=${encodeURIComponent('-c work_mem=16MB')}`, { PGOPTIONS: '-c work_mem=8MB' }, 'work_mem')).toBe('16MB');
  });
});
