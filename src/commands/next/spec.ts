import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import type { InputOf } from '../input.js';

/** `crm next`: the day's ranked actions for one salesperson. */
export function nextSpec(program: CommandUnknownOpts) {
  return program.command('next').description("the day's best actions for one salesperson, ranked, each with its reason and command")
    .option('--owner <user>', 'whose day (default: you)')
    .option('--date <date>', 'the day to plan (default: today): monday plans the coming Monday')
    .option('--limit <n>', 'at most n actions (default 15)')
    .addHelpText('after', `
In this order, each kind by what is at stake: overdue follow-ups (then those due today), deals closing this week
without a next step, stale deals (idle past their stage's rotting days), valuable customers at risk (crm report
churn), members of running campaigns not yet contacted, and cross-sell at good customers (value tier MVC or MGC,
the best rule of crm report cross-sell --customer). Customers and members count when you own the company or contact.
Example:
  crm next --json | jq -r '.actions[0].command'`);
}

type Spec = ReturnType<typeof nextSpec>;
export type NextInput = InputOf<Spec>;
