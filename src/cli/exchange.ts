import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { exportSpec } from '../commands/export/spec.js';
import type { Context } from '../context.js';
import { lazy } from './action.js';

export function registerExport(program: CommandUnknownOpts, ctx: Context): void {
  const out = exportSpec(program);
  lazy(ctx, out.vcard, () => import('../commands/export/vcard.js'));
}
