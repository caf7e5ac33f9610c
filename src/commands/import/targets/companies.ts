import type { CompanyFields } from '../../../domain/company.js';
import type { CompanyRow } from '../../../domain/imports/rows.js';
import { unchanged } from '../../../domain/record.js';
import { FieldProblem } from '../../../domain/row-schema.js';
import type { ImportTarget } from '../../../io/import/runner.js';
import type { Repos } from '../../../store/store.js';
import { CompanyBook, DryIds, type ImportSummary, type Matched, matchOf, rosterOf, Tally, type TargetOptions, union } from './shared.js';

const keys = (row: CompanyRow) => ({ uuid: row.uuid, name: row.name, domain: row.domain, externalId: row.externalId });

/** Imports companies: matched by uuid, domain, external id, then exact name; new ones created, matched ones updated with --update. */
export async function companyTarget(repos: Repos, o: TargetOptions): Promise<ImportTarget<CompanyRow, Matched, ImportSummary>> {
  const tally = new Tally();
  const dry = new DryIds();
  const owners = await rosterOf(repos, o);
  const book = await CompanyBook.load(repos, o, tally, dry);
  const drafts = new Map<number, CompanyFields>();

  async function write(row: CompanyRow, m: Matched, line: number): Promise<void> {
    if (m === null) {
      const fields: CompanyFields = {
        domain: null, industry: null, size: null, address: null, wallet: null, owner: o.user, notes: null, externalId: null, ...row.set,
        tags: row.tags,
      };
      let id: number;
      if (o.dryRun) drafts.set(id = dry.take(), fields);
      else id = (await repos.companies.create(fields, book.identity(row.id, row.uuid))).id;
      book.index.add({ id, ...keys(row) }, { fromFile: row.uuid !== null });
      tally.created.push({ line, id: id < 0 ? null : id, name: row.name });
      return;
    }
    const { id, by } = m;
    book.index.claim(id, keys(row));
    const before = drafts.get(id) ?? (await repos.companies.get(id))!;
    const outcome = { line, id: id < 0 ? null : id, name: o.update ? row.name : before.name, matchedBy: by };
    if (!o.update) {
      tally.skipped.push(outcome);
      return;
    }
    const fields: CompanyFields = { ...before, ...row.set, tags: union(before.tags, row.tags).sort() };
    const same = unchanged(before, fields);
    if (!same) {
      if (o.dryRun || id < 0) drafts.set(id, fields);
      else await repos.companies.update((await repos.companies.get(id))!, fields);
    }
    (same ? tally.skipped : tally.updated).push(outcome);
  }

  return {
    match(row) {
      const stranger = owners(row.set.owner);
      if (stranger) return stranger;
      const found = matchOf(book.index.find(keys(row)), row.domain ? 'domain' : 'name', 'companies', book.index,
        'give the row a uuid, domain or external id to tell them apart');
      return found instanceof FieldProblem ? found : found;
    },
    preview: write,
    write,
    finish: async (rows) => tally.summary('companies', o, rows),
  };
}
