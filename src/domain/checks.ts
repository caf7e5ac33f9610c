import { invalid } from '../errors.js';

/**
 * Checks that read commands (lists, search) run on every call. They are plain regexes rather than zod schemas
 * to keep zod out of the read path's startup; fields.ts builds its zod schemas on the same rules.
 */
export const TAG = {
  pattern: /^[\p{L}\p{N}][\p{L}\p{N}_.:-]{0,49}$/u,
  message: 'is not a tag; use letters, digits and _ . : - (up to 50), e.g. vip',
};

export const COUNT = { pattern: /^\d{1,9}$/, message: 'must be a whole number, e.g. 50' };

/**
 * Names and titles are one line of text: a line break or control character in one breaks every table, CSV row
 * and terminal it is later shown in (an escape sequence can even rewrite the screen).
 */
export const ONE_LINE = {
  control: /[\p{Cc}\u2028\u2029]/u,
  message: 'contains a line break or control character; write it as one line of plain text',
};

/** An input as an error message quotes it: control characters written as escapes, never sent to the terminal. */
export function visible(value: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  return value.replace(/[\p{Cc}\u2028\u2029]/gu, (c) => named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function fail(field: string, value: string, message: string): never {
  const i = message.indexOf('; ');
  throw invalid(field, `"${visible(value)}" ${i < 0 ? message : message.slice(0, i)}`, i < 0 ? undefined : message.slice(i + 2));
}

/** A name from outside the flags (CRM_USER): the same rule as --name and --owner. */
export function checkOneLine(value: string, field: string): string {
  return ONE_LINE.control.test(value) ? fail(field, value, ONE_LINE.message) : value;
}

export function checkTags(values: readonly string[] | undefined, field: string): string[] {
  return (values ?? []).map((v) => {
    const t = v.trim().toLowerCase();
    return TAG.pattern.test(t) ? t : fail(field, v, TAG.message);
  });
}

export function checkCount(value: string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  return COUNT.pattern.test(value.trim()) ? Number(value.trim()) : fail(field, value, COUNT.message);
}

/** `--limit` of every command that has one: cutting a list to no rows (0) is a mistake, not a request. */
export function checkLimit(value: string | undefined, field = '--limit'): number | undefined {
  if (value === undefined) return undefined;
  const n = COUNT.pattern.test(value.trim()) ? Number(value.trim()) : 0;
  return n >= 1 ? n : fail(field, value, 'is not a whole number of at least 1; give e.g. 50');
}
