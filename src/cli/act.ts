import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { campaignSpec } from '../commands/campaign/spec.js';
import { nextSpec } from '../commands/next/spec.js';
import { productSpec } from '../commands/product/spec.js';
import type { Context } from '../context.js';
import { lazy } from './action.js';

// Products, campaigns and the day's next actions (issue 18).

export function registerProduct(program: CommandUnknownOpts, ctx: Context): void {
  const product = productSpec(program);
  lazy(ctx, product.add, () => import('../commands/product/add.js'));
  lazy(ctx, product.list, () => import('../commands/product/list.js'));
  lazy(ctx, product.show, () => import('../commands/product/show.js'));
}

export function registerCampaign(program: CommandUnknownOpts, ctx: Context): void {
  const campaign = campaignSpec(program);
  lazy(ctx, campaign.add, () => import('../commands/campaign/add.js'));
  lazy(ctx, campaign.list, () => import('../commands/campaign/list.js'));
  lazy(ctx, campaign.show, () => import('../commands/campaign/show.js'));
  lazy(ctx, campaign.edit, () => import('../commands/campaign/edit.js'));
  lazy(ctx, campaign.rm, () => import('../commands/campaign/rm.js'));
  lazy(ctx, campaign.target, () => import('../commands/campaign/target.js'));
  lazy(ctx, campaign.members, () => import('../commands/campaign/members.js'));
  lazy(ctx, campaign.touch, () => import('../commands/campaign/touch.js'));
  lazy(ctx, campaign.respond, () => import('../commands/campaign/respond.js'));
}

export function registerNext(program: CommandUnknownOpts, ctx: Context): void {
  lazy(ctx, nextSpec(program), () => import('../commands/next/next.js'));
}
