import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { exportSpec } from '../commands/export/spec.js';
import { importSpec } from '../commands/import/spec.js';
import type { Context } from '../context.js';
import { lazy } from './action.js';

export function registerImport(program: CommandUnknownOpts, ctx: Context): void {
  const imp = importSpec(program);
  lazy(ctx, imp.contacts, () => import('../commands/import/contacts.js'));
  lazy(ctx, imp.companies, () => import('../commands/import/companies.js'));
  lazy(ctx, imp.deals, () => import('../commands/import/deals.js'));
  lazy(ctx, imp.activities, () => import('../commands/import/activities.js'));
  lazy(ctx, imp.followups, () => import('../commands/import/followups.js'));
  lazy(ctx, imp.orders, () => import('../commands/import/orders.js'));
  lazy(ctx, imp.vcard, () => import('../commands/import/vcard.js'));
  lazy(ctx, imp.backup, () => import('../commands/import/backup.js'));
}

export function registerExport(program: CommandUnknownOpts, ctx: Context): void {
  const exp = exportSpec(program);
  lazy(ctx, exp.companies, () => import('../commands/export/companies.js'));
  lazy(ctx, exp.contacts, () => import('../commands/export/contacts.js'));
  lazy(ctx, exp.deals, () => import('../commands/export/deals.js'));
  lazy(ctx, exp.activities, () => import('../commands/export/activities.js'));
  lazy(ctx, exp.followups, () => import('../commands/export/followups.js'));
  lazy(ctx, exp.orders, () => import('../commands/export/orders.js'));
  lazy(ctx, exp.vcard, () => import('../commands/export/vcard.js'));
  lazy(ctx, exp.ics, () => import('../commands/export/ics.js'));
  lazy(ctx, exp.backup, () => import('../commands/export/backup.js'));
}
