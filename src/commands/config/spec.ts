import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { listsNoRecords } from '../hooks.js';
import type { InputOf } from '../input.js';

/** `crm config ...`: every verb's arguments and help; the implementations are in this folder. */
export function configSpec(program: CommandUnknownOpts) {
  const config = program.command('config').description('settings: the team\'s (currency, rates, fiscalYearStart, lostReasons, segments) in the database, yours in $XDG_CONFIG_HOME/crm/config.json')
    .hook('preAction', listsNoRecords);
  return {
    get: config.command('get').description('print one setting').argument('<key>'),
    set: config.command('set').description('change one setting (validated)').argument('<key>').argument('<value>'),
    unset: config.command('unset').description('remove one setting, back to its default').argument('<key>'),
    list: config.command('list').alias('ls').description('every setting, its value and where the value comes from'),
    path: config.command('path').description('print the config file location'),
  };
}

type Spec = ReturnType<typeof configSpec>;
export type ConfigInput<Verb extends keyof Spec> = InputOf<Spec[Verb]>;
