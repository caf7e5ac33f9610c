import { describe, expect, it } from 'vitest';
import { segmentMap, sharedSettings } from '../../src/domain/config.js';
import { DEFAULT_SEGMENTS_TEXT, SEGMENTS } from '../../src/domain/rfm.js';
import { offRoster } from '../../src/domain/team.js';

describe('the shared settings in force', () => {
  it('take the database\'s value, else the config file\'s, else the default, and say which', () => {
    const s = sharedSettings({ currency: 'EUR', rates: { USD: 0.9 } }, { currency: 'GBP', fiscalYearStart: 10 });
    expect(s.values).toEqual({ currency: 'EUR', rates: { USD: 0.9 }, fiscalYearStart: 10,
      lostReasons: ['price', 'competitor', 'timing', 'no-budget', 'no-decision', 'product-fit', 'other'],
      segments: DEFAULT_SEGMENTS_TEXT });
    expect(s.source).toEqual({ currency: 'database', rates: 'database', fiscalYearStart: 'config', lostReasons: 'default', segments: 'default' });
    expect(s.ignored).toEqual({ currency: 'GBP' });
  });

  it('read a stored value as config set would have written it, and name the key of one that is not', () => {
    expect(sharedSettings({ lostReasons: ['price', 'timing'], fiscalYearStart: 4 }, {}).values).toMatchObject({ lostReasons: ['price', 'timing'], fiscalYearStart: 4 });
    expect(() => sharedSettings({ fiscalYearStart: 13 }, {})).toThrow('the database\'s setting fiscalYearStart: 13 is not a month number');
    expect(() => sharedSettings({ rates: 'EUR' }, {})).toThrow(/^the database's setting rates: "EUR" has a bad entry/);
    expect(() => sharedSettings({ segments: 'Best=5:6' }, {})).toThrow('the database\'s setting segments: "Best=5:6" has F scores "6" outside 1-5 for Best');
  });

  it('read the segment map: the standard grid by default, a custom one as written', () => {
    expect(segmentMap(sharedSettings({}, {}).values)).toBe(SEGMENTS);
    expect(segmentMap(sharedSettings({ segments: 'Top=4-5:4-5;Champions=3:5' }, {}).values)).toEqual([
      { segment: 'Top', r: [4, 5], f: [4, 5] },
      { segment: 'Champions', r: [3, 3], f: [5, 5], action: SEGMENTS[0]!.action }]);
  });
});

describe('who may own records', () => {
  it('is whoever is on the roster; a typo is told the name it missed, a stranger how to add them', () => {
    const roster = ['alice', 'carol', 'Dmitri Ivanov'];
    expect(offRoster('carol', roster)).toBeNull();
    expect(offRoster('crol', roster)).toEqual({ what: '"crol" is not on the team; did you mean "carol"?', fix: 'use "carol", or add them first: crm team add crol' });
    expect(offRoster('bob', roster)).toEqual({ what: '"bob" is not on the team', fix: 'add them first: crm team add bob' });
    expect(offRoster('Dmitri Ivanow', roster)?.fix).toBe('use "Dmitri Ivanov", or add them first: crm team add "Dmitri Ivanow"');
    // Names are compared exactly: another case is another name, suggested but not taken.
    expect(offRoster('Alice', roster)?.what).toBe('"Alice" is not on the team; did you mean "alice"?');
  });
});
