import { isoDate } from '../../../domain/dates.js';
import type { DealFields } from '../../../domain/deal.js';
import type { DealRow } from '../../../domain/imports/rows.js';
import { unchanged } from '../../../domain/record.js';
import { nameKey } from '../../../domain/reference.js';
import { FieldProblem } from '../../../domain/row-schema.js';
import type { Stage } from '../../../domain/stage.js';
import type { ImportTarget } from '../../../io/import/runner.js';
import type { Repos } from '../../../store/store.js';
import {
  CompanyBook, type CompanyPick, contactIndex, dealIndex, DryIds, IdKeeper, type ImportSummary, type Matched, matchOf, refOf, Tally,
  type TargetOptions, rosterOf,
} from './shared.js';

export interface DealMatch {
  record: Matched;
  stage: Stage;
  company: CompanyPick;
  contactId: number | null | undefined;
}

/**
 * The stage a row names: a stage of the pipeline by its exact name, else the one a preset takes it for (Salesforce's
 * "Closed Won" is Won); a won or lost status puts the deal in the won or lost stage. No stage: the first open one.
 */
function stageOf(row: DealRow, stages: Stage[]): Stage | FieldProblem {
  const named = (text: string) => stages.find((s) => nameKey(s.name) === nameKey(text));
  let stage = row.stage ? named(row.stage.text) ?? (row.stage.alias ? named(row.stage.alias) : undefined) : undefined;
  if (row.stage && !stage) {
    return new FieldProblem('stage', `"${row.stage.text}" is not a stage of the pipeline (${stages.map((s) => s.name).join(', ')}); ` +
      `add it with crm stage add "${row.stage.text}", or change the cell to one of those`);
  }
  if (row.status && row.status !== 'open' && stage?.outcome !== row.status) stage = stages.find((s) => s.outcome === row.status);
  stage ??= stages.find((s) => s.outcome === 'open');
  return stage ?? new FieldProblem('stage', 'has no stage to go in: the pipeline has no open stage; add one with crm stage add NAME');
}

/** A probability or category equal to the stage's is the stage's: the deal follows its stage, as one added in it does. */
const own = <T>(value: T | undefined, stageDefault: T, before: T | null): T | null => (value === undefined ? before : value === stageDefault ? null : value);

/**
 * Imports deals: matched by uuid, then exact title within the same company; the company a row names is found or
 * created, its contact found. A closed deal gets its close date from the file (else its expected close, else today).
 */
export async function dealTarget(repos: Repos, o: TargetOptions): Promise<ImportTarget<DealRow, DealMatch, ImportSummary>> {
  const tally = new Tally();
  const dry = new DryIds();
  const owners = await rosterOf(repos, o);
  const companies = await CompanyBook.load(repos, o, tally, dry);
  const people = await contactIndex(repos);
  const deals = await dealIndex(repos);
  const keeper = new IdKeeper(deals.index, await repos.transfer.journaledIds('deal'));
  const stages = await repos.stages.list();
  const drafts = new Map<number, DealFields>();
  const today = isoDate(o.now);

  function match(row: DealRow): DealMatch | FieldProblem {
    const stranger = owners(row.set.owner);
    if (stranger) return stranger;
    const stage = stageOf(row, stages);
    if (stage instanceof FieldProblem) return stage;
    let company = companies.pick(row.company, 'company', true);
    if (company instanceof FieldProblem) return company;
    const contactId = refOf(people.index, row.contact, 'contact', 'contact', 'import contacts first (crm import contacts FILE), or correct it');
    if (contactId instanceof FieldProblem) return contactId;
    // A contact alone brings their company, as crm deal add does.
    if (company === null && contactId !== undefined && people.companyOf.get(contactId)) company = { id: people.companyOf.get(contactId)! };
    const scope = company === null ? null : 'id' in company ? company.id : undefined;
    const found = scope === undefined ? (row.uuid ? deals.index.find({ uuid: row.uuid }) : null)
      : deals.index.find({ uuid: row.uuid, name: row.title, scope });
    const record = matchOf(found, 'title', 'deals', deals.index, 'give the row the deal\'s uuid');
    if (record instanceof FieldProblem) return record;
    return { record, stage, company, contactId };
  }

  function fields(row: DealRow, m: DealMatch, companyId: number | null, before?: DealFields): DealFields {
    const closed = m.stage.outcome !== 'open';
    const closedOn = row.set.closedOn ?? (closed ? before?.closedOn ?? row.set.expectedClose ?? today : before?.closedOn ?? null);
    return {
      amountMinor: 0, currency: o.currency, expectedClose: null, owner: o.user, source: null,
      nextStep: null, lostReason: null, ...before, ...row.set, closedOn,
      ...(row.money ? { amountMinor: row.money.minor, currency: row.money.currency } : {}),
      stageId: m.stage.id,
      probability: own(row.probability, m.stage.probability, before?.probability ?? null),
      forecastCategory: own(row.forecastCategory, m.stage.forecastCategory, before?.forecastCategory ?? null),
      companyId: m.company === null ? (before?.companyId ?? null) : companyId,
      contactId: m.contactId === undefined ? (before?.contactId ?? null) : m.contactId,
    };
  }

  async function write(row: DealRow, m: DealMatch, line: number): Promise<void> {
    const companyId = await companies.id(m.company, line);
    if (m.record === null) {
      const f = fields(row, m, companyId);
      let id: number;
      if (o.dryRun) drafts.set(id = dry.take(), f);
      else id = (await repos.deals.create(f, keeper.identity(row.id, row.uuid))).id;
      deals.index.add({ id, uuid: row.uuid, name: row.title, scope: companyId }, { fromFile: row.uuid !== null });
      tally.created.push({ line, id: id < 0 ? null : id, name: row.title });
      return;
    }
    const { id, by } = m.record;
    deals.index.claim(id, { uuid: row.uuid });
    const before = drafts.get(id) ?? (await repos.deals.get(id))!;
    const outcome = { line, id: id < 0 ? null : id, name: o.update ? row.title : before.title, matchedBy: by };
    if (!o.update) {
      tally.skipped.push(outcome);
      return;
    }
    const after = fields(row, m, companyId, before);
    const same = unchanged(before, after);
    if (!same) {
      if (o.dryRun || id < 0) drafts.set(id, after);
      else await repos.deals.update((await repos.deals.get(id))!, after);
    }
    (same ? tally.skipped : tally.updated).push(outcome);
  }

  return { match, preview: write, write, finish: async (rows) => tally.summary('deals', o, rows) };
}
