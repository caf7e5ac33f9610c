import { type Command, type CommandUnknownOpts, Option, type OptionValues } from '@commander-js/extra-typings';
import { ACTIVITY_TYPES, type ActivityType, DIRECTIONS } from '../../domain/activity.js';
import { CONSENT_HELP, linkFlags } from '../flags.js';
import type { InputOf, OptsOf } from '../input.js';

const activityFlags = <A extends unknown[], O extends OptionValues, G extends OptionValues>(cmd: Command<A, O, G>) => cmd
  .argument('[ref]', 'who or what it was with: contact, company or deal (qualify if ambiguous: deal:"Acme renewal")')
  .option('--summary <text>', 'what happened (required; asked on a terminal)')
  .option('--at <when>', 'when (default: now; a future time schedules a meeting)')
  .option('--outcome <text>', 'the result, e.g. "interested", "no answer"')
  .option('--satisfaction <1-5>', "the customer's satisfaction, 1 (poor) to 5 (delighted)");

/** Notes have no direction. */
const directionFlag = <A extends unknown[], O extends OptionValues, G extends OptionValues>(cmd: Command<A, O, G>) => cmd
  .addOption(new Option('--direction <direction>', 'who reached out').choices(DIRECTIONS));

/** Only calls and emails reach out to a person. */
const consentFlag = <A extends unknown[], O extends OptionValues, G extends OptionValues>(cmd: Command<A, O, G>) => cmd
  .option('--override-consent', 'log it though the contact is do-not-contact or opted out (journalled)')
  .addHelpText('after', `\n${CONSENT_HELP}`);

/** `crm log ...`: every verb's arguments, flags and help; the implementations are in this folder. */
export function logSpec(program: CommandUnknownOpts) {
  const log = program.command('log').description('log calls, emails, meetings and notes');
  const type = (name: ActivityType) => activityFlags(log.command(name).description(`log a ${name} with a contact, company or deal`));
  const types = {
    call: linkFlags(consentFlag(directionFlag(type('call')))),
    email: linkFlags(consentFlag(directionFlag(type('email')))),
    meeting: linkFlags(directionFlag(type('meeting'))),
    note: linkFlags(type('note')),
  } satisfies Record<ActivityType, unknown>;
  return {
    ...types,
    list: linkFlags(log.command('list').alias('ls').description('activities, latest first')
      .addOption(new Option('--type <type>', 'only this type').choices(ACTIVITY_TYPES))
      .option('--owner <user>', 'only activities logged by this user').option('--mine', 'only activities you logged')
      .option('--since <date>', 'on or after this date').option('--until <date>', 'up to and including this date')
      .option('--search <text>', 'only activities matching this text').option('--limit <n>', 'at most n activities')),
  };
}

type Spec = ReturnType<typeof logSpec>;
export type LogInput<Verb extends keyof Spec> = InputOf<Spec[Verb]>;

/** One implementation logs every type: it takes the widest type's flags, and the type itself. */
export type LogAddInput = { args: LogInput<'call'>['args']; opts: OptsOf<Spec['call']> & { type: ActivityType } };
