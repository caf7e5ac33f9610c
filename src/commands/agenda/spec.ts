import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { listsNoRecords } from '../hooks.js';
import type { InputOf } from '../input.js';

/** `crm agenda`: its flags and help; the implementation is in this folder. */
export const agendaSpec = (program: CommandUnknownOpts) => program.command('agenda')
  .description('overdue items, then day by day: follow-ups due, deals closing, meetings')
  .option('--day', 'today (the default)').option('--week', 'this week (Monday to Sunday)')
  .option('--month', 'this month').option('--year', 'this year')
  .option('--from <date>', 'start the period at this date instead of today')
  .option('--owner <user>', 'only this owner\'s items').option('--mine', 'only your items')
  .hook('preAction', listsNoRecords);

export type AgendaInput = InputOf<ReturnType<typeof agendaSpec>>;
