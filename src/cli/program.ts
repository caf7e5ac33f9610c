import { Command, Option } from 'commander';
import type { Context } from '../context.js';
import { OUTPUT_FORMATS } from '../output/format.js';
import { registerCompany } from './company.js';
import { registerCompletion } from './completion.js';
import { registerContact } from './contact.js';
import { registerConfig, registerDb, registerHistory, registerSearch } from './misc.js';
import { registerAgenda, registerDeal, registerDemo, registerFollowup, registerLog, registerOrder, registerStage } from './pipeline.js';
import { registerQuota, registerReport } from './reports.js';
import { TOPICS } from './topics.js';

declare const __CRM_VERSION__: string;
export const VERSION = typeof __CRM_VERSION__ === 'string' ? __CRM_VERSION__ : '0.0.0-dev';

/** The whole command tree as specs; implementations load on demand. */
export function buildProgram(ctx: Context): Command {
  const program = new Command('crm')
    .description('A command-line CRM for small sales teams.')
    .version(VERSION, '-V, --version')
    .option('--json', 'output JSON')
    .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS))
    .option('-q, --quiet', 'print only ids')
    .option('--db <path>', 'database file (default: CRM_DB, config "db", ~/.local/share/crm/crm.db)')
    .option('--no-color', 'no colour')
    .option('--no-input', 'never prompt (scripts); same as CRM_NO_INPUT=1')
    .option('-y, --yes', 'answer yes to confirmations')
    .helpCommand(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.streams.stdout.write(s),
      writeErr: (s) => ctx.streams.stderr.write(s),
      outputError: () => {}, // errors are reported once, by main's catch, in the contract's format
    })
    .showSuggestionAfterError(true)
    .addHelpText('after', `\nHelp topics: ${Object.keys(TOPICS).join(', ')} (crm help TOPIC)`);

  registerCompany(program, ctx);
  registerContact(program, ctx);
  registerStage(program, ctx);
  registerDeal(program, ctx);
  registerLog(program, ctx);
  registerFollowup(program, ctx);
  registerAgenda(program, ctx);
  registerOrder(program, ctx);
  registerQuota(program, ctx);
  registerReport(program, ctx);
  registerSearch(program, ctx);
  registerHistory(program, ctx);
  registerDb(program, ctx);
  registerConfig(program, ctx);
  registerDemo(program, ctx);
  registerCompletion(program, ctx);

  program.command('help').description('help for a command, or a topic: ' + Object.keys(TOPICS).join(', '))
    .argument('[words...]', 'a command (e.g. contact add) or a topic')
    .action(async (words: string[]) => {
      const { showHelp } = await import('./help.js');
      showHelp(program, words, ctx);
    });
  return program;
}
