import { type Command, type CommandUnknownOpts, Option, type OptionValues } from '@commander-js/extra-typings';
import { PRIORITIES } from '../../domain/followup.js';
import { CONSENT_HELP, linkFlags } from '../flags.js';
import { listsNoRecords } from '../hooks.js';
import type { InputOf, OptsOf } from '../input.js';

const REPEATS = `Repeats: --repeat 3d, 2w, 1m, 1q (quarter), 1y, "every 2 weeks", daily, weekly, monthly, quarterly, yearly.
Completing a repeating follow-up schedules the first date of its series after this occurrence's date in the series
and after the day it was done (or today, if later).
Months, quarters and years keep the series' day: a series on the 31st falls on each month's last day (Jan 31,
Feb 28, Mar 31), one on the 30th stays on the 30th (Jan 30, Feb 28, Mar 30). A snooze moves one occurrence, not
the series; edit --due starts the series again on the new date.
`;

const followupFlags = <A extends unknown[], O extends OptionValues, G extends OptionValues>(cmd: Command<A, O, G>) => linkFlags(cmd
  .option('--due <when>', 'due date or date-time: tomorrow, friday 10:00, +3d, 2026-04-01, ...')
  .addOption(new Option('--priority <priority>', 'priority (default: normal)').choices(PRIORITIES))
  .option('--repeat <rule>', 'repeat after completion: 3d, 2w, 1m, 1q, 1y, "every 2 weeks", monthly, yearly ("none" to stop)')
  .option('--owner <user>', 'owner (default: you)').option('--notes <text>', 'notes')
  .option('--override-consent', 'schedule it though the contact is do-not-contact or opted out (journalled)'));

/** `crm followup ...`: every verb's arguments, flags and help; the implementations are in this folder. */
export function followupSpec(program: CommandUnknownOpts) {
  const followup = program.command('followup').description('follow-ups: due dates, priorities, repeats');
  return {
    add: followupFlags(followup.command('add').description('schedule a follow-up (asks for what is left out, on a terminal)').argument('[title]'))
      .addHelpText('after', `\n${REPEATS}\n${CONSENT_HELP}\nExample:\n  crm followup add "Send contract" --due tomorrow --company Globex --repeat 2w`),

    list: followup.command('list').alias('ls').description('open follow-ups, soonest first')
      .option('--overdue', 'only overdue ones')
      .option('--due <period>', 'due in: today, tomorrow, this-week, next-week, this-month, or any period')
      .option('--owner <user>', 'only this owner\'s').option('--mine', 'only yours')
      .option('--done', 'completed ones instead').option('--all', 'open and completed')
      .option('--limit <n>', 'at most n'),

    done: followup.command('done').description('complete a follow-up; a repeating one schedules its next')
      .argument('[followup]', "id or title (picked from today's and overdue when left out)").option('--at <when>', 'when it was done (default: now)')
      .option('--override-consent', "schedule a series' next one though its contact is do-not-contact or opted out (journalled)")
      .addHelpText('after', `\n${REPEATS}\n${CONSENT_HELP}`),

    snooze: followup.command('snooze').description('move a follow-up\'s due date').argument('[followup]', "id or title (picked from today's and overdue when left out)")
      .option('--until <when>', 'new due date (default: tomorrow)')
      .addHelpText('after', '\nA snooze moves this occurrence only: a repeating follow-up\'s series keeps its day (crm followup edit --due moves the series).'),

    edit: followupFlags(followup.command('edit').description('change a follow-up (offers the current values on a terminal)').argument('[followup]', 'id or title')
      .option('--title <title>', 'new title')),

    rm: followup.command('rm').description('delete a follow-up').argument('<followup>', 'id or title')
      .hook('preAction', listsNoRecords),
  };
}

type Spec = ReturnType<typeof followupSpec>;
export type FollowupInput<Verb extends keyof Spec> = InputOf<Spec[Verb]>;

/** What followupFields reads: edit's flags, which are add's and --title (add's title comes as an argument). */
export type FollowupFlags = OptsOf<Spec['edit']>;
