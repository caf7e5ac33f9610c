import { ACTIVITY_TYPES, type ActivityFields, DIRECTIONS } from '../activity.js';
import { COUNT } from '../check.js';
import type { CompanyFields } from '../company.js';
import type { DealFields } from '../deal.js';
import { choice, domain, name, optionalText, owner, satisfaction, summary } from '../fields.js';
import { FOLLOWUP_STATUSES, type FollowupFields, parseRepeat, PRIORITIES, type RepeatRule } from '../followup.js';
import type { Money } from '../money.js';
import type { RowSchema } from '../row-schema.js';
import { FORECAST_CATEGORIES, type ForecastCategory, OUTCOMES, type Outcome } from '../stage.js';
import { CellReader, type RefCell, vocabKey } from './cells.js';
import type { RowOptions } from './contact-rows.js';

/**
 * The rows of companies, deals, activities, follow-ups and orders: for each kind the fields (the columns `crm export`
 * writes and reads back, which a preset or --map may read from other columns) and the check of one row. A field
 * whose cell is empty is not given: a new record gets the default `add` gives it, a matched one keeps its value.
 */

const one = optionalText;
const text = (t: string) => one.parse(t);

/** The settable fields a row gives, and the keys every row carries. */
interface Keyed {
  id: number | null;
  uuid: string | null;
}

function schema<F extends string, Row>(fields: readonly F[], required: F[], mapExamples: string[], o: RowOptions<F>,
  read: (r: CellReader<F>) => Row | null): RowSchema<F, Row> {
  return {
    fields, required, mapExamples,
    parse(cell) {
      const r = new CellReader(cell, o.words);
      const row = read(r);
      return r.problems.length || row === null ? { problems: r.problemsIn(fields) } : { row };
    },
  };
}

/** A required one-line name or title; null (with the problem) when missing. */
function title<F extends string>(r: CellReader<F>, field: F, what: string): string | null {
  if (r.text(field) === '') return r.fail(field, `is empty; every ${what}`) ?? null;
  return r.checked(field, name) ?? null;
}

// Companies

export const COMPANY_FIELDS = ['id', 'uuid', 'name', 'domain', 'industry', 'size', 'address', 'wallet', 'currency', 'tags', 'owner', 'notes',
  'externalId'] as const;
export type CompanyField = (typeof COMPANY_FIELDS)[number];
export type CompanySettable = Omit<CompanyFields, 'tags'>;

export interface CompanyRow extends Keyed {
  name: string;
  domain: string | null;
  externalId: string | null;
  tags: string[];
  set: Partial<CompanySettable> & { name: string };
}

/** "1,200" or "1200" employees. */
const size = (t: string) => {
  const n = t.replace(/[,.'\s](?=\d{3}\b)/g, '');
  if (!COUNT.pattern.test(n)) throw new Error('size');
  return Number(n);
};

export function companyRows(o: RowOptions<CompanyField>): RowSchema<CompanyField, CompanyRow> {
  return schema(COMPANY_FIELDS, ['name'], ['name="Account Name"', 'domain=Website'], o, (r) => {
    const given = title(r, 'name', 'company needs a name');
    const set: CompanyRow['set'] = { name: given ?? '' };
    const d = r.checked('domain', domain);
    if (d !== undefined) set.domain = d;
    const put = <K extends keyof CompanySettable>(k: K, v: CompanySettable[K] | undefined) => {
      if (v !== undefined) set[k] = v;
    };
    put('industry', r.read('industry', text));
    const s = r.text('size');
    if (s !== '') {
      try {
        set.size = size(s);
      } catch {
        r.fail('size', `"${s}" is not a number of employees; write a whole number, e.g. 250`);
      }
    }
    put('address', r.read('address', text));
    put('wallet', r.money('wallet', 'currency', o.currency));
    put('owner', r.checked('owner', owner));
    put('notes', r.read('notes', text));
    const externalId = r.read('externalId', (t) => t) ?? null;
    if (externalId !== null) set.externalId = externalId;
    return given === null ? null
      : { id: r.id('id'), uuid: r.uuid('uuid'), name: given, domain: d ?? null, externalId, tags: r.tags('tags'), set };
  });
}

// Deals

export const DEAL_FIELDS = ['id', 'uuid', 'title', 'amount', 'currency', 'stage', 'status', 'probability', 'forecastCategory', 'expectedClose',
  'closedOn', 'owner', 'company', 'companyUuid', 'contact', 'contactUuid', 'source', 'nextStep', 'lostReason'] as const;
export type DealField = (typeof DEAL_FIELDS)[number];
export type DealSettable = Pick<DealFields, 'title' | 'expectedClose' | 'closedOn' | 'owner' | 'source' | 'nextStep' | 'lostReason'>;

export interface DealRow extends Keyed {
  title: string;
  money: Money | undefined;
  /** The stage as the file names it, and the stage of crm's default pipeline a preset takes it for. */
  stage: { text: string; alias: string | null } | null;
  /** won or lost: the deal is in the pipeline's won or lost stage, whatever stage the file names (Pipedrive's "Status"). */
  status: Outcome | undefined;
  probability: number | undefined;
  forecastCategory: ForecastCategory | undefined;
  company: RefCell | null;
  contact: RefCell | null;
  set: Partial<DealSettable> & { title: string };
}

const category = choice(FORECAST_CATEGORIES, 'forecast category');
const status = choice(OUTCOMES, 'deal status');

export function dealRows(o: RowOptions<DealField>): RowSchema<DealField, DealRow> {
  // A preset's stage names are aliases, tried only when no stage of the pipeline has the name the file gives.
  const { stage: aliases, ...words } = o.words ?? {};
  return schema(DEAL_FIELDS, ['title'], ['title="Opportunity Name"', 'amount=Value'], { ...o, words }, (r) => {
    const given = title(r, 'title', 'deal needs a title');
    const set: DealRow['set'] = { title: given ?? '' };
    const put = <K extends keyof DealSettable>(k: K, v: DealSettable[K] | undefined) => {
      if (v !== undefined) set[k] = v;
    };
    put('expectedClose', r.date('expectedClose'));
    put('closedOn', r.date('closedOn'));
    put('owner', r.checked('owner', owner));
    put('source', r.read('source', text));
    put('nextStep', r.read('nextStep', text));
    put('lostReason', r.read('lostReason', text));
    const stageText = r.text('stage');
    const row: DealRow = {
      id: r.id('id'), uuid: r.uuid('uuid'), title: given ?? '', money: r.money('amount', 'currency', o.currency),
      stage: stageText === '' ? null : { text: stageText, alias: aliases?.[vocabKey(stageText)] ?? null },
      status: r.checked('status', status), probability: r.percent('probability'), forecastCategory: r.checked('forecastCategory', category),
      company: r.ref('company', 'companyUuid'), contact: r.ref('contact', 'contactUuid'), set,
    };
    return given === null ? null : row;
  });
}

// Activities

export const ACTIVITY_FIELDS = ['id', 'uuid', 'type', 'at', 'summary', 'outcome', 'direction', 'satisfaction', 'contact', 'contactUuid', 'company',
  'companyUuid', 'deal', 'dealUuid'] as const;
export type ActivityField = (typeof ACTIVITY_FIELDS)[number];

export interface ActivityRow extends Keyed {
  /** When it happened; undefined: the import's "now". */
  at: string | undefined;
  set: Pick<ActivityFields, 'type' | 'summary'> & Partial<Pick<ActivityFields, 'outcome' | 'direction' | 'satisfaction'>>;
  contact: RefCell | null;
  company: RefCell | null;
  deal: RefCell | null;
}

const activityType = choice(ACTIVITY_TYPES, 'activity type');
const direction = choice(DIRECTIONS, 'direction');

export function activityRows(o: RowOptions<ActivityField>): RowSchema<ActivityField, ActivityRow> {
  return schema(ACTIVITY_FIELDS, ['type', 'summary'], ['type=Type', 'summary=Subject'], o, (r) => {
    const type = r.text('type') === '' ? r.fail('type', `is empty; use one of ${ACTIVITY_TYPES.join(', ')}`) : r.checked('type', activityType);
    const said = r.text('summary') === '' ? r.fail('summary', 'is empty; write what happened') : r.checked('summary', summary);
    const set: ActivityRow['set'] = { type: type!, summary: said! };
    const outcome = r.read('outcome', text);
    if (outcome !== undefined) set.outcome = outcome;
    const d = r.checked('direction', direction);
    if (d !== undefined) set.direction = d;
    const score = r.checked('satisfaction', satisfaction);
    if (score !== undefined) set.satisfaction = score;
    const row: ActivityRow = {
      id: r.id('id'), uuid: r.uuid('uuid'), at: r.instant('at'), set,
      contact: r.ref('contact', 'contactUuid'), company: r.ref('company', 'companyUuid'), deal: r.ref('deal', 'dealUuid'),
    };
    return type === undefined || said === undefined ? null : row;
  });
}

// Follow-ups

export const FOLLOWUP_FIELDS = ['id', 'uuid', 'title', 'due', 'dueTime', 'owner', 'priority', 'status', 'doneAt', 'repeat', 'notes', 'contact',
  'contactUuid', 'company', 'companyUuid', 'deal', 'dealUuid'] as const;
export type FollowupField = (typeof FOLLOWUP_FIELDS)[number];
export type FollowupSettable = Pick<FollowupFields, 'title' | 'dueDate' | 'dueTime' | 'owner' | 'priority' | 'status' | 'doneAt' | 'notes'> &
  { repeat: RepeatRule | null };

export interface FollowupRow extends Keyed {
  title: string;
  dueDate: string;
  set: Partial<FollowupSettable> & { title: string; dueDate: string };
  contact: RefCell | null;
  company: RefCell | null;
  deal: RefCell | null;
}

const priority = choice(PRIORITIES, 'priority');
const followupStatus = choice(FOLLOWUP_STATUSES, 'follow-up status');

export function followupRows(o: RowOptions<FollowupField>): RowSchema<FollowupField, FollowupRow> {
  return schema(FOLLOWUP_FIELDS, ['title', 'due'], ['title=Subject', 'due="Due Date"'], o, (r) => {
    const given = title(r, 'title', 'follow-up needs a title');
    const due = r.text('due') === '' ? r.fail('due', 'is empty; give the due date, e.g. 2026-03-15') : r.date('due');
    const set: FollowupRow['set'] = { title: given ?? '', dueDate: due ?? '' };
    const time = r.text('dueTime');
    if (time !== '') {
      const m = /^(\d{1,2}):(\d{2})$/.exec(time);
      if (m && Number(m[1]) < 24 && Number(m[2]) < 60) set.dueTime = `${m[1]!.padStart(2, '0')}:${m[2]}`;
      else r.fail('dueTime', `"${time}" is not a time of day; write it like 14:30`);
    }
    const put = <K extends keyof FollowupSettable>(k: K, v: FollowupSettable[K] | undefined) => {
      if (v !== undefined) set[k] = v;
    };
    put('owner', r.checked('owner', owner));
    put('priority', r.checked('priority', priority));
    put('status', r.checked('status', followupStatus));
    put('doneAt', r.instant('doneAt'));
    put('repeat', r.read('repeat', (t) => (['none', 'never'].includes(t.toLowerCase()) ? null : parseRepeat(t, 'repeat'))));
    put('notes', r.read('notes', text));
    return given === null || due === undefined ? null : {
      id: r.id('id'), uuid: r.uuid('uuid'), title: given, dueDate: due, set,
      contact: r.ref('contact', 'contactUuid'), company: r.ref('company', 'companyUuid'), deal: r.ref('deal', 'dealUuid'),
    };
  });
}

// Orders

export const ORDER_FIELDS = ['id', 'uuid', 'customer', 'customerKind', 'customerUuid', 'date', 'amount', 'currency', 'reference', 'deal',
  'dealUuid'] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];

export interface OrderRow extends Keyed {
  customer: RefCell;
  /** Which kind the customer is, when the file says (crm's export does): else a company by that name, else a contact. */
  customerKind: 'company' | 'contact' | undefined;
  date: string;
  money: Money;
  reference: string | null;
  deal: RefCell | null;
}

const customerKind = choice(['company', 'contact'] as const, 'customer kind');

export function orderRows(o: RowOptions<OrderField>): RowSchema<OrderField, OrderRow> {
  return schema(ORDER_FIELDS, ['customer', 'date', 'amount'], ['customer=CustomerID', 'date=InvoiceDate'], o, (r) => {
    const customer = r.ref('customer', 'customerUuid');
    if (customer === null) r.fail('customer', 'is empty; name the company or contact who bought');
    const date = r.text('date') === '' ? r.fail('date', 'is empty; give the order date, e.g. 2026-03-15') : r.date('date');
    const money = r.text('amount') === '' ? r.fail('amount', 'is empty; give the amount, e.g. 1250.00') : r.money('amount', 'currency', o.currency, true);
    const row = {
      id: r.id('id'), uuid: r.uuid('uuid'), customer: customer!, customerKind: r.checked('customerKind', customerKind), date: date!, money: money!,
      reference: r.read('reference', (t) => t) ?? null, deal: r.ref('deal', 'dealUuid'),
    };
    return customer === null || date === undefined || money === undefined ? null : row;
  });
}
