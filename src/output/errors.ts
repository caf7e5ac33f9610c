import type { Theme } from './theme.js';

export interface ErrorReport {
  code: string;
  message: string;
  hint?: string;
  [detail: string]: unknown;
}

/** product.md: one line saying what was wrong with which input and how to fix it. */
export function errorLine(e: ErrorReport, theme: Theme): string {
  const hint = e.hint ? ` ${theme.dim(`(${e.hint})`)}` : '';
  return `${theme.error('error:')} ${e.message.replace(/\s*\n\s*/g, ' ')}${hint}\n`;
}

export function errorJson(e: ErrorReport): string {
  return `${JSON.stringify({ error: e })}\n`;
}

/** A check's failure as a prompt shows it under the answer: the flag name left out (the answer is the input). */
export function answerProblem(e: ErrorReport & { field?: unknown }): string {
  const message = typeof e.field === 'string' && e.message.startsWith(`${e.field}: `) ? e.message.slice(e.field.length + 2) : e.message;
  return e.hint ? `${message}; ${e.hint}` : message;
}
