import { type Kysely, type RawBuilder, sql } from 'kysely';
import { groupByParent } from './batch.js';
import type { EngineSql } from './engine.js';
import type { DB } from '../schema.js';

export type Tagged = 'company' | 'contact';

export function tagsFor(db: Kysely<DB>, engine: EngineSql, entity: Tagged, ids: readonly number[]): Promise<Map<number, string[]>> {
  return groupByParent(ids, (chunk) => {
    let q = db.selectFrom('tag').select(['entity_id', 'tag']).where('entity', '=', entity);
    if (chunk !== 'all') q = q.where('entity_id', 'in', chunk);
    return engine.tuples(q.orderBy('entity_id').orderBy('tag'), ['entity_id', 'tag']);
  });
}

export async function setTags(db: Kysely<DB>, entity: Tagged, id: number, tags: readonly string[]): Promise<void> {
  await db.deleteFrom('tag').where('entity', '=', entity).where('entity_id', '=', id).execute();
  if (tags.length) {
    await db.insertInto('tag').values(tags.map((tag) => ({ entity, entity_id: id, tag }))).execute();
  }
}

/** Ids that carry every one of `tags`. */
export function withAllTags(entity: Tagged, tags: readonly string[]) {
  return sql<{ entity_id: number }>`select entity_id from tag where entity = ${entity} and tag in (${sql.join(tags)})
    group by entity_id having count(*) = ${tags.length}`;
}

/** `column IN (subquery)` for subqueries Kysely's typed builder cannot express (FTS tables, raw SQL). */
export function inSubquery(column: string, subquery: RawBuilder<unknown>): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} in (${subquery})`;
}
