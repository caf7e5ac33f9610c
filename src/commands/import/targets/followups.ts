import { type FollowupFields, seriesOf } from '../../../domain/followup.js';
import { RecordIndex } from '../../../domain/imports/match.js';
import type { FollowupRow } from '../../../domain/imports/rows.js';
import { unchanged } from '../../../domain/record.js';
import { nameKey } from '../../../domain/reference.js';
import { FieldProblem } from '../../../domain/row-schema.js';
import type { ImportTarget } from '../../../io/import/runner.js';
import type { Repos } from '../../../store/store.js';
import {
  CompanyBook, contactIndex, dealIndex, DryIds, IdKeeper, type ImportSummary, linksOf, type Matched, Tally, type TargetOptions, UnnamedBook, rosterOf,
} from './shared.js';

export interface FollowupMatch {
  record: Matched;
  links: Pick<FollowupFields, 'contactId' | 'companyId' | 'dealId'>;
}

/** What a follow-up says, as rows without a uuid are matched by: its title and due date. */
const keyOf = (title: string, dueDate: string) => `${nameKey(title)}|${dueDate}`;

/**
 * Imports follow-ups: matched by uuid, else one for one by title and due date. A repeating one starts its series
 * at its due date. Its contact, company and deal must exist; they are taken as the file gives them.
 */
export async function followupTarget(repos: Repos, o: TargetOptions): Promise<ImportTarget<FollowupRow, FollowupMatch, ImportSummary>> {
  const tally = new Tally();
  const dry = new DryIds();
  const owners = await rosterOf(repos, o);
  const refs = {
    contacts: (await contactIndex(repos)).index, companies: (await CompanyBook.load(repos, o, tally, dry)).index, deals: (await dealIndex(repos)).index,
  };
  const book = new UnnamedBook();
  for (const f of await repos.transfer.followupKeys()) book.add(f.id, f.uuid, keyOf(f.title, f.dueDate));
  const known = new RecordIndex();
  for (const id of book.ids) known.add({ id });
  const keeper = new IdKeeper(known, await repos.transfer.journaledIds('followup'));

  async function write(row: FollowupRow, m: FollowupMatch, line: number): Promise<void> {
    if (m.record === null) {
      const base = { dueTime: null, owner: o.user, priority: 'normal' as const, status: 'open' as const, doneAt: null, repeat: null, notes: null, ...row.set };
      const fields: FollowupFields = {
        ...base, doneAt: base.status === 'done' ? base.doneAt ?? o.now.toISOString() : base.doneAt,
        ...seriesOf({ dueDate: base.dueDate, repeat: base.repeat }), ...m.links,
      };
      const id = o.dryRun ? dry.take() : (await repos.followups.create(fields, keeper.identity(row.id, row.uuid))).id;
      book.created(id, row.uuid);
      known.add({ id });
      tally.created.push({ line, id: id < 0 ? null : id, name: row.title });
      return;
    }
    const { id, by } = m.record;
    const outcome = { line, id: id < 0 ? null : id, name: row.title, matchedBy: by };
    if (!o.update || id < 0) {
      tally.skipped.push(outcome);
      return;
    }
    const before = (await repos.followups.get(id))!;
    const next = { ...before, ...row.set };
    const fields: FollowupFields = {
      ...next, ...seriesOf(next, before, next.dueDate !== before.dueDate),
      contactId: m.links.contactId ?? before.contactId, companyId: m.links.companyId ?? before.companyId, dealId: m.links.dealId ?? before.dealId,
    };
    const same = unchanged(before, fields);
    if (!same && !o.dryRun) await repos.followups.update(before, fields);
    (same ? tally.skipped : tally.updated).push(outcome);
  }

  return {
    match(row) {
      const stranger = owners(row.set.owner);
      if (stranger) return stranger;
      const links = linksOf(row, refs, { contact: 'contact', company: 'company', deal: 'deal' });
      if (links instanceof FieldProblem) return links;
      return { record: book.match(row.uuid, keyOf(row.title, row.dueDate)), links };
    },
    preview: write,
    write,
    finish: async (rows) => tally.summary('followups', o, rows),
  };
}
