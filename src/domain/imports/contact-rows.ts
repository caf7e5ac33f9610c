import { BUYING_ROLES, CONSENTS, type ContactFields, LIFECYCLES } from '../contact.js';
import { choice, email, name, optionalText, owner, phone } from '../fields.js';
import type { RowSchema } from '../row-schema.js';
import { CellReader, type RefCell, type Vocabulary } from './cells.js';

/**
 * The fields of a contact row: the columns `crm export contacts` writes (and reads back), which a preset or --map
 * may read from other columns. A vCard import fills the same fields.
 */
export const CONTACT_FIELDS = ['id', 'uuid', 'name', 'emails', 'phones', 'title', 'company', 'companyUuid', 'role', 'reportsTo',
  'reportsToUuid', 'source', 'lifecycle', 'consent', 'doNotContact', 'wallet', 'currency', 'tags', 'owner', 'notes', 'externalId'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** The fields of a contact a row may set; a field the row leaves empty is not set (an update keeps its value). */
export type ContactSettable = Pick<ContactFields, 'name' | 'title' | 'role' | 'source' | 'lifecycle' | 'consent' | 'doNotContact' |
  'wallet' | 'owner' | 'notes' | 'externalId'>;

/** One checked contact row. */
export interface ContactRow {
  /** The id and uuid a crm export gives: the uuid matches first; a new record keeps both when they are free. */
  id: number | null;
  uuid: string | null;
  externalId: string | null;
  name: string;
  emails: string[];
  phones: string[];
  tags: string[];
  /** The company they work for: found by uuid, id, exact name, domain or external id, or else created. */
  company: RefCell | null;
  /** Their manager: a contact found by uuid, id, exact name, email or external id, in the database or in the file. */
  reportsTo: RefCell | null;
  /** The fields the row gives (name always). */
  set: Partial<ContactSettable> & { name: string };
}

const role = choice(BUYING_ROLES, 'buying role');
const lifecycle = choice(LIFECYCLES, 'lifecycle stage');
const consent = choice(CONSENTS, 'consent state');

export interface RowOptions<F extends string> {
  /** The currency of amounts without one (config currency). */
  currency: string;
  /** A preset's words for values (HubSpot's lifecycle stages, Google's system labels). */
  words?: Vocabulary<F>;
}

/** Contact rows: a name is required; everything else is read when its column is there and its cell not empty. */
export function contactRows(o: RowOptions<ContactField>): RowSchema<ContactField, ContactRow> {
  return {
    fields: CONTACT_FIELDS,
    required: ['name'],
    mapExamples: ['name="Full Name"', 'emails=Email'],
    parse(cell) {
      const r = new CellReader(cell, o.words);
      const row = readContact(r, o.currency);
      return r.problems.length ? { problems: r.problemsIn(CONTACT_FIELDS) } : { row: row! };
    },
  };
}

/** A contact row from its cells; null when the name is missing (a problem is recorded). */
export function readContact(r: CellReader<ContactField>, currency: string): ContactRow | null {
  const given = r.checked('name', name);
  if (given === undefined && r.text('name') === '') r.fail('name', 'is empty; every contact needs a name');
  const money = r.money('wallet', 'currency', currency);
  const set: ContactRow['set'] = { name: given ?? '' };
  const put = <K extends keyof ContactSettable>(k: K, v: ContactSettable[K] | undefined) => {
    if (v !== undefined) set[k] = v;
  };
  put('title', r.read('title', (t) => optionalText.parse(t)));
  put('role', r.checked('role', role));
  put('source', r.read('source', (t) => optionalText.parse(t)));
  put('lifecycle', r.checked('lifecycle', lifecycle));
  put('consent', r.checked('consent', consent));
  put('doNotContact', r.bool('doNotContact'));
  put('wallet', money);
  put('owner', r.checked('owner', owner));
  put('notes', r.read('notes', (t) => optionalText.parse(t)));
  const externalId = r.read('externalId', (t) => t.trim()) ?? null;
  if (externalId !== null) set.externalId = externalId;
  const row: ContactRow = {
    id: r.id('id'), uuid: r.uuid('uuid'), externalId, name: set.name,
    emails: r.list('emails', email), phones: r.list('phones', phone), tags: r.tags('tags'),
    company: r.ref('company', 'companyUuid'), reportsTo: r.ref('reportsTo', 'reportsToUuid'), set,
  };
  return given === undefined ? null : row;
}
