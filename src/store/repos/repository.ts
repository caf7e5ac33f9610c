import type { Kysely } from 'kysely';
import type { Activities } from './activities.js';
import type { Contacts } from './contacts.js';
import type { Deals } from './deals.js';
import type { EngineSql } from './engine.js';
import type { Followups } from './followups.js';
import type { Journal } from './journal.js';
import type { Orders } from './orders.js';
import type { DB } from '../schema.js';

/** The repositories that a removal or merge reaches into: what points at a company, contact, deal or stage. */
export interface Linked {
  readonly contacts: Contacts;
  readonly deals: Deals;
  readonly activities: Activities;
  readonly followups: Followups;
  readonly orders: Orders;
}

/** One connection as the repositories share it: the query builder, the engine's own SQL, and inside a write its journal. */
export interface Session {
  readonly db: Kysely<DB>;
  readonly engine: EngineSql;
  readonly journal?: Journal;
  readonly linked: Linked;
}

/**
 * What every repository holds: the connection, and inside a write the journal of that write's change set.
 * Reads work without a journal; a write without one is a programming error.
 */
export abstract class Repository {
  protected readonly db: Kysely<DB>;

  constructor(private readonly session: Session) {
    this.db = session.db;
  }

  protected get j(): Journal {
    if (!this.session.journal) throw new Error('write outside a transaction');
    return this.session.journal;
  }

  protected get engine(): EngineSql {
    return this.session.engine;
  }

  protected get linked(): Linked {
    return this.session.linked;
  }
}
