import { type Command, type CommandUnknownOpts, Option, type OptionValues } from '@commander-js/extra-typings';
import { FORECAST_CATEGORIES, OUTCOMES } from '../../domain/stage.js';
import { listsNoRecords } from '../hooks.js';
import type { InputOf, OptsOf } from '../input.js';

const stageFlags = <A extends unknown[], O extends OptionValues, G extends OptionValues>(cmd: Command<A, O, G>) => cmd
  .option('--probability <percent>', 'default win probability of deals in the stage, 0-100')
  .addOption(new Option('--category <category>', 'default forecast category').choices(FORECAST_CATEGORIES))
  .option('--rotting-days <days>', 'a deal idle longer than this is stale ("" for never)')
  .option('--position <n>', 'place in the pipeline, 1 = first');

/** `crm stage ...`: every verb's arguments, flags and help; the implementations are in this folder. */
export function stageSpec(program: CommandUnknownOpts) {
  const stage = program.command('stage').description('pipeline stages: order, probability, forecast category, rotting days');
  return {
    list: stage.command('list').alias('ls').description('the pipeline: every stage with its open deals and their amounts'),
    add: stageFlags(stage.command('add').description('add a stage').argument('<name>')
      .addOption(new Option('--outcome <outcome>', 'open (default), or won/lost for closing stages').choices(OUTCOMES))),
    edit: stageFlags(stage.command('edit').description('change a stage').argument('<stage>', 'name or id').option('--name <name>', 'new name')),
    rm: stage.command('rm').description('remove a stage; deals in it need --move-to').argument('<stage>', 'name or id')
      .option('--move-to <stage>', 'move the deals of the removed stage here')
      .hook('preAction', listsNoRecords),
  };
}

type Spec = ReturnType<typeof stageSpec>;
export type StageInput<Verb extends keyof Spec> = InputOf<Spec[Verb]>;

/** What stageFields reads: edit's flags, and add's that edit has not (add's name comes as an argument). */
export type StageFlags = OptsOf<Spec['edit']> & Pick<OptsOf<Spec['add']>, 'outcome'>;
