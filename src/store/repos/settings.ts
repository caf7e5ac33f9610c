import { Repository } from './repository.js';

/**
 * The settings a team shares (domain/config.ts SHARED_KEYS), one row per key holding its value as JSON. On a team
 * server only an admin may write them (migration 0007's grants); everyone reads them.
 */
export class Settings extends Repository {
  /** Every stored setting, by key, in one query: what a command that uses settings reads once. */
  async all(): Promise<Record<string, unknown>> {
    const rows = await this.db.selectFrom('setting').select(['key', 'value']).execute();
    return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  }

  /** Inside a write: stores `value` under `key`, journaled with the value it replaces. */
  async set(key: string, value: unknown): Promise<void> {
    const before = (await this.all())[key];
    const row = { value: JSON.stringify(value), ...this.j.updated() };
    await this.db.insertInto('setting').values({ key, ...row }).onConflict((oc) => oc.column('key').doUpdateSet(row)).execute();
    await this.j.record('setting', 0, before === undefined ? 'create' : 'update', before === undefined ? null : { key, value: before }, { key, value });
  }

  /** Inside a write: removes `key` (back to its default); false when it was not stored. */
  async remove(key: string): Promise<boolean> {
    const before = (await this.all())[key];
    if (before === undefined) return false;
    await this.db.deleteFrom('setting').where('key', '=', key).execute();
    await this.j.record('setting', 0, 'delete', { key, value: before }, null);
    return true;
  }
}
