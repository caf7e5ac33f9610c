import { describe, expect, it } from 'vitest';
import { checkConsent, consentBlock, reachesOut } from '../../src/domain/consent.js';

const person = (over: { consent?: 'opted-in' | 'opted-out' | 'unknown'; doNotContact?: boolean } = {}) =>
  ({ id: 4, name: 'Dana', consent: 'unknown' as const, doNotContact: false, ...over });

describe('consent', () => {
  it('blocks do-not-contact (the stronger word) and opted-out people only', () => {
    expect(consentBlock(person({ doNotContact: true, consent: 'opted-out' }))).toBe('is do-not-contact');
    expect(consentBlock(person({ doNotContact: true, consent: 'opted-in' }))).toBe('is do-not-contact');
    expect(consentBlock(person({ consent: 'opted-out' }))).toBe('has opted out');
    expect(consentBlock(person({ consent: 'unknown' }))).toBeNull();
    expect(consentBlock(person({ consent: 'opted-in' }))).toBeNull();
  });

  it('counts a call or email without a direction as outbound; meetings and notes are not outreach', () => {
    expect([reachesOut('call', null), reachesOut('email', null), reachesOut('call', 'outbound')]).toEqual([true, true, true]);
    expect([reachesOut('call', 'inbound'), reachesOut('email', 'inbound')]).toEqual([false, false]);
    expect([reachesOut('meeting', 'outbound'), reachesOut('note', null)]).toEqual([false, false]);
  });

  it('refuses with exit 5, or returns the note to journal when overridden', () => {
    const dana = person({ doNotContact: true });
    const call = { kind: 'activity', type: 'call', direction: null } as const;
    expect(() => checkConsent(dana, call, false)).toThrow(expect.objectContaining({
      exitCode: 5, code: 'not_permitted', message: 'Dana (contact #4) is do-not-contact: logging an outbound call to them is not permitted' }));
    expect(checkConsent(dana, call, true)).toBe('consent overridden: Dana (contact #4) is do-not-contact');
    expect(checkConsent(dana, { ...call, direction: 'inbound' }, false)).toBeNull();
    expect(checkConsent(null, call, false)).toBeNull();
    expect(checkConsent(person(), { kind: 'followup' }, true)).toBeNull(); // nothing to override, nothing to note
    expect(() => checkConsent(person({ consent: 'opted-out' }), { kind: 'followup', seriesOf: 9 }, false)).toThrow(expect.objectContaining({
      message: 'Dana (contact #4) has opted out: scheduling a follow-up with them is not permitted',
      hint: 'if they asked to be contacted, pass --override-consent (crm history keeps it); to end the series, crm followup edit 9 --repeat none first' }));
  });
});
