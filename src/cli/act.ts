import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { productSpec } from '../commands/product/spec.js';
import type { Context } from '../context.js';
import { lazy } from './action.js';

/** Products, campaigns and the day's next actions (issue 18). */
export function registerAct(program: CommandUnknownOpts, ctx: Context): void {
  const product = productSpec(program);
  lazy(ctx, product.add, () => import('../commands/product/add.js'));
  lazy(ctx, product.list, () => import('../commands/product/list.js'));
  lazy(ctx, product.show, () => import('../commands/product/show.js'));
}
