import { COUNT, ONE_LINE, type Read, rule, type Schema } from './check.js';

// The schemas come with the way to check them, so a command imports both from one place.
export { check, checkAll, tag } from './check.js';

/**
 * The schemas of what people type: record fields and the counts and limits of flags. Each message says what is
 * wrong and how to fix it ("what; fix"), because check() shows it after the field's name and the value. Schemas
 * of one command's own flags live beside their rules (report-options.ts, demo.ts), checked the same way.
 *
 * They are rule()s, not zod's: `crm contact add` and every other command that takes a field loaded all of zod's core
 * for them (zod/mini is most of a start's cost beyond the database: 2.8x bare Node for `contact add`, measured).
 * Each reads a value as the zod schema it replaced did, with the same messages: a text is trimmed first, then its
 * rules are tried in order and the first one broken is the complaint.
 */

/** A schema that can also hand back its value outright, for a value already known to pass. */
export type Field<T> = Schema<T> & { parse(value: unknown): T };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (message: string): Read<never> => ({ ok: false, message });

/** What zod/mini said of a value that is not text at all. */
const NOT_TEXT = 'Invalid input';

function field<T>(read: (value: unknown) => Read<T>): Field<T> {
  const schema = rule(read);
  return {
    ...schema,
    parse(value) {
      const r = read(value);
      if (!r.ok) throw new TypeError(r.message);
      return r.value;
    },
  };
}

/** A text, trimmed, then the first of `rules` it breaks ([test, message]), or `then` of it. */
function text<T = string>(rules: readonly (readonly [(s: string) => boolean, string])[], then: (s: string) => T = (s) => s as T,
  prepare: (s: string) => string = (s) => s.trim()): Field<T> {
  return field((v) => {
    if (typeof v !== 'string') return fail(NOT_TEXT);
    const s = prepare(v);
    for (const [test, message] of rules) if (!test(s)) return fail(message);
    return ok(then(s));
  });
}

const oneLine = [(s: string) => !ONE_LINE.control.test(s), ONE_LINE.message] as const;

/**
 * The longest inputs crm takes, in characters. A name is a line in a table and a title on a card, and a database
 * should not carry a megabyte of one by accident (a file pasted into a flag): 200 is longer than any real name.
 */
export const LIMITS = { name: 200, owner: 100, text: 20_000 } as const;

/** 20000 as 20,000, as toLocaleString('en') writes it, without the cost of starting Intl (~10 ms) on every start. */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

const tooLong = (max: number, what: string) => `is too long; keep ${what} to ${grouped(max)} characters`;

export const name = text([[(s) => s.length >= 1, 'must not be empty; give a name'],
  [(s) => s.length <= LIMITS.name, tooLong(LIMITS.name, 'a name')], oneLine]);

/** What an activity was about: free text, which may run over several lines (a note), unlike a name. */
export const summary = text([[(s) => s.length >= 1, 'must not be empty; write what happened'],
  [(s) => s.length <= LIMITS.text, tooLong(LIMITS.text, 'a text')]]);

/** The address pattern zod's email() checks with (zod/v4/core/regexes.js), kept so that what was accepted still is. */
const EMAIL = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;

export const email = text([[(s) => EMAIL.test(s), 'is not a valid email address; write it like name@example.com']],
  undefined, (s) => s.trim().toLowerCase());

export const phone = text([
  [(s) => /^\+?[0-9 ()./-]{3,30}$/.test(s), 'is not a phone number; use digits, spaces and + ( ) - . only, e.g. +49 30 1234567'],
  [(s) => (s.match(/\d/g) ?? []).length >= 3, 'needs at least 3 digits']]);

const DOMAIN = /^(?=.{1,253}$)([\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$/u;

export const domain = text([[(s) => DOMAIN.test(s), 'is not a domain name; write it like acme.example']], undefined,
  (d) => d.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '').replace(/^www\./, ''));

export const count = text([[(s) => COUNT.pattern.test(s), COUNT.message]], Number);

/** A count within bounds, e.g. a report's --periods; `fix` says which values are allowed. */
export const countIn = (min: number, max: number, fix: string): Field<number> => field((v) => {
  const r = count.safeParse(v);
  if (!r.success) return fail(r.error.issues[0]!.message);
  return r.data >= min && r.data <= max ? ok(r.data) : fail(`is out of range; ${fix}`);
});

const PERCENT = 'must be a whole percentage from 0 to 100; write it like 25';
export const percent = text([[(s) => /^\d{1,3}$/.test(s), PERCENT], [(s) => Number(s) <= 100, PERCENT]], Number);

export const satisfaction = text([[(s) => /^[1-5]$/.test(s), 'must be a score from 1 (poor) to 5 (delighted)']], Number);

export const optionalText = text([], (s) => (s === '' ? null : s));

export const owner = text([[(s) => s.length >= 1, 'must not be empty; give a user name'],
  [(s) => s.length <= LIMITS.owner, tooLong(LIMITS.owner, 'a user name')], oneLine]);

/** Enumerations accept their canonical spelling with '-' or '_' or spaces ("decision maker" = decision-maker). */
export function choice<T extends string>(values: readonly T[], what: string): Field<T> {
  return text([[(s) => (values as readonly string[]).includes(s), `is not a ${what}; use one of ${values.join(', ')}`]],
    (s) => s as T, (s) => s.trim().toLowerCase().replace(/[\s_]+/g, '-'));
}

/** A lost reason as people type it ("No budget" = no-budget), among those configured. */
export const lostReason = (reasons: readonly string[]) =>
  text([[(r) => reasons.includes(r),
    `is not a lost reason; use one of: ${reasons.join(', ')} (crm config set lostReasons ... to change them)`]],
  undefined, (v) => v.trim().toLowerCase().replace(/\s+/g, '-'));

export const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];
