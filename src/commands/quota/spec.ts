import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { listsNoRecords } from '../hooks.js';
import type { InputOf } from '../input.js';

/** `crm quota ...`: every verb's arguments, flags and help; the implementations are in this folder. */
export function quotaSpec(program: CommandUnknownOpts) {
  const quota = program.command('quota').description('sales quotas per owner and month or quarter')
    .hook('preAction', listsNoRecords);
  return {
    set: quota.command('set').description('set an owner\'s quota for a period (2026-12 or 2026-Q4)')
      .argument('<owner>').argument('<period>', 'a month (2026-12) or fiscal quarter (2026-Q4)').argument('<amount>')
      .option('--currency <code>', 'currency of the amount (default: config currency)'),
    list: quota.command('list').alias('ls').description('quotas by period and owner')
      .option('--owner <user>', "only this owner's").option('--mine', 'only yours').option('--period <period>', 'only this period'),
  };
}

type Spec = ReturnType<typeof quotaSpec>;
export type QuotaInput<Verb extends keyof Spec> = InputOf<Spec[Verb]>;
