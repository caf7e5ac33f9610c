import type { CompanyFields } from '../../../domain/company.js';
import type { RefCell } from '../../../domain/imports/cells.js';
import { findRef, type Found, KeyQueue, type MatchedBy, RecordIndex } from '../../../domain/imports/match.js';
import { FieldProblem } from '../../../domain/row-schema.js';
import { offRoster } from '../../../domain/team.js';
import type { Identity } from '../../../store/journal.js';
import type { Repos } from '../../../store/store.js';
import { type ImportKind, type ImportSummary, type Outcome, Tally } from '../../../domain/imports/summary.js';

export { type ImportKind, type ImportSummary, type Outcome, Tally };

/** What a target needs of the run besides the store. */
export interface TargetOptions {
  /** The file as the user named it ('-': standard input). */
  file: string;
  /** The preset the columns were read with, if any. */
  preset: string | null;
  /** Matched records take the row's fields (--update); otherwise they are left as they are. */
  update: boolean;
  dryRun: boolean;
  /** Who imports: the owner of what the file does not give an owner. */
  user: string;
  now: Date;
  /** The currency of amounts the file gives none for (--currency, else config). */
  currency: string;
  /** A new contact may have an email of a person who was erased (--allow-forgotten: they asked to come back). */
  allowForgotten?: boolean;
}

/** A record a row matched (by what), or null: the row is new. */
export type Matched = { id: number; by: MatchedBy } | null;

/** The ids a new record may keep: not taken, and never taken by a record deleted since (its history is its own). */
export class IdKeeper {
  constructor(private readonly index: RecordIndex, private readonly journaled: Set<number>) {}

  identity(id: number | null, uuid: string | null): Identity {
    const keep = id !== null && !this.index.has(id) && !this.journaled.has(id);
    return { id: keep ? id : null, uuid };
  }
}

/** Placeholder ids for what a dry run would create, so that later rows find it; never written. */
export class DryIds {
  private next = -1;
  take(): number {
    return this.next--;
  }
}

const named = (index: RecordIndex, ids: number[]) => ids.slice(0, 5).map((id) => `#${id} ${index.get(id)?.name ?? ''}`.trim()).join(', ')
  + (ids.length > 5 ? `, and ${ids.length - 5} more` : '');

/** The problem of a row whose keys name several records. */
export function ambiguous<F extends string>(field: F, what: string, index: RecordIndex, found: { ids: number[]; by: MatchedBy }, fix: string): FieldProblem<F> {
  return new FieldProblem(field, `matches ${found.ids.length} ${what} by ${found.by === 'externalId' ? 'external id' : found.by}: ${named(index, found.ids)}; ${fix}`);
}

/** The row's record, its ambiguity as a problem of `field`, or null (new). */
export function matchOf<F extends string>(found: Found, field: F, what: string, index: RecordIndex, fix: string): Matched | FieldProblem<F> {
  if (found === null) return null;
  return 'ids' in found ? ambiguous(field, what, index, found, fix) : found;
}

/** A reference cell resolved to a record, or what is wrong with it; undefined when the row has no such reference. */
export function refOf<F extends string>(index: RecordIndex, ref: RefCell | null, field: F, what: string, missing: string):
  number | FieldProblem<F> | undefined {
  if (ref === null) return undefined;
  const found = findRef(index, ref);
  const shown = `"${ref.text ?? ref.uuid}"`;
  if (found === null) return new FieldProblem(field, `${shown} is not a known ${what}; ${missing}`);
  if ('ids' in found) return new FieldProblem(field, `${shown} matches ${found.ids.length} ${what}s: ${named(index, found.ids)}; use the id or uuid`);
  return found.id;
}

/** A company named in a contact or deal row: one that exists, one to create, or none named. */
export type CompanyPick = { id: number } | { create: string } | null;

/**
 * The companies an import's rows name: found by uuid, id, exact name, domain or external id; a name nothing matches
 * is a company to create (once: later rows find it). Its new records are counted in the tally.
 */
export class CompanyBook {
  private constructor(readonly index: RecordIndex, private readonly keeper: IdKeeper, private readonly repos: Repos,
    private readonly o: TargetOptions, private readonly tally: Tally, private readonly dry: DryIds) {}

  static async load(repos: Repos, o: TargetOptions, tally: Tally, dry: DryIds): Promise<CompanyBook> {
    const index = new RecordIndex();
    for (const c of await repos.transfer.companyKeys()) index.add(c);
    return new CompanyBook(index, new IdKeeper(index, await repos.transfer.journaledIds('company')), repos, o, tally, dry);
  }

  identity(id: number | null, uuid: string | null): Identity {
    return this.keeper.identity(id, uuid);
  }

  /** The company a reference names; with `create`, a name nothing matches is one to create. */
  pick<F extends string>(ref: RefCell | null, field: F, create: boolean): CompanyPick | FieldProblem<F> {
    if (ref === null) return null;
    const found = findRef(this.index, ref);
    if (found && 'ids' in found) {
      return new FieldProblem(field, `"${ref.text ?? ref.uuid}" matches ${found.ids.length} companies: ${named(this.index, found.ids)}; use the id or uuid`);
    }
    if (found) return { id: found.id };
    if (ref.text === null || /^#?\d{1,15}$/.test(ref.text) || !create) {
      return new FieldProblem(field, `"${ref.text ?? ref.uuid}" is not a known company; ${create ? 'give its name' : 'import companies first (crm import companies FILE), or correct the name'}`);
    }
    if (/[\p{Cc}\u2028\u2029]/u.test(ref.text)) return new FieldProblem(field, `"${ref.text}" contains a line break or control character; write it as one line`);
    return { create: ref.text };
  }

  /** The id of a picked company, creating it (or in a dry run, counting it) first. */
  async id(pick: CompanyPick, line: number): Promise<number | null> {
    if (pick === null) return null;
    if ('id' in pick) return pick.id;
    // A company an earlier row created is found by name now.
    const again = findRef(this.index, { uuid: null, text: pick.create });
    if (again && 'id' in again) return again.id;
    let id: number;
    if (this.o.dryRun) id = this.dry.take();
    else {
      const fields: CompanyFields = { name: pick.create, domain: null, industry: null, size: null, address: null, wallet: null,
        owner: this.o.user, notes: null, externalId: null, tags: [] };
      id = (await this.repos.companies.create(fields)).id;
    }
    this.index.add({ id, name: pick.create });
    this.tally.companiesCreated.push({ line, id: id < 0 ? null : id, name: pick.create });
    return id;
  }
}

/** The union of two lists, the first's items first. */
export const union = <T>(a: readonly T[], b: readonly T[]): T[] => [...new Set([...a, ...b])];

/** Every contact by its keys, and each one's company, for the references of other kinds' rows. */
export async function contactIndex(repos: Repos): Promise<{ index: RecordIndex; companyOf: Map<number, number | null> }> {
  const index = new RecordIndex();
  const companyOf = new Map<number, number | null>();
  for (const c of await repos.transfer.contactKeys()) {
    index.add(c);
    companyOf.set(c.id, c.companyId);
  }
  return { index, companyOf };
}

/** Every deal by uuid and title (a title matches within its company), and each one's company. */
export async function dealIndex(repos: Repos): Promise<{ index: RecordIndex; companyOf: Map<number, number | null> }> {
  const index = new RecordIndex();
  const companyOf = new Map<number, number | null>();
  for (const d of await repos.transfer.dealKeys()) {
    index.add({ ...d, scope: d.companyId });
    companyOf.set(d.id, d.companyId);
  }
  return { index, companyOf };
}

/** The links of an activity or follow-up row: each reference must name a record that exists. */
export function linksOf<F extends string>(row: { contact: RefCell | null; company: RefCell | null; deal: RefCell | null },
  refs: { contacts: RecordIndex; companies: RecordIndex; deals: RecordIndex }, fields: Record<'contact' | 'company' | 'deal', F>):
  { contactId: number | null; companyId: number | null; dealId: number | null } | FieldProblem<F> {
  const contact = refOf(refs.contacts, row.contact, fields.contact, 'contact', 'import contacts first (crm import contacts FILE), or correct it');
  if (contact instanceof FieldProblem) return contact;
  const company = refOf(refs.companies, row.company, fields.company, 'company', 'import companies first (crm import companies FILE), or correct it');
  if (company instanceof FieldProblem) return company;
  const deal = refOf(refs.deals, row.deal, fields.deal, 'deal', 'import deals first (crm import deals FILE), or correct it');
  if (deal instanceof FieldProblem) return deal;
  return { contactId: contact ?? null, companyId: company ?? null, dealId: deal ?? null };
}

/**
 * Records without a name (activities, follow-ups, orders): by uuid, else one for one by what they say (KeyQueue).
 */
export class UnnamedBook {
  private readonly byUuid = new Map<string, number>();
  private readonly queue = new KeyQueue();
  readonly ids = new Set<number>();

  add(id: number, uuid: string | null, key: string | null): void {
    if (uuid) this.byUuid.set(uuid, id);
    if (key !== null) this.queue.add(key, id);
    this.ids.add(id);
  }

  /** The record a row means: its uuid's, else `other`'s (an order's reference), else the next record with its key; null: a new one. */
  match(uuid: string | null, key: string, other?: Matched): Matched {
    const byUuid = uuid ? this.byUuid.get(uuid) : undefined;
    const found: Matched = byUuid !== undefined ? { id: byUuid, by: 'uuid' } : other ?? null;
    if (found) {
      this.queue.remove(found.id);
      return found;
    }
    const id = this.queue.take(key);
    return id === undefined ? null : { id, by: 'content' };
  }

  /** A record this import wrote: its uuid names it for later rows (a file that names it twice). */
  created(id: number, uuid: string | null): void {
    if (uuid) this.byUuid.set(uuid, id);
    this.ids.add(id);
  }
}

/**
 * The owner a row names must be on the team's roster, as --owner's must: a file from another database names people
 * this one has not added yet, and each such row is refused with the name to add (crm team add NAME).
 */
export async function rosterOf(repos: Repos, o: TargetOptions): Promise<(owner: string | undefined) => FieldProblem | null> {
  const names = (await repos.team.roster(o.user)).map((m) => m.name);
  return (owner) => {
    const off = owner === undefined ? null : offRoster(owner, names);
    return off && new FieldProblem('owner', `${off.what}; ${off.fix}`);
  };
}
