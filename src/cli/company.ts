import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { companySpec } from '../commands/company/spec.js';
import type { Context } from '../context.js';
import { lazy } from './action.js';

export function registerCompany(program: CommandUnknownOpts, ctx: Context): void {
  const company = companySpec(program);
  lazy(ctx, company.add, () => import('../commands/company/add.js'));
  lazy(ctx, company.list, () => import('../commands/company/list.js'));
  lazy(ctx, company.show, () => import('../commands/company/show.js'));
  lazy(ctx, company.edit, () => import('../commands/company/edit.js'));
  lazy(ctx, company.rm, () => import('../commands/company/rm.js'));
  lazy(ctx, company.tree, () => import('../commands/company/tree.js'));
  lazy(ctx, company.merge, () => import('../commands/company/merge.js'));
  lazy(ctx, company.dupes, () => import('../commands/company/dupes.js'));
}
