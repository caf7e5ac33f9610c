import type { NamedKind } from '../domain/completion.js';

/** What `crm __complete KIND` reads live, from the database (or, for reasons and segments, the shared settings). */
export const LIVE_KINDS = ['contact', 'company', 'deal', 'ref', 'customer', 'stage', 'open-stage', 'followup', 'tag', 'owner', 'reason', 'segment'] as const;
export type LiveKind = (typeof LIVE_KINDS)[number];

export const isLiveKind = (kind: string): kind is LiveKind => (LIVE_KINDS as readonly string[]).includes(kind);

/** The kinds of record each kind of reference names, by name or id. */
export const RECORDS_OF: Record<'contact' | 'company' | 'deal' | 'followup' | 'ref' | 'customer', NamedKind[]> = {
  contact: ['contact'], company: ['company'], deal: ['deal'], followup: ['followup'],
  ref: ['contact', 'company', 'deal'], customer: ['company', 'contact'],
};
