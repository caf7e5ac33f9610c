import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { expect, it } from 'vitest';
import { contactTexts } from '../../src/store/postgres/contact-texts.js';
import type { DB } from '../../src/store/schema.js';
import { databaseUrl, ensureRole, freshDatabase, server } from '../support/engine.js';
import { sandbox } from '../support/inprocess.js';

/** The contacts' texts one by one, from batches joined by a line break (NDJSON's separator). */
const collect = async (texts: AsyncIterable<{ count: number; text: string | Uint8Array }>) => {
  const all: string[] = [];
  for await (const { count, text } of texts) {
    const lines = Buffer.from(text).toString('utf8').split('\n');
    expect(lines).toHaveLength(count);
    all.push(...lines);
  }
  return all;
};

it("a long contact list read inside a caller's transaction leaves that transaction to the caller", async () => {
  const s = sandbox();
  await ensureRole('alice');
  const name = await freshDatabase();
  const url = databaseUrl(name, 'alice');
  const ids: number[] = [];
  for (const who of ['Ann', 'Bob', 'Cy']) ids.push((await s.json(['contact', 'add', who, '--tag', 'vip', '--db', url])).id);

  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ host: server!.socket, port: server!.port, user: 'alice', database: name, max: 1 }) }),
  });
  try {
    // Batches of 2 for 3 contacts: the cursor's path, the one with a transaction of its own.
    const alone = await collect(contactTexts(db, ids, 2, '\n'));
    expect(alone.map((t) => [JSON.parse(t).name, JSON.parse(t).tags])).toEqual([['Ann', ['vip']], ['Bob', ['vip']], ['Cy', ['vip']]]);

    await expect(db.transaction().execute(async (trx) => {
      await sql`update contact set name = 'Changed' where id = ${ids[0]}`.execute(trx);
      const inside = await collect(contactTexts(trx, ids, 2, '\n'));
      expect(JSON.parse(inside[0]!).name).toBe('Changed'); // the caller's own write, seen in its transaction
      throw new Error('the caller changes its mind');
    })).rejects.toThrow('the caller changes its mind');
    // Had the list committed the caller's transaction, the name would have stayed changed.
    expect(JSON.parse((await collect(contactTexts(db, ids, 2, '\n')))[0]!).name).toBe('Ann');
  } finally {
    await db.destroy();
  }
}, 60_000);
