import { notPermitted } from '../errors.js';
import type { ActivityType, Direction } from './activity.js';
import type { Contact } from './contact.js';

/**
 * Privacy (product.md): people join freely and leave freely. A contact marked do-not-contact, or who opted out, is
 * not called, mailed or scheduled for a follow-up unless the user overrides it on purpose, and the override is
 * journalled with the write.
 */

type Person = Pick<Contact, 'id' | 'name' | 'consent' | 'doNotContact'>;

/** Why we may not reach out to this person, or null when we may. Do-not-contact is the stronger word. */
export function consentBlock(p: Pick<Contact, 'consent' | 'doNotContact'>): string | null {
  if (p.doNotContact) return 'is do-not-contact';
  if (p.consent === 'opted-out') return 'has opted out';
  return null;
}

/**
 * Whether logging this activity means we reached out. A call or email without --direction counts as outbound: the
 * rule must not be dodged by leaving the flag out, and "they reached out" is one flag away (--direction inbound).
 * Meetings and notes are not outreach by themselves.
 */
export const reachesOut = (type: ActivityType, direction: Direction | null): boolean =>
  (type === 'call' || type === 'email') && direction !== 'inbound';

/** What the user is doing, as the refusal names it. */
export type Outreach =
  | { kind: 'activity'; type: ActivityType; direction: Direction | null }
  /** `seriesOf`: the follow-up whose completion schedules this one. */
  | { kind: 'followup'; seriesOf?: number };

/**
 * Checks one write that may reach `person`. Refused (exit 5) when it reaches out to someone who may not be contacted
 * and `override` is false; with `override`, the note to journal with the write (null when nothing needed overriding).
 */
export function checkConsent(person: Person | null, what: Outreach, override: boolean): string | null {
  if (what.kind === 'activity' && !reachesOut(what.type, what.direction)) return null;
  const block = person && consentBlock(person);
  if (!person || !block) return null;
  const who = `${person.name} (contact #${person.id}) ${block}`;
  if (override) return `consent overridden: ${who}`;
  const doing = what.kind === 'activity' ? `logging an outbound ${what.type} to them` : 'scheduling a follow-up with them';
  const hints = ['if they asked to be contacted, pass --override-consent (crm history keeps it)'];
  if (what.kind === 'activity') hints.push('if they reached out, pass --direction inbound');
  if (what.kind === 'followup' && what.seriesOf !== undefined) {
    hints.push(`to end the series, crm followup edit ${what.seriesOf} --repeat none first`);
  }
  throw notPermitted(`${who}: ${doing} is not permitted`, hints.join('; '));
}
