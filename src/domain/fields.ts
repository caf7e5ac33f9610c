import * as z from 'zod/mini';
import { COUNT, ONE_LINE } from './check.js';

// The schemas come with the way to check them, so a command imports both from one place.
export { check, checkAll, tag } from './check.js';

/**
 * The schemas of what people type: record fields and the counts and limits of flags. Each message says what is
 * wrong and how to fix it ("what; fix"), because check() shows it after the field's name and the value. Schemas
 * of one command's own flags live beside their rules (report-options.ts, demo.ts), checked the same way.
 */

const oneLine = z.refine<string>((s) => !ONE_LINE.control.test(s), ONE_LINE.message);

/**
 * The longest inputs crm takes, in characters. A name is a line in a table and a title on a card, and a database
 * should not carry a megabyte of one by accident (a file pasted into a flag): 200 is longer than any real name.
 */
export const LIMITS = { name: 200, owner: 100, text: 20_000 } as const;

const tooLong = (max: number, what: string) => `is too long; keep ${what} to ${max.toLocaleString('en')} characters`;

export const name = z.string().check(z.trim(), z.minLength(1, 'must not be empty; give a name'),
  z.maxLength(LIMITS.name, tooLong(LIMITS.name, 'a name')), oneLine);

/** What an activity was about: free text, which may run over several lines (a note), unlike a name. */
export const summary = z.string().check(z.trim(), z.minLength(1, 'must not be empty; write what happened'),
  z.maxLength(LIMITS.text, tooLong(LIMITS.text, 'a text')));

export const email = z.pipe(z.string().check(z.trim(), z.toLowerCase()),
  z.email({ error: 'is not a valid email address; write it like name@example.com' }));

export const phone = z.string().check(z.trim(),
  z.regex(/^\+?[0-9 ()./-]{3,30}$/, 'is not a phone number; use digits, spaces and + ( ) - . only, e.g. +49 30 1234567'),
  z.refine<string>((p) => (p.match(/\d/g) ?? []).length >= 3, 'needs at least 3 digits'));

export const domain = z.pipe(
  z.pipe(z.string().check(z.trim(), z.toLowerCase()),
    z.transform((d: string) => d.replace(/^https?:\/\//, '').replace(/\/.*$/, '').replace(/^www\./, ''))),
  z.string().check(z.regex(/^(?=.{1,253}$)([\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$/u,
    'is not a domain name; write it like acme.example')));

export const count = z.pipe(z.string().check(z.trim(), z.regex(COUNT.pattern, COUNT.message)), z.transform(Number));

/** A count within bounds, e.g. a report's --periods; `fix` says which values are allowed. */
export const countIn = (min: number, max: number, fix: string) =>
  count.check(z.refine<number>((n) => n >= min && n <= max, `is out of range; ${fix}`));

const PERCENT = 'must be a whole percentage from 0 to 100; write it like 25';
export const percent = z.pipe(z.string().check(z.trim(), z.regex(/^\d{1,3}$/, PERCENT)), z.transform(Number))
  .check(z.refine<number>((n) => n <= 100, PERCENT));

export const satisfaction = z.pipe(z.string().check(z.trim(), z.regex(/^[1-5]$/, 'must be a score from 1 (poor) to 5 (delighted)')),
  z.transform(Number));

export const optionalText = z.pipe(z.string().check(z.trim()), z.transform((s: string) => (s === '' ? null : s)));

export const owner = z.string().check(z.trim(), z.minLength(1, 'must not be empty; give a user name'),
  z.maxLength(LIMITS.owner, tooLong(LIMITS.owner, 'a user name')), oneLine);

/** Enumerations accept their canonical spelling with '-' or '_' or spaces ("decision maker" = decision-maker). */
export function choice<T extends string>(values: readonly T[], what: string) {
  return z.pipe(z.pipe(z.string().check(z.trim(), z.toLowerCase()), z.transform((v: string) => v.replace(/[\s_]+/g, '-'))),
    z.enum(values as [T, ...T[]], { error: `is not a ${what}; use one of ${values.join(', ')}` }));
}

/** A lost reason as people type it ("No budget" = no-budget), among those configured. */
export const lostReason = (reasons: readonly string[]) =>
  z.pipe(z.string(), z.transform((v: string) => v.trim().toLowerCase().replace(/\s+/g, '-')))
    .check(z.refine<string>((r) => reasons.includes(r),
      `is not a lost reason; use one of: ${reasons.join(', ')} (crm config set lostReasons ... to change them)`));

export const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];
