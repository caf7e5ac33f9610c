import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { quotaSpec } from '../commands/quota/spec.js';
import { reportSpec } from '../commands/report/spec.js';
import type { Context } from '../context.js';
import { lazy } from './action.js';

export function registerReport(program: CommandUnknownOpts, ctx: Context): void {
  const report = reportSpec(program);
  lazy(ctx, report.pipeline, () => import('../commands/report/pipeline.js'));
  lazy(ctx, report.forecast, () => import('../commands/report/forecast.js'));
  lazy(ctx, report.winloss, () => import('../commands/report/winloss.js'));
  lazy(ctx, report.rfm, () => import('../commands/report/rfm.js'));
  lazy(ctx, report.deciles, () => import('../commands/report/deciles.js'));
  lazy(ctx, report.portfolio, () => import('../commands/report/portfolio.js'));
  lazy(ctx, report.loyalty, () => import('../commands/report/loyalty.js'));
  lazy(ctx, report.clv, () => import('../commands/report/clv.js'));
  lazy(ctx, report.activity, () => import('../commands/report/activity.js'));
  lazy(ctx, report.campaign, () => import('../commands/report/campaign.js'));
  lazy(ctx, report.campaigns, () => import('../commands/report/campaigns.js'));
  lazy(ctx, report['cross-sell'], () => import('../commands/report/cross-sell.js'));
  lazy(ctx, report.churn, () => import('../commands/report/churn.js'));
}

export function registerQuota(program: CommandUnknownOpts, ctx: Context): void {
  const quota = quotaSpec(program);
  lazy(ctx, quota.set, () => import('../commands/quota/set.js'));
  lazy(ctx, quota.list, () => import('../commands/quota/list.js'));
}
