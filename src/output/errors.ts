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
