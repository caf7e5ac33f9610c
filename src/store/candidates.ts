import type { Alias, Found, NamedKind } from '../domain/completion.js';
import type { Env } from '../io/terminal.js';
import type { DbLocation } from './location.js';
import { openSqliteCandidates } from './sqlite/candidates.js';

export interface StageChoice {
  name: string;
  outcome: string;
  probability: number;
}

/**
 * Names and ids by prefix for shell completion. Every Tab runs one of these, so an engine answers each from an index
 * range on a connection that can only read, and opening one creates, migrates and writes nothing.
 */
export interface Candidates {
  /** Records whose name key starts with `key`, in key order (ask for one more than you keep, to know if it was cut). */
  byName(kind: NamedKind, key: string, limit: number): Promise<Found[]>;
  /** Records whose id starts with `digits` (12, 120-129, 1200-1299, ...), in id order. */
  byId(kind: NamedKind, digits: string, limit: number): Promise<Found[]>;
  /**
   * Records that `texts` name by something other than their name: a company's domain or external id, a contact's
   * email or external id (the resolver matches those too, so such a name is not unique).
   */
  aliases(kind: NamedKind, texts: readonly string[]): Promise<Alias[]>;
  /** Every stage, in pipeline order. */
  stages(): Promise<StageChoice[]>;
  /** Tags of companies and contacts that start with `prefix` (tags are lower case). */
  tags(prefix: string, limit: number): Promise<string[]>;
  /** The settings the team shares, by key (JSON-parsed); fails on a schema from before they were stored. */
  settings(): Promise<Record<string, unknown>>;
  /** Everyone who owns a company, contact or deal. */
  owners(limit: number): Promise<string[]>;
  close(): void;
}

/**
 * Opens the database at `location` for completion only; undefined when there is none. An older schema or another
 * program's file fails on the first query, which the caller takes as "nothing to offer". The caller loads this module
 * only when it completes records, so a Tab on anything else pays for no driver. (With a second engine, its module is
 * imported here when the location names it.)
 */
export async function openCandidates(location: DbLocation, env: Env = process.env): Promise<Candidates | undefined> {
  if (location.url) {
    const { openPgCandidates } = await import('./postgres/candidates.js');
    return openPgCandidates(location.url, env);
  }
  return openSqliteCandidates(location.path);
}
