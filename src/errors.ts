/** Exit codes are part of the interface contract (product.md); scripts depend on them. */
export const ExitCode = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  notFound: 3,
  conflict: 4,
  notPermitted: 5,
  cancelled: 130,
} as const;

export type ErrorCode = 'usage' | 'validation' | 'not_found' | 'ambiguous' | 'conflict' | 'locked' | 'not_permitted' | 'cancelled'
  | 'database';

const exitFor: Record<ErrorCode, number> = {
  usage: ExitCode.usage,
  validation: ExitCode.usage,
  ambiguous: ExitCode.usage,
  database: ExitCode.usage,
  not_found: ExitCode.notFound,
  conflict: ExitCode.conflict,
  locked: ExitCode.conflict,
  not_permitted: ExitCode.notPermitted,
  cancelled: ExitCode.cancelled,
};

/** An error the user can act on: one line of message, one of hint, a documented exit code. */
export class CrmError extends Error {
  readonly exitCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'CrmError';
    this.exitCode = exitFor[code];
  }
}

export const usageError = (message: string, hint?: string) => new CrmError('usage', message, hint);

/** Validation failure of one named input (a flag, an argument, a config key, a CSV column). */
export const invalid = (field: string, message: string, hint?: string) =>
  new CrmError('validation', `${field}: ${message}`, hint, { field });

export const notFound = (message: string, hint?: string) => new CrmError('not_found', message, hint);

export const conflict = (message: string, hint?: string) => new CrmError('conflict', message, hint);

/** A write the rules forbid whatever the input's form: a person who must not be contacted, a role that may not. */
export const notPermitted = (message: string, hint?: string) => new CrmError('not_permitted', message, hint);

/** -q prints ids only: on a command whose output names no records it would print nothing, and say nothing. */
export const quietWithoutIds = (command = 'this command') => new CrmError('usage',
  `-q needs a command that lists records; ${command} lists none`, 'leave out -q; it works with add, list, show, edit and the like');
