import { ONE_LINE, problem, tag, visible } from '../check.js';
import { BUYING_ROLES, type BuyingRole } from '../contact.js';
import { choice, email, LIMITS, phone } from '../fields.js';
import { FieldProblem, type RowSchema } from '../row-schema.js';
import type { ReadCard } from './card.js';

/**
 * A card as the import runner's record: one cell per field, lists one value a line (no email, phone or tag holds a
 * line break that is not a mistake). The runner reads, checks and reports a card like a CSV row; the column each
 * field "comes from" is the vCard property, so that problems name it: `line 12: emails (EMAIL) "x" is not ...`.
 */
export const CARD_FIELDS = ['kind', 'uid', 'name', 'emails', 'phones', 'title', 'company', 'role', 'manager', 'managerUid',
  'tags', 'notes', 'externalId', 'line'] as const;
export type CardField = (typeof CARD_FIELDS)[number];

/** The vCard property each field is read from: the column the runner names in problems. */
export const CARD_COLUMNS: Record<CardField, string> = {
  kind: 'KIND', uid: 'UID', name: 'FN', emails: 'EMAIL', phones: 'TEL', title: 'TITLE', company: 'ORG', role: 'X-CRM-ROLE',
  manager: 'RELATED', managerUid: 'RELATED UID', tags: 'CATEGORIES', notes: 'NOTE', externalId: 'X-CRM-EXTERNAL-ID', line: 'BEGIN',
};

/** The runner's record of a card, by the columns of CARD_COLUMNS. */
export function cardRecord(card: ReadCard): Record<string, string> {
  const cells: Record<CardField, string> = {
    kind: card.kind, uid: card.uid ?? '', name: card.name || (card.kind === 'org' ? card.company ?? '' : ''),
    emails: card.emails.join('\n'), phones: card.phones.join('\n'), title: card.title ?? '', company: card.company ?? '',
    role: card.role ?? '', manager: card.manager?.name ?? '', managerUid: card.manager?.uid ?? '', tags: card.categories.join('\n'),
    notes: card.note ?? '', externalId: card.externalId ?? '', line: String(card.line),
  };
  return Object.fromEntries(CARD_FIELDS.map((f) => [CARD_COLUMNS[f], cells[f]]));
}

export interface CardRow {
  /** A person (a contact), an organisation (a company: 4.0 KIND:org, Apple's company cards) or neither (a group). */
  kind: 'contact' | 'company' | 'other';
  line: number;
  /** The card's UID as given (a crm uuid, or another program's id). */
  uid: string | null;
  name: string;
  emails: string[];
  phones: string[];
  title: string | null;
  company: string | null;
  role: BuyingRole | null;
  manager: { name: string | null; uid: string | null } | null;
  tags: string[];
  notes: string | null;
  externalId: string | null;
}

/**
 * A category as a crm tag: lower case, spaces and punctuation tags do not allow as '-' ("Key Account" is
 * key-account, "Friends & Family" friends-family); one that leaves nothing ("★") is dropped.
 */
export function categoryTag(category: string): string | null {
  const t = category.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}_.:-]+/gu, '-').replace(/^[^\p{L}\p{N}]+|-+$/gu, '').slice(0, 50).replace(/-+$/, '');
  return t && problem(tag, t) === null ? t : null;
}

const role = choice(BUYING_ROLES, 'buying role');
const lines = (text: string) => (text === '' ? [] : text.split('\n').map((s) => s.trim()).filter(Boolean));
const oneLine = (field: CardField, value: string) =>
  (ONE_LINE.control.test(value) ? new FieldProblem(field, `"${visible(value)}" ${ONE_LINE.message.replace('; ', ' (')})`)
    : tooLong(field, value, LIMITS.name));

/** The limits of fields.ts hold for a card as for a flag: a card cannot bring in a name a flag would refuse. */
const tooLong = (field: CardField, value: string, max: number) =>
  (value.length > max ? new FieldProblem(field, `is too long (${value.length.toLocaleString('en')} characters; keep it to ${max.toLocaleString('en')})`) : null);

/** Every problem of a card, each naming its field (the runner adds the line and the property). */
export const cardRows: RowSchema<CardField, CardRow> = {
  fields: CARD_FIELDS,
  required: [],
  mapExamples: [],
  parse(cell) {
    const problems: FieldProblem<CardField>[] = [];
    const kind = cell('kind') === 'org' ? 'company' : ['individual', ''].includes(cell('kind')) ? 'contact' : 'other';
    const name = cell('name');
    if (kind !== 'other' && name === '') {
      problems.push(new FieldProblem('name', 'is missing: the card has no FN, N or ORG (give it a name)'));
    }
    for (const field of ['name', 'title', 'company', 'manager'] as const) {
      const p = oneLine(field, cell(field));
      if (p) problems.push(p);
    }
    const longNotes = tooLong('notes', cell('notes'), LIMITS.text);
    if (longNotes) problems.push(longNotes);
    const emails: string[] = [];
    for (const e of lines(cell('emails'))) {
      const p = problem(email, e);
      if (p) problems.push(new FieldProblem('emails', `"${visible(e)}" ${p.what}${p.fix ? ` (${p.fix})` : ''}`));
      else emails.push(e.toLowerCase());
    }
    const phones: string[] = [];
    for (const t of lines(cell('phones'))) {
      const p = problem(phone, t);
      if (p) problems.push(new FieldProblem('phones', `"${visible(t)}" ${p.what}${p.fix ? ` (${p.fix})` : ''}`));
      else phones.push(t);
    }
    let buyingRole: BuyingRole | null = null;
    if (cell('role')) {
      const p = problem(role, cell('role'));
      if (p) problems.push(new FieldProblem('role', `"${visible(cell('role'))}" ${p.what}${p.fix ? ` (${p.fix})` : ''}`));
      else buyingRole = role.parse(cell('role'));
    }
    if (problems.length) return { problems };
    const manager = cell('manager') || cell('managerUid') ? { name: cell('manager') || null, uid: cell('managerUid') || null } : null;
    return {
      row: {
        kind, line: Number(cell('line')), uid: cell('uid') || null, name, emails: [...new Set(emails)], phones, title: cell('title') || null,
        company: cell('company') || null, role: buyingRole, manager,
        tags: [...new Set(lines(cell('tags')).map(categoryTag).filter((t): t is string => t !== null))].sort(),
        notes: cell('notes') || null, externalId: cell('externalId') || null,
      },
    };
  },
};
