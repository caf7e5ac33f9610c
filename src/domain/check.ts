import { type CrmError, invalid } from '../errors.js';

/**
 * The one way an input is checked: a schema says what is acceptable, and check() turns its first complaint into
 * the one-line error that names the field, quotes the value and gives the fix:
 *   --limit: "0" is not a whole number of at least 1 (give e.g. 50)
 * A schema's message is written "what is wrong; how to fix it".
 *
 * Schemas are zod's (fields.ts and its kin, with zod/mini). The few rules that run on every command's start (the
 * config file, CRM_USER) or in list filters are built here with rule(), the same contract without zod: loading and
 * building zod schemas costs a start about 10 ms (measured on `crm config path`), which a list of 10,000 contacts
 * and every other command would pay for a check they mostly do not make.
 */

/** What check() needs of a schema: zod's safeParse, which every zod schema has and rule() gives. */
export interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { message: string }[] } };
}

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

/** A schema from a function that reads a value or says what is wrong with it ("what; fix"). */
export function rule<T>(read: (value: unknown) => Read<T>): Schema<T> {
  return {
    safeParse(value) {
      const r = read(value);
      return r.ok ? { success: true, data: r.value } : { success: false, error: { issues: [{ message: r.message }] } };
    },
  };
}

/** An input as an error message quotes it: control characters written as escapes, never sent to the terminal. */
export function visible(value: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  return value.replace(/[\p{Cc}\u2028\u2029]/gu, (c) => named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

interface Problem {
  what: string;
  fix: string | undefined;
}

const split = (message: string): Problem => {
  const i = message.indexOf('; ');
  return i < 0 ? { what: message, fix: undefined } : { what: message.slice(0, i), fix: message.slice(i + 2) };
};

/** What is wrong with `value` and how to fix it, by the schema's first complaint; null when nothing is. */
export function problem(schema: Schema<unknown>, value: unknown): Problem | null {
  const result = schema.safeParse(value);
  return result.success ? null : split(result.error.issues[0]!.message);
}

/** The value as the schema reads it, or the one-line validation error naming `field` (exit 2). */
export function check<T>(schema: Schema<T>, value: unknown, field: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw rejected(field, value, result.error.issues[0]!.message);
}

/**
 * The error check() throws, for the parsers of richer forms (amounts, dates, periods, repeat rules) to throw the
 * same way: `field`, the value quoted, what is wrong and the fix, from a message "what; fix".
 */
export function rejected(field: string, value: unknown, message: string): CrmError {
  const { what, fix } = split(message);
  const shown = typeof value === 'string' ? `"${visible(value)}" ` : '';
  return invalid(field, `${shown}${what}`, fix);
}

/** check() over a repeatable flag; the error quotes the occurrence that failed. */
export function checkAll<T>(schema: Schema<T>, values: readonly unknown[] | undefined, field: string): T[] {
  return (values ?? []).map((v) => check(schema, v, field));
}

/**
 * Names and titles are one line of text: a line break or control character in one breaks every table, CSV row
 * and terminal it is later shown in (an escape sequence can even rewrite the screen).
 */
export const ONE_LINE = {
  control: /[\p{Cc}\u2028\u2029]/u,
  message: 'contains a line break or control character; write it as one line of plain text',
};

export const COUNT = { pattern: /^\d{1,9}$/, message: 'must be a whole number, e.g. 50' };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (message: string): Read<never> => ({ ok: false, message });

/** A name from outside the flags (CRM_USER), taken as given: the same rule as --name and --owner. */
export const plainLine = rule((v) => (typeof v === 'string' && !ONE_LINE.control.test(v) ? ok(v) : fail(ONE_LINE.message)));

const TAG = /^[\p{L}\p{N}][\p{L}\p{N}_.:-]{0,49}$/u;

/** A tag, as a filter (--tag of list) and as a label (--tag, --add-tag of add and edit): lower case. */
export const tag = rule((v) => {
  const t = String(v).trim().toLowerCase();
  return TAG.test(t) ? ok(t) : fail('is not a tag; use letters, digits and _ . : - (up to 50), e.g. vip');
});

/** `--limit` of every command that has one: cutting a list to no rows (0) is a mistake, not a request. */
export const listLimit = rule((v) => {
  if (v === undefined) return ok(undefined);
  const text = String(v).trim();
  const n = COUNT.pattern.test(text) ? Number(text) : 0;
  return n >= 1 ? ok(n) : fail('is not a whole number of at least 1; give e.g. 50');
});
