import { conflict, invalid, usageError } from '../errors.js';
import type { Deal, DealFields } from './deal.js';
import type { Money } from './money.js';
import type { OrderFields } from './order.js';
import type { Link } from './record.js';
import type { ForecastCategory, Stage } from './stage.js';

/**
 * What each stage transition does to a deal: its stage, close date, lost reason, and its own probability and
 * forecast category; and what winning and reopening do to the orders. A deal's override is its own: closing keeps
 * it (the closing stage speaks while the deal is closed, see probabilityOf), and reopening into the stage it closed
 * from brings it back. Entering any other stage brings that stage's defaults, because an override was set for the
 * stage it was set in. Commands load what these functions need, call them, and write what they return.
 */

type Judged = Pick<Deal, 'probability' | 'forecastCategory'> & { stage: Pick<Stage, 'outcome' | 'probability' | 'forecastCategory'> };

/** A won or lost deal has its closing stage's probability (100%, 0%); an open one its own, else its stage's. */
export const probabilityOf = (d: Judged): number =>
  (d.stage.outcome === 'open' ? d.probability ?? d.stage.probability : d.stage.probability);

/** A won or lost deal has its closing stage's category (closed, omitted); an open one its own, else its stage's. */
export const categoryOf = (d: Judged): ForecastCategory =>
  (d.stage.outcome === 'open' ? d.forecastCategory ?? d.stage.forecastCategory : d.stage.forecastCategory);

type Closing = Pick<Deal, 'id' | 'title'> & { stage: Pick<Stage, 'outcome'> };

/**
 * Whether an open deal may close as `outcome`. Closing it the same way again is a conflict with what is recorded
 * (exit 4: a script can tell "already so" from a mistake); closing a deal the other way needs a reopen first.
 */
export function checkClosable(d: Closing, outcome: 'won' | 'lost'): void {
  if (d.stage.outcome === 'open') return;
  if (d.stage.outcome === outcome) {
    throw conflict(`deal #${d.id} ${d.title} is already ${outcome}`, `nothing to do; crm deal reopen ${d.id} first to close it again`);
  }
  throw usageError(`deal #${d.id} ${d.title} is already ${d.stage.outcome}`, `reopen it first: crm deal reopen ${d.id}`);
}

/**
 * Whether a deal may move to `to`. Only open deals move, and only between open stages: closing goes through win and
 * lose, which record the close date, the order and the reason.
 */
export function checkMovable(d: Closing, to: Pick<Stage, 'name' | 'outcome'>): void {
  if (d.stage.outcome !== 'open') {
    throw usageError(`deal #${d.id} ${d.title} is ${d.stage.outcome}`, `reopen it first: crm deal reopen ${d.id}`);
  }
  if (to.outcome !== 'open') {
    throw invalid('STAGE', `"${to.name}" closes the deal`, `use crm deal ${to.outcome === 'won' ? 'win' : 'lose'} ${d.id}`);
  }
}

/** Into `to` with that stage's probability and category: what a move without --probability and a stage removal do. */
export const enterStage = (d: Deal, to: Pick<Stage, 'id'>): DealFields => ({ ...d, stageId: to.id, probability: null, forecastCategory: null });

/**
 * Moved to `to`, with `probability` as its own for that stage (null: the stage's). The new stage brings its own
 * category too. Moving to the stage it is in with the probability it has changes nothing, not even the category.
 */
export function move(d: Deal, to: Stage, probability: number | null): DealFields {
  checkMovable(d, to);
  if (to.id === d.stageId && probability === d.probability) return { ...d };
  return { ...enterStage(d, to), probability };
}

/** Won: the Won stage, the close date and the final amount; no lost reason; the override is kept for a reopen. */
export function win(d: Deal, won: Stage, closedOn: string, amount: { minor: number; currency: string }): DealFields {
  checkClosable(d, 'won');
  return { ...d, stageId: won.id, closedOn, amountMinor: amount.minor, currency: amount.currency, lostReason: null };
}

/**
 * analytics.md: winning records an order for the deal's customer, with the deal's final amount and close date,
 * unless `record` is false. The customer is the deal's company, else the company its contact works for, else the
 * contact (a B2C sale). `contact` is the deal's contact as loaded, null when it has none.
 */
export function winOrder(d: Deal, closedOn: string, amount: Money, contact: Party | null, record: boolean): OrderFields | null {
  if (!record) return null;
  const customer = d.company ? { kind: 'company' as const, ...d.company }
    : contact?.company ? { kind: 'company' as const, ...contact.company }
    : contact ? { kind: 'contact' as const, id: contact.id, name: contact.name } : null;
  if (!customer) {
    throw invalid('DEAL', `deal #${d.id} has no company or contact to record the order for`,
      `link one (crm deal edit ${d.id} --company NAME) or pass --no-order`);
  }
  return { customer, orderedOn: closedOn, amountMinor: amount.minor, currency: amount.currency, reference: null, dealId: d.id };
}

/** Lost: the Lost stage, the close date and the reason; the override is kept for a reopen. */
export function lose(d: Deal, lost: Stage, closedOn: string, reason: string): DealFields {
  checkClosable(d, 'lost');
  return { ...d, stageId: lost.id, closedOn, lostReason: reason };
}

/**
 * Reopened into `to`: no close date, no lost reason. Back in the stage it closed from (`closedFrom`), the deal's own
 * probability and category are in force again; in another stage, that stage's defaults are, as after a move.
 */
export function reopen(d: Deal, to: Stage, closedFrom: number | null): DealFields {
  if (d.stage.outcome === 'open') throw usageError(`deal #${d.id} ${d.title} is open`, 'nothing to reopen');
  if (to.outcome !== 'open') throw invalid('--stage', `"${to.name}" is not an open stage`, 'name an open stage');
  const back = to.id === closedFrom;
  return {
    ...d, stageId: to.id, closedOn: null, lostReason: null,
    probability: back ? d.probability : null, forecastCategory: back ? d.forecastCategory : null,
  };
}

/**
 * The stage a reopen goes to when none is named: the one the deal closed from, if it still exists, else the first
 * open stage. `stages` in pipeline order.
 */
export function reopenStage(stages: readonly Stage[], closedFrom: number | null): Stage {
  const to = stages.find((s) => s.id === closedFrom) ?? stages.find((s) => s.outcome === 'open');
  if (!to) throw usageError('there is no open stage to reopen the deal in', 'add one with crm stage add NAME');
  return to;
}

/** Reopening a won deal takes back the order its win recorded; orders added by hand stay. */
export const undoesWinOrder = (d: Pick<Deal, 'stage'>): boolean => d.stage.outcome === 'won';

/**
 * Whether `stage` may be removed at all: deals close into a won and a lost stage, so the only stage of either
 * outcome stays. `stages` are all of them.
 */
export function checkRemovable(stage: Stage, stages: readonly Stage[]): void {
  if (stage.outcome !== 'open' && stages.filter((s) => s.outcome === stage.outcome).length === 1) {
    throw conflict(`"${stage.name}" is the only ${stage.outcome} stage; deals need one to be ${stage.outcome}`,
      `add another ${stage.outcome} stage first (crm stage add NAME --outcome ${stage.outcome})`);
  }
}

/**
 * Where the `inUse` deals of a stage being removed go: `target` (--move-to, null when not given), which must be
 * another stage of the same outcome. Won and lost deals close through deal win and lose (close date, order,
 * reason), never through a stage removal; each deal moved enters the target as a move does (enterStage).
 */
export function checkMoveTarget(stage: Stage, inUse: number, target: Stage | null): void {
  if (inUse === 0) return;
  if (target === null) {
    throw conflict(`${inUse} deal${inUse === 1 ? ' is' : 's are'} in stage "${stage.name}"`, 'pass --move-to STAGE to move them first');
  }
  if (target.id === stage.id) throw usageError('--move-to names the stage being removed', 'name another stage');
  if (target.outcome !== stage.outcome) {
    throw invalid('--move-to', `"${target.name}" is a ${target.outcome} stage, "${stage.name}" an ${stage.outcome} one`,
      `move the deals to another ${stage.outcome} stage`);
  }
}

/** A contact as the deal rules need it: who they are and whom they work for. */
export type Party = Link & { company: Link | null };

/**
 * A deal's contact works for the deal's company, or for no company (a freelancer, an adviser). `field` is the flag
 * that changed, named in the error.
 */
export function checkParties(company: Link | null, contact: Party | null, field: '--company' | '--contact'): void {
  if (!company || !contact?.company || contact.company.id === company.id) return;
  throw invalid(field,
    `${contact.name} (contact #${contact.id}) works for ${contact.company.name} (company #${contact.company.id}), ` +
    `not for the deal's company ${company.name} (company #${company.id})`,
    `name a contact of ${company.name}, or pass --company ${quoted(contact.company.name)}`);
}

const quoted = (name: string) => (/^[\w.@-]+$/.test(name) ? name : `"${name.replace(/"/g, '\\"')}"`);
