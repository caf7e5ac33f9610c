import { z } from 'zod';
import { invalid } from '../errors.js';
import { COUNT, ONE_LINE, TAG, visible } from './checks.js';

/**
 * Field schemas shared by every record. Each message says what is wrong and how to fix it, because it is
 * shown to the user after the flag name ("--email: ... ").
 */
export const name = z.string().trim().min(1, 'must not be empty; give a name')
  .refine((s) => !ONE_LINE.control.test(s), ONE_LINE.message);

/** What an activity was about: free text, which may run over several lines (a note), unlike a name. */
export const summary = z.string().trim().min(1, 'must not be empty; write what happened');

export const email = z.string().trim().toLowerCase()
  .pipe(z.email({ error: 'is not a valid email address; write it like name@example.com' }));

export const phone = z.string().trim()
  .regex(/^\+?[0-9 ()./-]{3,30}$/, 'is not a phone number; use digits, spaces and + ( ) - . only, e.g. +49 30 1234567')
  .refine((p) => (p.match(/\d/g) ?? []).length >= 3, 'needs at least 3 digits');

export const domain = z.string().trim().toLowerCase()
  .transform((d) => d.replace(/^https?:\/\//, '').replace(/\/.*$/, '').replace(/^www\./, ''))
  .pipe(z.string().regex(/^(?=.{1,253}$)([\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$/u,
    'is not a domain name; write it like acme.example'));

export const tag = z.string().trim().toLowerCase().regex(TAG.pattern, TAG.message);

export const count = z.string().trim().regex(COUNT.pattern, COUNT.message).transform(Number);

export const percent = z.string().trim()
  .regex(/^\d{1,3}$/, 'must be a whole percentage from 0 to 100; write it like 25')
  .transform(Number).refine((n) => n <= 100, 'must be a whole percentage from 0 to 100; write it like 25');

export const satisfaction = z.string().trim()
  .regex(/^[1-5]$/, 'must be a score from 1 (poor) to 5 (delighted)').transform(Number);

export const optionalText = z.string().trim().transform((s) => (s === '' ? null : s));

export const owner = z.string().trim().min(1, 'must not be empty; give a user name')
  .refine((s) => !ONE_LINE.control.test(s), ONE_LINE.message);

/** Enumerations accept their canonical spelling with '-' or '_' or spaces ("decision maker" = decision-maker). */
export function choice<T extends string>(values: readonly T[], what: string) {
  return z.string().trim().toLowerCase().transform((v) => v.replace(/[\s_]+/g, '-'))
    .pipe(z.enum(values as [T, ...T[]], { error: `is not a ${what}; use one of ${values.join(', ')}` }));
}

/** Parses one input with a field schema, turning the first failure into a one-line error naming `field`. */
export function check<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const shown = typeof value === 'string' ? ` "${visible(value)}"` : '';
  const [what, fix] = splitMessage(issue.message);
  throw invalid(field, `${shown.trim() ? shown.trim() + ' ' : ''}${what}`, fix);
}

function splitMessage(message: string): [string, string | undefined] {
  const i = message.indexOf('; ');
  return i < 0 ? [message, undefined] : [message.slice(0, i), message.slice(i + 2)];
}

/** check() over a repeatable flag; reports which occurrence failed by its value. */
export function checkAll<T>(schema: z.ZodType<T>, values: readonly unknown[] | undefined, field: string): T[] {
  return (values ?? []).map((v) => check(schema, v, field));
}

export const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];
