import type { Generated } from 'kysely';

/** Table shapes as Kysely sees them. Money is integer minor units; times are ISO 8601 text in UTC. */
interface Stamped {
  created_at: string;
  updated_at: string;
  created_by: string;
  updated_by: string;
}

export interface CompanyTable extends Stamped {
  id: Generated<number>;
  name: string;
  name_key: string;
  domain: string | null;
  industry: string | null;
  size: number | null;
  address: string | null;
  wallet_minor: number | null;
  currency: string | null;
  owner: string;
  notes: string | null;
  external_id: string | null;
}

export interface ContactTable extends Stamped {
  id: Generated<number>;
  name: string;
  name_key: string;
  title: string | null;
  company_id: number | null;
  role: string | null;
  reports_to_id: number | null;
  source: string | null;
  lifecycle: string;
  consent: string;
  do_not_contact: number;
  wallet_minor: number | null;
  currency: string | null;
  owner: string;
  notes: string | null;
  external_id: string | null;
}

export interface ContactEmailTable {
  contact_id: number;
  email: string;
  position: number;
}

export interface ContactPhoneTable {
  contact_id: number;
  phone: string;
  position: number;
}

export interface TagTable {
  entity: string;
  entity_id: number;
  tag: string;
}

export interface ChangeSetTable {
  id: Generated<number>;
  at: string;
  actor: string;
  command: string;
}

export interface JournalTable {
  id: Generated<number>;
  change_set_id: number;
  entity: string;
  entity_id: number;
  action: string;
  before: string | null;
  after: string | null;
}

export interface DB {
  company: CompanyTable;
  contact: ContactTable;
  contact_email: ContactEmailTable;
  contact_phone: ContactPhoneTable;
  tag: TagTable;
  change_set: ChangeSetTable;
  journal: JournalTable;
}
