import type { ActivityFields } from '../../../domain/activity.js';
import type { ActivityRow } from '../../../domain/imports/rows.js';
import { unchanged } from '../../../domain/record.js';
import { FieldProblem } from '../../../domain/row-schema.js';
import type { ImportTarget } from '../../../io/import/runner.js';
import type { Repos } from '../../../store/store.js';
import {
  CompanyBook, contactIndex, dealIndex, DryIds, IdKeeper, type ImportSummary, linksOf, type Matched, Tally, type TargetOptions, UnnamedBook,
} from './shared.js';
import { RecordIndex } from '../../../domain/imports/match.js';

export interface ActivityMatch {
  record: Matched;
  fields: ActivityFields;
}

/** What an activity says, as rows without a uuid are matched by: its type, when, and its summary. */
const keyOf = (f: Pick<ActivityFields, 'type' | 'at' | 'summary'>) => `${f.type}|${f.at}|${f.summary}`;

/**
 * Imports activities: matched by uuid, else one for one by type, time and summary (a file with two equal calls
 * imports two). Its contact, company and deal must exist; they are taken as the file gives them.
 */
export async function activityTarget(repos: Repos, o: TargetOptions): Promise<ImportTarget<ActivityRow, ActivityMatch, ImportSummary>> {
  const tally = new Tally();
  const dry = new DryIds();
  const refs = {
    contacts: (await contactIndex(repos)).index, companies: (await CompanyBook.load(repos, o, tally, dry)).index, deals: (await dealIndex(repos)).index,
  };
  const book = new UnnamedBook();
  for (const a of await repos.transfer.activityKeys()) book.add(a.id, a.uuid, keyOf(a as Pick<ActivityFields, 'type' | 'at' | 'summary'>));
  const known = new RecordIndex();
  for (const id of book.ids) known.add({ id });
  const keeper = new IdKeeper(known, await repos.transfer.journaledIds('activity'));
  const at = o.now.toISOString();

  return {
    match(row) {
      const links = linksOf(row, refs, { contact: 'contact', company: 'company', deal: 'deal' });
      if (links instanceof FieldProblem) return links;
      const fields: ActivityFields = { outcome: null, direction: null, satisfaction: null, ...row.set, at: row.at ?? at, ...links };
      return { record: book.match(row.uuid, keyOf(fields)), fields };
    },
    preview: write,
    write,
    finish: async (rows) => tally.summary('activities', o, rows),
  };

  async function write(row: ActivityRow, m: ActivityMatch, line: number): Promise<void> {
    const name = `${m.fields.type}: ${m.fields.summary}`;
    if (m.record === null) {
      const id = o.dryRun ? dry.take() : (await repos.activities.create(m.fields, keeper.identity(row.id, row.uuid))).id;
      book.created(id, row.uuid);
      known.add({ id });
      tally.created.push({ line, id: id < 0 ? null : id, name });
      return;
    }
    const { id, by } = m.record;
    const outcome = { line, id: id < 0 ? null : id, name, matchedBy: by };
    if (!o.update || id < 0) {
      tally.skipped.push(outcome);
      return;
    }
    const before = (await repos.activities.get(id))!;
    // What the row leaves empty is kept.
    const fields: ActivityFields = {
      at: row.at ?? before.at, outcome: before.outcome, direction: before.direction,
      satisfaction: before.satisfaction, ...row.set, contactId: m.fields.contactId ?? before.contactId,
      companyId: m.fields.companyId ?? before.companyId, dealId: m.fields.dealId ?? before.dealId,
    };
    const same = unchanged(before, fields);
    if (!same && !o.dryRun) await repos.activities.update(before, fields);
    (same ? tally.skipped : tally.updated).push(outcome);
  }
}
