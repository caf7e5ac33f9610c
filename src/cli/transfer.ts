import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { exportSpec } from '../commands/export/spec.js';
import { importSpec } from '../commands/import/spec.js';
import type { Context } from '../context.js';
import { lazy } from './action.js';

export function registerImport(program: CommandUnknownOpts, ctx: Context): void {
  const importer = importSpec(program);
  lazy(ctx, importer.backup, () => import('../commands/import/backup.js'));
}

export function registerExport(program: CommandUnknownOpts, ctx: Context): void {
  const exporter = exportSpec(program);
  lazy(ctx, exporter.backup, () => import('../commands/export/backup.js'));
}
