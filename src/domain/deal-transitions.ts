import { conflict, invalid, usageError } from '../errors.js';
import type { Deal, DealFields } from './deal.js';
import type { Link } from './record.js';
import type { ForecastCategory, Stage } from './stage.js';

/**
 * What each stage transition does to a deal: its stage, close date, lost reason, and its own probability and
 * forecast category. A deal's override is its own: closing keeps it (the closing stage speaks while the deal is
 * closed, see probabilityOf), and reopening into the stage it closed from brings it back. Entering any other stage
 * brings that stage's defaults, because an override was set for the stage it was set in.
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

/** Won: the Won stage, the close date and the final amount; no lost reason; the override is kept for a reopen. */
export function win(d: Deal, won: Stage, closedOn: string, amount: { minor: number; currency: string }): DealFields {
  checkClosable(d, 'won');
  return { ...d, stageId: won.id, closedOn, amountMinor: amount.minor, currency: amount.currency, lostReason: null };
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
