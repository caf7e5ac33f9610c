import type { CompiledQuery, RawBuilder, SqlBool } from 'kysely';
import type { SearchKind } from '../../domain/reference.js';
import type { Search } from '../search.js';
import type { TeamRole } from '../../domain/team.js';

/** The full-text index as the repositories keep it current. */
export interface SearchIndex extends Search {
  put(kind: SearchKind, id: number, title: string, body: string[]): Promise<void>;
  remove(kind: SearchKind, id: number): Promise<void>;
  /** A subquery of the ids of one kind whose text matches, for list filters. */
  matchingIds(kind: SearchKind, text: string): RawBuilder<{ ref_id: number }>;
}

/**
 * What the shared repositories need that each engine does its own way, bound to one connection: everything else
 * they write in Kysely, which speaks both SQLite and PostgreSQL.
 */
export interface EngineSql {
  /**
   * A select's rows as arrays of `columns`, in order: the fastest way the engine has to hand over many rows (SQLite
   * and PostgreSQL can both build one JSON array per row).
   */
  tuples(query: { compile(): CompiledQuery }, columns: readonly string[]): Promise<unknown[][]>;
  /**
   * A whole-table read as columns: one array per column, row i of each array from the same row (order otherwise
   * arbitrary). The engine aggregates each column into one JSON array (json_group_array, json_agg), so the driver
   * hands over one value instead of 100,000 rows and no per-row array is made: about three times faster than
   * `tuples` on 100,000 rows, and far less garbage. What the duplicate finder reads.
   */
  columns(query: { compile(): CompiledQuery }, columns: readonly string[]): Promise<unknown[][]>;
  /**
   * One column of a select, in the select's order, as one array: how a long list reads the ids it then loads a batch
   * at a time (100,000 ids as one value instead of 100,000 rows).
   */
  ordered(query: { compile(): CompiledQuery }, column: string): Promise<unknown[]>;
  readonly search: SearchIndex;
  /** `text` occurs in `column` as it is, no wildcards (instr in SQLite, strpos in PostgreSQL). */
  contains(column: string, text: string): RawBuilder<SqlBool>;
  /**
   * A long list reads its records' child tables (emails, phones, tags) whole, once, instead of by id batch by batch:
   * PostgreSQL pays an index lookup per row for a batch of ids in name order, SQLite hardly (its memory stays flat).
   */
  readonly scansForLongLists: boolean;
  /**
   * Contacts `ids`, in that order, `size` at a time (one deleted meanwhile left out), each as the text of
   * JSON.stringify(contactJson(c)) with `separator` between two: for an engine that writes that text itself faster
   * than JavaScript makes the objects and then the text (SQLite's json_object, PostgreSQL's row_to_json).
   */
  contactTexts(ids: readonly number[], size: number, separator: string): ContactTexts;
  /** `column` as a query names it when its index must not be used (SQLite's unary plus; PostgreSQL plans for itself). */
  unindexed(column: string): RawBuilder<unknown>;
  /** On a team server: the login roles of the team, changed with the roster. */
  readonly roles?: ServerRoles;
}

/**
 * Batches of contacts as JSON text: `count` contacts, joined by the separator asked for, as one text or as its UTF-8
 * bytes (which go to stdout without being decoded and encoded again).
 */
export type ContactTexts = AsyncGenerator<{ count: number; text: string | Uint8Array }>;

/** A team server's logins: each member a role in one of the groups crm_rep, crm_manager, crm_admin. */
export interface ServerRoles {
  create(name: string, role: TeamRole, password: string | undefined): Promise<void>;
  setRole(name: string, before: TeamRole | null, role: TeamRole): Promise<void>;
  /** No longer able to log in, and in no group; the role stays, as the owner and author of what they did. */
  disable(name: string, before: TeamRole | null): Promise<void>;
}
