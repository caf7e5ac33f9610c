import { Command as TypedCommand } from '@commander-js/extra-typings';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { globalFlags, globalOptions } from '../global-flags.js';
import { registerCompany } from './company.js';
import { registerCompletion } from './completion.js';
import { registerContact } from './contact.js';
import { registerExport, registerImport } from './exchange.js';
import { registerConfig, registerDb, registerHistory, registerSearch, registerTeam } from './misc.js';
import { registerAgenda, registerDeal, registerDemo, registerFollowup, registerLog, registerOrder, registerStage } from './pipeline.js';
import { registerQuota, registerReport } from './reports.js';
import { registerAct } from './act.js';
import { TOPIC_NAMES } from './topic-names.js';

declare const __CRM_VERSION__: string;
export const VERSION = typeof __CRM_VERSION__ === 'string' ? __CRM_VERSION__ : '0.0.0-dev';

/** Root flags that take a value, to tell their values from command words. */
const VALUED = new Set(['--db', '--format']);

/**
 * Whether a --version in argv is crm's own: one before any command word (`crm --version`). After a command it is
 * that command's flag (`crm export vcard --version 4.0`), which commander would otherwise give the root, wherever
 * it stands, as it does every root flag.
 */
function topVersion(argv: readonly string[]): boolean {
  let command = false;
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--version' || a.startsWith('--version=')) return !command;
    if (VALUED.has(a)) i += 1;
    else if (!a.startsWith('-')) command = true;
  }
  return true;
}

/** The whole command tree as specs; implementations load on demand. */
export function buildProgram(ctx: Context): Command {
  const program = globalFlags(new TypedCommand('crm')
    .description('A command-line CRM for small sales teams.')
    .version(VERSION, topVersion(ctx.argv) ? '-V, --version' : '-V'))
    .helpCommand(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.streams.stdout.write(s),
      writeErr: (s) => ctx.streams.stderr.write(s),
      outputError: () => {}, // errors are reported once, by main's catch, in the contract's format
    })
    .showSuggestionAfterError(true)
    .addHelpText('after', `\nHelp topics: ${TOPIC_NAMES.join(', ')} (crm help TOPIC)`);
  // The typed and the plain commander Command are one class at run time; the plain type is what the help, the
  // completion walker and main's error reporting take.
  const tree = program as unknown as Command;
  ctx.readGlobalsFrom(() => globalOptions(program));

  registerCompany(program, ctx);
  registerContact(program, ctx);
  registerStage(program, ctx);
  registerDeal(program, ctx);
  registerLog(program, ctx);
  registerFollowup(program, ctx);
  registerAgenda(program, ctx);
  registerOrder(program, ctx);
  registerQuota(program, ctx);
  registerAct(program, ctx);
  registerTeam(program, ctx);
  registerReport(program, ctx);
  registerSearch(program, ctx);
  registerHistory(program, ctx);
  registerDb(program, ctx);
  registerConfig(program, ctx);
  registerDemo(program, ctx);
  registerImport(program, ctx);
  registerExport(program, ctx);
  registerCompletion(program, tree, ctx);

  program.command('help').description('help for a command, or a topic: ' + TOPIC_NAMES.join(', '))
    .argument('[words...]', 'a command (e.g. contact add) or a topic')
    .action(async (words) => {
      const { showHelp } = await import('./help.js');
      showHelp(tree, words, ctx);
    });
  return tree;
}
