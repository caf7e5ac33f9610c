import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { quietWithoutIds } from '../errors.js';
import { globalOptions } from '../global-flags.js';

/**
 * A `preAction` hook for commands whose output lists no records (reports, settings, removals): -q, which prints
 * only ids, is refused before the command runs, so it never half-does what was asked. On a noun it covers
 * every verb. (The renderer refuses -q on any output without ids too, after the fact.)
 */
export function listsNoRecords(_hooked: unknown, action: CommandUnknownOpts): void {
  if (!globalOptions(action).quiet) return;
  const words: string[] = [];
  for (let c: CommandUnknownOpts | null = action; c?.parent; c = c.parent) words.unshift(c.name());
  throw quietWithoutIds(`crm ${words.join(' ')}`);
}
