import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { exportSpec } from '../commands/export/spec.js';
import { importSpec } from '../commands/import/spec.js';
import type { Context } from '../context.js';
import { lazy } from './action.js';

export function registerExport(program: CommandUnknownOpts, ctx: Context): void {
  const out = exportSpec(program);
  lazy(ctx, out.vcard, () => import('../commands/export/vcard.js'));
  lazy(ctx, out.ics, () => import('../commands/export/ics.js'));
  lazy(ctx, out.backup, () => import('../commands/export/backup.js'));
}

export function registerImport(program: CommandUnknownOpts, ctx: Context): void {
  const imp = importSpec(program);
  lazy(ctx, imp.vcard, () => import('../commands/import/vcard.js'));
  lazy(ctx, imp.backup, () => import('../commands/import/backup.js'));
}
