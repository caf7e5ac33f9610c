import type { Context } from '../../context.js';
import { isoDate, parseWhen } from '../../domain/dates.js';
import type { Deal, DealFields } from '../../domain/deal.js';
import { checkClosable, checkParties } from '../../domain/deal-transitions.js';
import { check, choice, name, percent } from '../../domain/fields.js';
import { parseCurrency, parseMoney } from '../../domain/money.js';
import { FORECAST_CATEGORIES } from '../../domain/stage.js';
import { invalid } from '../../errors.js';
import type { Repos } from '../../store/store.js';
import { ownerOf, text } from '../fields.js';
import { findStage } from '../stage/shared.js';
import type { DealFlags } from './spec.js';

const category = choice(FORECAST_CATEGORIES, 'forecast category');

/** Deal fields from flags: everything for add (no `base`; amounts in `teamCurrency` unless --currency), the changes on top of `base` for edit. */
export async function dealFields(opts: DealFlags, ctx: Context, repos: Repos, teamCurrency: string, base?: Deal): Promise<DealFields> {
  const currency = opts.currency !== undefined ? parseCurrency(opts.currency, '--currency') : (base?.currency ?? teamCurrency);
  if (base && opts.amount === undefined && currency !== base.currency && base.amountMinor !== 0) {
    // Keeping the number and changing the unit would silently change the deal's value.
    throw invalid('--currency', `changing ${base.currency} to ${currency} needs the amount in ${currency}`, `pass --amount too`);
  }
  const money = opts.amount === undefined ? { minor: base?.amountMinor ?? 0, currency } : parseMoney(opts.amount, '--amount', currency);

  let stageId = base?.stageId;
  if (!base) {
    const stage = opts.stage === undefined ? (await repos.stages.list()).find((s) => s.outcome === 'open')
      : await findStage(repos, opts.stage, '--stage');
    if (!stage) throw invalid('--stage', 'there is no open stage to start in', 'add one with crm stage add NAME');
    if (stage.outcome !== 'open') {
      throw invalid('--stage', `"${stage.name}" is a ${stage.outcome} stage`, `add the deal in an open stage, then crm deal ${stage.outcome === 'won' ? 'win' : 'lose'}`);
    }
    stageId = stage.id;
  }

  let companyId = base?.companyId ?? null;
  let contactId = base?.contactId ?? null;
  if (opts.contact !== undefined) {
    contactId = opts.contact.trim() === '' ? null : (await repos.refs.resolve(opts.contact, ['contact'], '--contact')).id;
    // The contact's company is the deal's customer unless one is named.
    if (contactId !== null && opts.company === undefined && companyId === null) {
      companyId = (await repos.contacts.get(contactId))!.companyId;
    }
  }
  if (opts.company !== undefined) {
    companyId = opts.company.trim() === '' ? null : (await repos.refs.resolve(opts.company, ['company'], '--company')).id;
  }
  if ((opts.company !== undefined || opts.contact !== undefined) && companyId !== null && contactId !== null) {
    // Only a change of either side is checked: a deal whose contact has since moved on stays editable.
    const person = (await repos.contacts.get(contactId))!;
    const company = (await repos.companies.get(companyId))!;
    checkParties({ id: company.id, name: company.name }, { id: person.id, name: person.name, company: person.company },
      opts.contact !== undefined ? '--contact' : '--company');
  }

  return {
    title: opts.title === undefined ? base!.title : check(name, opts.title, base ? '--title' : 'title'),
    amountMinor: money.minor,
    currency: money.currency,
    stageId: stageId!,
    probability: opts.probability === undefined ? (base?.probability ?? null)
      : opts.probability.trim() === '' ? null : check(percent, opts.probability, '--probability'),
    forecastCategory: opts.category === undefined ? (base?.forecastCategory ?? null)
      : opts.category.trim() === '' ? null : check(category, opts.category, '--category'),
    expectedClose: opts.close === undefined ? (base?.expectedClose ?? null)
      : opts.close.trim() === '' ? null : isoDate(parseWhen(opts.close, ctx.now, '--close').at),
    closedOn: base?.closedOn ?? null,
    owner: ownerOf(opts, ctx, base?.owner),
    companyId,
    contactId,
    source: text(opts.source, base?.source),
    nextStep: text(opts.nextStep, base?.nextStep),
    lostReason: base?.lostReason ?? null,
  };
}

/** The deal a reference names, loaded. */
export async function loadDeal(repos: Repos, ref: string): Promise<Deal> {
  const { id } = await repos.refs.resolve(ref, ['deal']);
  return (await repos.deals.get(id))!;
}

/** An open deal about to close as `outcome`, with its close date (--date, default today). */
export async function closingDeal(repos: Repos, ref: string, outcome: 'won' | 'lost', date: string | undefined, ctx: Context) {
  const before = await loadDeal(repos, ref);
  // Checked before the closing stage is looked up and the date read, so "already won" is what a re-run hears.
  checkClosable(before, outcome);
  const stage = (await repos.stages.byOutcome(outcome))!;
  const closedOn = date === undefined ? isoDate(ctx.now) : isoDate(parseWhen(date, ctx.now, '--date').at);
  return { before, stage, closedOn };
}
