import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { importSpec } from '../commands/import/spec.js';
import type { Context } from '../context.js';
import { lazy } from './action.js';

export function registerImport(program: CommandUnknownOpts, ctx: Context): void {
  const imp = importSpec(program);
  lazy(ctx, imp.contacts, () => import('../commands/import/contacts.js'));
}
