import type { Command } from 'commander';
import { liveCompletionCall, runLiveCompletion } from './cli/live-completion.js';
import { Context } from './context.js';
import { CrmError, ExitCode } from './errors.js';
import { processStreams } from './io/process-streams.js';
import type { Env, Streams } from './io/terminal.js';

/** Runs one crm command line and returns its exit code. The one place errors become messages. */
export async function main(argv: string[], streams: Streams = processStreams(), env: Env = process.env): Promise<number> {
  const ctx = new Context(streams, env, argv);
  let program: Command | undefined;
  try {
    // A Tab in a shell: answered without the command tree, which is loaded here only for everything else.
    const live = liveCompletionCall(argv);
    if (live) {
      refuseHugeArguments(argv);
      await runLiveCompletion(live, ctx);
      return ctx.exitCode;
    }
    const { buildProgram } = await import('./cli/program.js');
    program = await buildProgram(ctx);
    if (argv.length === 0) {
      program.outputHelp();
      return ExitCode.ok;
    }
    refuseHugeArguments(argv);
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    return await report(e, ctx, argv, program);
  } finally {
    ctx.close();
  }
}

async function report(e: unknown, ctx: Context, argv: string[], program: Command | undefined): Promise<number> {
  let err: CrmError;
  const { CommanderError } = await import('commander');
  if (e instanceof CommanderError) {
    if (e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return ExitCode.ok;
    if (e.code === 'commander.help') return ExitCode.usage; // no command given: help went to stderr
    err = new CrmError('usage', e.message.replace(/^error: /, ''), `see 'crm ${helpPath(program, argv)}--help'`);
  } else if (e instanceof CrmError) {
    err = e;
  } else {
    const { translateStoreError } = await import('./store/errors.js');
    const translated = translateStoreError(e, safePath(ctx));
    if (translated instanceof CrmError) err = translated;
    else {
      const debug = ctx.env.CRM_DEBUG === '1';
      const message = e instanceof Error ? e.message : String(e);
      ctx.streams.stderr.write(`error: unexpected failure: ${message}` +
        (debug ? `\n${(e as Error)?.stack ?? ''}\n` : ' (run with CRM_DEBUG=1 for details, and report it)\n'));
      return ExitCode.unexpected;
    }
  }
  const { errorJson, errorLine } = await import('./output/errors.js');
  const { themeFor } = await import('./output/plain-theme.js');
  // commander reads the global flags from the whole argv before any command's own, so a usage error further on
  // still knows them: `crm contact add --json --bogus` reports in JSON.
  // (An error before the flags were parsed, such as an argument too long to parse, finds --json in argv itself.)
  const flags = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  const json = ctx.global.json || ctx.global.format === 'json' || flags.includes('--json');
  const body = { code: err.code, message: err.message, ...(err.hint ? { hint: err.hint } : {}), ...err.details };
  // Errors about many inputs (an import's bad rows) list them first, one per line; the summary closes.
  const lines = Array.isArray(err.details?.lines) ? (err.details.lines as string[]) : [];
  if (!json) for (const l of lines) ctx.streams.stderr.write(`  ${l}\n`);
  const { lines: _listed, ...rest } = body as Record<string, unknown>;
  ctx.streams.stderr.write(json ? errorJson(rest as typeof body) : errorLine(body, await themeFor(ctx.stderrColorLevel)));
  if (ctx.env.CRM_DEBUG === '1' && err.stack) ctx.streams.stderr.write(`${err.stack}\n`);
  return err.exitCode;
}

/** No flag of crm needs more text than a long note; a megabyte on the command line is a mistake (a file pasted in). */
const MAX_ARGUMENT = 20_000;

function refuseHugeArguments(argv: string[]): void {
  const i = argv.findIndex((a) => a.length > MAX_ARGUMENT);
  if (i < 0) return;
  const arg = argv[i]!;
  // A flag's value is named by the flag; a positional argument by its place among them and how it begins.
  const place = argv.slice(0, i + 1).filter((a) => !a.startsWith('-')).length;
  const flag = /^--?[\w-]+=/.exec(arg)?.[0].slice(0, -1) ?? (i > 0 && /^--?[\w-]+$/.test(argv[i - 1]!) ? argv[i - 1]!
    : `argument ${place} (${JSON.stringify(arg.slice(0, 12)).slice(0, -1)}…")`);
  throw new CrmError('validation', `${flag}: is too long (${arg.length.toLocaleString('en')} characters)`,
    `keep it to ${MAX_ARGUMENT.toLocaleString('en')} characters`, { field: flag });
}

function safePath(ctx: Context): string {
  try {
    return ctx.dbLocation.path;
  } catch {
    return 'the database';
  }
}

/** The words of argv that name real commands, for the hint of a usage error ("crm contact add --help"). */
function helpPath(program: Command | undefined, argv: string[]): string {
  if (!program) return '';
  let cmd = program;
  const words: string[] = [];
  for (const a of argv.filter((x) => !x.startsWith('-'))) {
    const sub = cmd.commands.find((c) => c.name() === a || c.aliases().includes(a));
    if (!sub) break;
    words.push(sub.name());
    cmd = sub;
  }
  return words.length ? `${words.join(' ')} ` : '';
}
