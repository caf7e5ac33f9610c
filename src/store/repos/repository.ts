import type { Kysely } from 'kysely';
import type { Journal } from './journal.js';
import type { DB } from '../schema.js';

/**
 * What every repository holds: the connection, and inside a write the journal of that write's change set.
 * Reads work without a journal; a write without one is a programming error.
 */
export abstract class Repository {
  constructor(protected readonly db: Kysely<DB>, private readonly journal?: Journal) {}

  protected get j(): Journal {
    if (!this.journal) throw new Error('write outside a transaction');
    return this.journal;
  }
}
