import { existsSync, statSync } from 'node:fs';
import type { Context } from '../../context.js';
import type { Company } from '../../domain/company.js';
import type { Contact, ContactFields } from '../../domain/contact.js';
import { unique } from '../../domain/fields.js';
import { reportingLoop } from '../../domain/orgchart.js';
import { unchanged } from '../../domain/record.js';
import { describeCandidate, nameKey } from '../../domain/reference.js';
import { FieldProblem } from '../../domain/row-schema.js';
import { CARD_COLUMNS, type CardField, type CardRow, cardRows } from '../../domain/vcard/import.js';
import { invalid } from '../../errors.js';
import { type ImportTarget, runImport } from '../../io/import/runner.js';
import { vcardRecords } from '../../io/import/vcard.js';
import { cardImportDone, cardImportView, type CardImportSummary, managersNotFoundWarning } from '../../output/views/vcard.js';
import type { Repos } from '../../store/store.js';
import type { ImportInput } from './spec.js';

/** A person the import knows: in crm already, or added by an earlier card (in a dry run, only to be added: no id). */
interface Person {
  id: number | null;
  name: string;
  contact: Contact | null;
}

type Match =
  | { kind: 'other' }
  | { kind: 'company'; company: Company | null }
  | { kind: 'contact'; person: Person | null; companyId: number | 'new' | null };

/** Values by key, several per key: a name two contacts share matches neither. */
class Index<T> {
  private map = new Map<string, T[]>();
  get(key: string | null | undefined): T[] {
    return key ? this.map.get(key) ?? [] : [];
  }
  add(key: string | null | undefined, value: T): void {
    if (!key) return;
    const list = this.map.get(key) ?? [];
    if (!list.includes(value)) this.map.set(key, [...list, value]);
  }
  remove(key: string | null | undefined, value: T): void {
    if (key) this.map.set(key, this.get(key).filter((v) => v !== value));
  }
}

const who = (p: Person) => (p.id === null ? `${p.name} (a card above)` : describeCandidate({ kind: 'contact', id: p.id, name: p.name }, false));

/**
 * Contacts from vCards on the import runner: every card is checked and matched before anything is written, all in
 * one transaction. A card is the contact with its UID, else with one of its emails, else with its external id, else
 * with its exact name; otherwise it is added. Managers are linked after the last card (a manager may come later in
 * the file).
 */
class CardImport implements ImportTarget<CardRow, Match, CardImportSummary> {
  private byUuid = new Index<Person>();
  private byEmail = new Index<Person>();
  private byExternalId = new Index<Person>();
  private byName = new Index<Person>();
  private companies = new Index<Company | string>();
  /** The people of this file: by the card's own UID (another program's too, which RELATED may name) and name. */
  private fileByUid = new Index<Person>();
  private fileByName = new Index<Person>();
  private written: { row: CardRow; person: Person; changed: boolean }[] = [];
  /** People an earlier card of this file already is: another card with their name is someone else. */
  private claimed = new Set<Person>();
  private counts = { added: 0, updated: 0, unchanged: 0, companiesAdded: 0, companiesUpdated: 0, skipped: 0 };

  /** Whether an email belonged to a person who was erased (crm contact forget). */
  private erased: (email: string) => boolean = () => false;

  constructor(private repos: Repos, private o: { file: string; dryRun: boolean; update: boolean; owner: string; allowForgotten?: boolean }) {}

  async load(): Promise<this> {
    if (!this.o.allowForgotten) this.erased = await this.repos.forget.checker();
    for (const c of await this.repos.contacts.list()) this.remember({ id: c.id, name: c.name, contact: c });
    for (const c of await this.repos.companies.list()) this.companies.add(nameKey(c.name), c);
    return this;
  }

  private remember(p: Person, forget?: Contact): void {
    if (forget) {
      for (const e of forget.emails) this.byEmail.remove(e, p);
      this.byExternalId.remove(forget.externalId, p);
      this.byName.remove(nameKey(forget.name), p);
    }
    if (p.contact) this.byUuid.add(p.contact.uuid, p);
    for (const e of p.contact?.emails ?? []) this.byEmail.add(e, p);
    this.byExternalId.add(p.contact?.externalId, p);
    this.byName.add(nameKey(p.name), p);
  }

  /** Who the card is: UID, then emails, then external id, then exact name (null: nobody yet); a problem when that is unclear. */
  private person(row: CardRow): Person | null | FieldProblem<CardField> {
    const one = (found: Person[], field: CardField, what: string): Person | FieldProblem<CardField> | null => {
      if (found.length > 1) {
        return new FieldProblem(field, `${what} matches ${found.length} contacts: ${found.map(who).join(', ')} (merge them first: crm contact merge KEEP DUP)`);
      }
      return found[0] ?? null;
    };
    const byEmail = unique(row.emails.flatMap((e) => this.byEmail.get(e)));
    const uid = row.uid?.toLowerCase();
    const found = one(this.byUuid.get(uid), 'uid', `UID ${row.uid}`) ?? one(this.fileByUid.get(uid), 'uid', `UID ${row.uid}`)
      ?? one(byEmail, 'emails', `"${row.emails.join(', ')}"`)
      ?? one(this.byExternalId.get(row.externalId), 'externalId', `"${row.externalId}"`)
      ?? one(this.byName.get(nameKey(row.name)).filter((p) => !this.claimed.has(p)), 'name', `"${row.name}"`);
    if (found instanceof FieldProblem || found === null) return found;
    // Emails identify a person: the card may not take one another contact has.
    for (const e of row.emails) {
      const owner = this.byEmail.get(e)[0];
      if (owner && owner !== found) {
        return new FieldProblem('emails', `"${e}" belongs to ${who(owner)}, but the card is ${who(found)} (merge the two first: crm contact merge KEEP DUP)`);
      }
    }
    return found;
  }

  /** The company of this name: stored, 'new' (none yet, or only one an earlier card of a dry run would add), or a problem when several have it. */
  private companyOf(name: string | null, field: CardField): Company | 'new' | null | FieldProblem<CardField> {
    if (name === null) return null;
    const found = this.companies.get(nameKey(name));
    if (found.length > 1) return new FieldProblem(field, `"${name}" matches ${found.length} companies (rename one, e.g. crm company edit ID --name ...)`);
    const c = found[0];
    return c === undefined || typeof c === 'string' ? 'new' : c;
  }

  match(row: CardRow): Match | FieldProblem {
    if (row.kind === 'other') return { kind: 'other' };
    if (row.kind === 'company') {
      const c = this.companyOf(row.name, 'name');
      return c instanceof FieldProblem ? c : { kind: 'company', company: c === 'new' ? null : c };
    }
    const person = this.person(row);
    if (person instanceof FieldProblem) return person;
    const gone = person === null ? row.emails.find((e) => this.erased(e)) : undefined;
    if (gone !== undefined) {
      return new FieldProblem('emails', `"${gone}" belonged to a person who was erased (crm contact forget); pass --allow-forgotten if they asked to be added again`);
    }
    const company = this.companyOf(row.company, 'company');
    if (company instanceof FieldProblem) return company;
    return { kind: 'contact', person, companyId: company === null || company === 'new' ? company : company.id };
  }

  preview(row: CardRow, match: Match): void {
    if (match.kind === 'other') {
      this.counts.skipped += 1;
    } else if (match.kind === 'company') {
      if (match.company === null) {
        if (this.companies.get(nameKey(row.name)).length === 0) this.counts.companiesAdded += 1;
        this.companies.add(nameKey(row.name), row.name);
      } else if (this.o.update) this.counts.companiesUpdated += 1;
    } else {
      if (match.companyId === 'new' && this.companies.get(nameKey(row.company!)).length === 0) {
        this.companies.add(nameKey(row.company!), row.company!);
        this.counts.companiesAdded += 1;
      }
      let person = match.person;
      if (person === null) {
        person = { id: null, name: row.name, contact: null };
        this.byName.add(nameKey(row.name), person);
        for (const e of row.emails) this.byEmail.add(e, person);
        this.byExternalId.add(row.externalId, person);
        this.counts.added += 1;
      } else if (this.o.update) this.counts.updated += 1;
      else this.counts.unchanged += 1;
      this.inFile(row, person, match.person === null || this.o.update);
    }
  }

  private inFile(row: CardRow, person: Person, changed: boolean): void {
    this.fileByUid.add(row.uid?.toLowerCase(), person);
    this.fileByName.add(nameKey(row.name), person);
    this.written.push({ row, person, changed });
    this.claimed.add(person);
  }

  private async company(name: string, row?: CardRow): Promise<Company> {
    const company = await this.repos.companies.create({
      name, domain: null, industry: null, size: null, address: null, wallet: null, owner: this.o.owner,
      notes: row?.notes ?? null, externalId: null, tags: row?.tags ?? [],
    });
    this.companies.add(nameKey(name), company);
    this.counts.companiesAdded += 1;
    return company;
  }

  async write(row: CardRow, match: Match): Promise<void> {
    if (match.kind === 'other') {
      this.counts.skipped += 1;
      return;
    }
    if (match.kind === 'company') {
      if (match.company === null) await this.company(row.name, row);
      else if (this.o.update) {
        const c = match.company;
        const after = await this.repos.companies.update(c, { ...c, notes: row.notes ?? c.notes, tags: unique([...c.tags, ...row.tags]).sort() });
        if (after !== c) this.counts.companiesUpdated += 1;
      }
      return;
    }
    const companyId = match.companyId === 'new' ? (await this.company(row.company!)).id : match.companyId;
    const known = match.person;
    if (known?.contact == null) {
      const fields: ContactFields = {
        name: row.name, emails: row.emails, phones: row.phones, title: row.title, companyId, role: row.role, reportsToId: null,
        source: null, lifecycle: 'lead', consent: 'unknown', doNotContact: false, wallet: null, owner: this.o.owner, notes: row.notes,
        externalId: row.externalId, tags: row.tags,
      };
      const contact = await this.repos.contacts.create(fields);
      const person = { id: contact.id, name: contact.name, contact };
      this.remember(person);
      this.counts.added += 1;
      this.inFile(row, person, true);
      return;
    }
    const before = known!.contact!;
    if (!this.o.update) {
      this.counts.unchanged += 1;
      this.inFile(row, known!, false);
      return;
    }
    const fields: ContactFields = {
      ...before, name: row.name, emails: unique([...before.emails, ...row.emails]), phones: unique([...before.phones, ...row.phones]),
      title: row.title ?? before.title, companyId: companyId ?? before.companyId, role: row.role ?? before.role,
      notes: row.notes ?? before.notes, externalId: row.externalId ?? before.externalId, tags: unique([...before.tags, ...row.tags]).sort(),
    };
    if (unchanged(before, fields)) this.counts.unchanged += 1;
    else {
      const after = await this.repos.contacts.update(before, fields);
      Object.assign(known!, { contact: after, name: after.name });
      this.remember(known!, before);
      this.counts.updated += 1;
    }
    this.inFile(row, known!, true);
  }

  /** The manager a card names: in the file (by UID, then name), else in crm (by uuid, then exact name); null if nowhere or unclear. */
  private managerOf(ref: NonNullable<CardRow['manager']>): Person | null {
    const uid = ref.uid?.toLowerCase();
    const candidates = [this.fileByUid.get(uid), this.byUuid.get(uid), this.fileByName.get(ref.name && nameKey(ref.name)),
      this.byName.get(ref.name && nameKey(ref.name))];
    for (const found of candidates) if (found.length) return found.length === 1 ? found[0]! : null;
    return null;
  }

  async finish(cards: number): Promise<CardImportSummary> {
    let linked = 0;
    const notFound: CardImportSummary['managersNotFound'] = [];
    for (const { row, person, changed } of this.written) {
      if (!row.manager || !changed) continue;
      const named = row.manager.name ?? `urn:uuid:${row.manager.uid}`;
      const manager = this.managerOf(row.manager);
      if (!manager || manager === person) {
        notFound.push({ line: row.line, contact: row.name, manager: named, why: manager ? 'the card names its own person' : 'not in the file or in crm' });
        continue;
      }
      if (this.o.dryRun || person.contact === null || manager.contact === null) {
        linked += 1;
        continue;
      }
      const me = (await this.repos.contacts.get(person.contact.id))!;
      if (me.reportsToId === manager.contact.id) continue;
      if (reportingLoop(me.id, await this.repos.contacts.managerChain(manager.contact.id)).length) {
        notFound.push({ line: row.line, contact: row.name, manager: named, why: `${manager.name} already reports, directly or through others, to ${me.name}` });
        continue;
      }
      await this.repos.contacts.update(me, { ...me, reportsToId: manager.contact.id });
      linked += 1;
    }
    return { file: this.o.file, cards, ...this.counts, managersLinked: linked, managersNotFound: notFound, dryRun: this.o.dryRun };
  }
}

/** `crm import vcard FILE`: one pass over the cards in one transaction; a bad card leaves nothing imported. */
export async function run({ args: [file], opts }: ImportInput<'vcard'>, ctx: Context) {
  if (file !== '-' && (!existsSync(file) || statSync(file).isDirectory())) {
    throw invalid('FILE', `${file} is not a readable file`, 'give a .vcf file, or - for standard input');
  }
  const dryRun = Boolean(opts.dryRun);
  const o = { file, dryRun, update: Boolean(opts.update), owner: ctx.user, allowForgotten: Boolean(opts.allowForgotten) };
  const summary = await runImport<CardField, CardRow, Match, CardImportSummary>({
    file, stdin: ctx.streams.stdin, schema: cardRows, preset: CARD_COLUMNS, read: vcardRecords(file), dryRun, unit: 'cards', progress: ctx.streams.stderr,
    session: dryRun ? async (pass) => pass(await new CardImport(await ctx.store(), o).load())
      : (pass) => ctx.write(async (tx) => pass(await new CardImport(tx, o).load())),
  });
  return cardImportView(summary, cardImportDone(summary), managersNotFoundWarning(summary.managersNotFound));
}
