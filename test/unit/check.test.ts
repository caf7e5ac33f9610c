import { describe, expect, it } from 'vitest';
import { check, checkAll, listLimit, plainLine, problem, rejected, rule, tag } from '../../src/domain/check.js';
import { demoScale } from '../../src/domain/demo.js';
import { count, lostReason, name } from '../../src/domain/fields.js';
import { parseCurrency } from '../../src/domain/money.js';
import { binCount, horizonMonths, monthlyRate, periodCount, segmentName, snapshotName } from '../../src/domain/report-options.js';

/** What check() throws, as the one line a person reads (message and hint) and the exit code. */
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e: any) {
    return `${e.exitCode} ${e.message}${e.hint ? ` (${e.hint})` : ''}`;
  }
  return 'accepted';
};

describe('check', () => {
  it('names the field, quotes the value (control characters escaped) and gives the fix, exit 2', () => {
    expect(refusal(() => check(name, 'Evil\nCorp', '--name'))).toBe(
      '2 --name: "Evil\\nCorp" contains a line break or control character (write it as one line of plain text)');
    expect(refusal(() => check(count, 'ten', '--size'))).toBe('2 --size: "ten" must be a whole number, e.g. 50');
    expect(check(name, '  Acme  ', 'name')).toBe('Acme');
  });

  it('takes schemas built without zod the same way, and says what is wrong without throwing', () => {
    const even = rule((v) => (Number(v) % 2 === 0 ? { ok: true, value: Number(v) } : { ok: false, message: 'is odd; give an even number' }));
    expect(check(even, '4', '--n')).toBe(4);
    expect(refusal(() => check(even, '3', '--n'))).toBe('2 --n: "3" is odd (give an even number)');
    expect(problem(even, '3')).toEqual({ what: 'is odd', fix: 'give an even number' });
    expect(problem(even, '2')).toBeNull();
    expect(refusal(() => checkAll(even, ['2', '5'], '--n'))).toBe('2 --n: "5" is odd (give an even number)');
  });

  it('lets parsers of richer forms refuse a value in the same words', () => {
    expect(refusal(() => { throw rejected('--due', 'soon\u001b', 'is not a date; use e.g. tomorrow'); }))
      .toBe('2 --due: "soon\\u001b" is not a date (use e.g. tomorrow)');
  });
});

describe('the schemas of list flags, CRM_USER and currencies (no zod)', () => {
  it('--limit: absent, or a whole number of at least 1', () => {
    expect([check(listLimit, undefined, '--limit'), check(listLimit, ' 25 ', '--limit')]).toEqual([undefined, 25]);
    for (const bad of ['0', '-1', '1.5', 'abc', '']) {
      expect(refusal(() => check(listLimit, bad, '--limit'))).toBe(`2 --limit: "${bad}" is not a whole number of at least 1 (give e.g. 50)`);
    }
  });

  it('tags are lower case letters, digits and _ . : -', () => {
    expect(checkAll(tag, [' VIP ', 'key-account', 'q1:2026'], '--tag')).toEqual(['vip', 'key-account', 'q1:2026']);
    expect(refusal(() => checkAll(tag, ['vip!'], '--tag'))).toBe('2 --tag: "vip!" is not a tag (use letters, digits and _ . : - (up to 50), e.g. vip)');
  });

  it('CRM_USER is taken as given, one line', () => {
    expect(check(plainLine, ' bob ', 'CRM_USER')).toBe(' bob ');
    expect(refusal(() => check(plainLine, 'bob\n', 'CRM_USER'))).toMatch(/^2 CRM_USER: "bob\\n" contains a line break/);
  });

  it('currency codes in any case', () => {
    expect(parseCurrency(' eur ', '--currency')).toBe('EUR');
    expect(refusal(() => parseCurrency('EURO', '--currency'))).toBe('2 --currency: "EURO" is not an ISO 4217 currency code (use a code such as EUR, USD or GBP)');
  });
});

describe('the reports\' and the demo\'s own flags', () => {
  it('counts within their ranges', () => {
    expect([check(horizonMonths, '120', '--horizon'), check(binCount, '2', '--bins'), check(periodCount, '24', '--periods'), check(demoScale, '10', '--scale')])
      .toEqual([120, 2, 24, 10]);
    expect(refusal(() => check(horizonMonths, '121', '--horizon'))).toBe('2 --horizon: "121" is out of range (give 1 to 120 months)');
    expect(refusal(() => check(binCount, '11', '--bins'))).toBe('2 --bins: "11" is out of range (give 2 to 10 bins; 5 is the standard)');
    expect(refusal(() => check(periodCount, '0', '--periods'))).toBe('2 --periods: "0" is out of range (give 1 to 24 periods)');
    expect(refusal(() => check(demoScale, '100001', '--scale'))).toBe('2 --scale: "100001" is out of range (give a number of contacts from 10 to 100,000)');
    // A malformed count says so before any range is looked at.
    expect(refusal(() => check(horizonMonths, 'a year', '--horizon'))).toBe('2 --horizon: "a year" must be a whole number, e.g. 50');
  });

  it('a monthly discount rate is a fraction below 1', () => {
    expect([check(monthlyRate, '0.01', '--discount'), check(monthlyRate, '.5', '--discount'), check(monthlyRate, '0', '--discount')]).toEqual([0.01, 0.5, 0]);
    for (const bad of ['1', '1.5', '-0.1', '1e-2', '']) {
      expect(refusal(() => check(monthlyRate, bad, '--discount'))).toBe(`2 --discount: "${bad}" is not a monthly rate (give a fraction such as 0.01 (1% a month))`);
    }
  });

  it('segments, snapshot names and lost reasons as people type them', () => {
    expect(check(segmentName, 'cant lose them', '--segment')).toBe("Can't Lose Them");
    expect(refusal(() => check(segmentName, 'vip', '--segment'))).toMatch(/^2 --segment: "vip" is not a segment \(use one of: Champions, /);
    expect(check(snapshotName, ' 2026-Q1 ', '--save')).toBe('2026-Q1');
    expect(refusal(() => check(snapshotName, ' ', '--save'))).toBe('2 --save: " " needs a name (e.g. --save 2026-Q1)');
    expect(check(lostReason(['price', 'no-budget']), 'No  Budget', '--reason')).toBe('no-budget');
    expect(refusal(() => check(lostReason(['price']), 'vibes', '--reason')))
      .toBe('2 --reason: "vibes" is not a lost reason (use one of: price (crm config set lostReasons ... to change them))');
  });
});
