import type { ContactFields } from '../../../domain/contact.js';
import type { RefCell } from '../../../domain/imports/cells.js';
import type { ContactRow } from '../../../domain/imports/contact-rows.js';
import { findRef, RecordIndex } from '../../../domain/imports/match.js';
import { reportingLoop } from '../../../domain/orgchart.js';
import { unchanged } from '../../../domain/record.js';
import { FieldProblem } from '../../../domain/row-schema.js';
import { type ImportTarget, LateProblems } from '../../../io/import/runner.js';
import type { Repos } from '../../../store/store.js';
import {
  type CompanyPick, CompanyBook, DryIds, IdKeeper, type ImportSummary, type Matched, matchOf, Tally, type TargetOptions, union, rosterOf,
} from './shared.js';

/** Where a contact row lands: its record (null: a new one), its company, its manager (found, or further down the file). */
export interface ContactMatch {
  record: Matched;
  company: CompanyPick;
  /** undefined: the row names none; 'later': a contact not met yet, looked for again after the last row. */
  manager: number | 'later' | undefined;
}

const keys = (row: ContactRow) => ({ uuid: row.uuid, name: row.name, emails: row.emails, externalId: row.externalId });

/** A new contact from a row: what the row gives over the defaults of `crm contact add`. */
function created(row: ContactRow, companyId: number | null, reportsToId: number | null, user: string): ContactFields {
  return {
    title: null, role: null, source: null, lifecycle: 'lead', consent: 'unknown', doNotContact: false, wallet: null, owner: user,
    notes: null, ...row.set, externalId: row.externalId, emails: row.emails, phones: row.phones, tags: row.tags, companyId, reportsToId,
  };
}

/** A matched contact updated by a row: the row's fields win, its emails, phones and tags are added (none removed). */
function merged(before: ContactFields, row: ContactRow, companyId: number | null | undefined, reportsToId: number | null | undefined): ContactFields {
  return {
    ...before, ...row.set, externalId: row.externalId ?? before.externalId,
    emails: union(before.emails, row.emails), phones: union(before.phones, row.phones), tags: union(before.tags, row.tags).sort(),
    companyId: companyId ?? before.companyId, reportsToId: reportsToId ?? before.reportsToId,
  };
}

/**
 * Imports contacts: the target of `crm import contacts` (CSV). A row is matched by uuid,
 * email, external id, then exact name (RecordIndex); a new one is created, keeping the id and uuid it had where
 * it was exported when they are free; a matched one is left alone, or with `update` takes the row's fields. The
 * company it names is found or created; its manager is found in the database or further down the file.
 */
export async function contactTarget(repos: Repos, o: TargetOptions): Promise<ImportTarget<ContactRow, ContactMatch, ImportSummary>> {
  const tally = new Tally();
  const dry = new DryIds();
  const owners = await rosterOf(repos, o);
  const companies = await CompanyBook.load(repos, o, tally, dry);
  const people = new RecordIndex();
  for (const c of await repos.transfer.contactKeys()) people.add(c);
  const keeper = new IdKeeper(people, await repos.transfer.journaledIds('contact'));
  /** Whether an email belonged to a person who was erased: such a person is not brought back by a file. */
  const erased = o.allowForgotten ? () => false : await repos.forget.checker();
  /** Contacts whose manager was not met yet. */
  const pending: { line: number; id: number; ref: RefCell }[] = [];
  /** What a dry run would have written, for the rows after. */
  const drafts = new Map<number, ContactFields>();
  const current = async (id: number) => drafts.get(id) ?? (await repos.contacts.get(id))!;

  async function match(row: ContactRow): Promise<ContactMatch | FieldProblem> {
    const stranger = owners(row.set.owner);
    if (stranger) return stranger;
    const record = matchOf(people.find(keys(row)), row.emails.length ? 'emails' : 'name', 'contacts', people,
      'give the row a uuid or external id, or merge those contacts first (crm contact merge KEEP DUP)');
    if (record instanceof FieldProblem) return record;
    const gone = record === null ? row.emails.find((e) => erased(e)) : undefined;
    if (gone !== undefined) {
      return new FieldProblem('emails', `"${gone}" belonged to a person who was erased (crm contact forget); pass --allow-forgotten if they asked to be added again`);
    }
    if (record && record.by !== 'email' && row.emails.length) {
      // Emails identify a person: one that another contact has would be taken from them.
      const other = people.find({ emails: row.emails });
      const ids = other === null ? [] : 'ids' in other ? other.ids : [other.id];
      const taken = ids.find((id) => id !== record.id);
      if (taken !== undefined) {
        return new FieldProblem('emails', `belong to contact #${taken} ${people.get(taken)?.name ?? ''} but the row is #${record.id} ${people.get(record.id)?.name ?? ''} (by ${record.by}); ` +
          'correct the email, or merge the two contacts first');
      }
    }
    const company = companies.pick(row.company, 'company', true);
    if (company instanceof FieldProblem) return company;
    let manager: ContactMatch['manager'];
    if (row.reportsTo) {
      const found = findRef(people, row.reportsTo);
      if (found && 'ids' in found) {
        return new FieldProblem('reportsTo', `"${row.reportsTo.text}" matches ${found.ids.length} contacts; use the manager's id, email or uuid`);
      }
      manager = found === null ? 'later' : found.id;
      const problem = typeof manager === 'number' ? await managerProblem(record?.id ?? null, manager, row.reportsTo) : null;
      if (problem) return problem;
    }
    return { record, company, manager };
  }

  /** Why `managerId` cannot be the manager of contact `id` (themselves, or someone who reports to them), if so. */
  async function managerProblem(id: number | null, managerId: number, ref: RefCell): Promise<FieldProblem | null> {
    if (id === null) return null;
    if (id === managerId) return new FieldProblem('reportsTo', `"${ref.text ?? ref.uuid}" is the contact themselves; name their manager, or leave the cell empty`);
    if (id > 0 && managerId > 0 && reportingLoop(id, await repos.contacts.managerChain(managerId)).length) {
      return new FieldProblem('reportsTo', `"${ref.text ?? ref.uuid}" would make a loop: they already report, directly or through others, to this contact; ` +
        'name a manager outside their reporting line');
    }
    return null;
  }

  async function write(row: ContactRow, m: ContactMatch, line: number): Promise<void> {
    const companyId = await companies.id(m.company, line);
    const managerId = typeof m.manager === 'number' ? m.manager : undefined;
    if (m.record === null) {
      const fields = created(row, companyId, managerId ?? null, o.user);
      let id: number;
      if (o.dryRun) {
        id = dry.take();
        drafts.set(id, fields);
      } else {
        id = (await repos.contacts.create(fields, keeper.identity(row.id, row.uuid))).id;
      }
      people.add({ id, ...keys(row), uuid: row.uuid }, { fromFile: row.uuid !== null });
      if (m.manager === 'later') pending.push({ line, id, ref: row.reportsTo! });
      tally.created.push({ line, id: id < 0 ? null : id, name: row.name });
      return;
    }
    const { id, by } = m.record;
    people.claim(id, keys(row));
    const before = await current(id);
    const name = o.update ? row.name : before.name;
    if (!o.update) {
      tally.skipped.push({ line, id: id < 0 ? null : id, name, matchedBy: by });
      return;
    }
    const fields = merged(before, row, m.company === null ? undefined : companyId, managerId);
    if (m.manager === 'later') pending.push({ line, id, ref: row.reportsTo! });
    const same = unchanged(before, fields);
    if (!same) {
      if (o.dryRun || id < 0) drafts.set(id, fields);
      else await repos.contacts.update((await repos.contacts.get(id))!, fields);
    }
    (same ? tally.skipped : tally.updated).push({ line, id: id < 0 ? null : id, name, matchedBy: by });
  }

  return {
    match,
    preview: write,
    write,
    async finish(rows) {
      const problems: { line: number; problem: FieldProblem }[] = [];
      for (const p of pending) {
        const found = findRef(people, p.ref);
        const shown = `"${p.ref.text ?? p.ref.uuid}"`;
        if (found === null) {
          problems.push({ line: p.line, problem: new FieldProblem('reportsTo', `${shown} is no contact in the database or the file; ` +
            'give the manager\'s name, email or uuid as it is there, or leave the cell empty') });
        } else if ('ids' in found) {
          problems.push({ line: p.line, problem: new FieldProblem('reportsTo', `${shown} matches ${found.ids.length} contacts; use the manager's email or uuid`) });
        } else {
          const problem = await managerProblem(p.id, found.id, p.ref);
          if (problem) problems.push({ line: p.line, problem });
          else if (!o.dryRun && p.id > 0 && found.id > 0) {
            const before = (await repos.contacts.get(p.id))!;
            await repos.contacts.update(before, { ...before, reportsToId: found.id });
          }
        }
      }
      if (problems.length) throw new LateProblems(problems);
      return tally.summary('contacts', o, rows);
    },
  };
}
