import type { Context } from '../context.js';

/** What a completion script asks on Tab: `crm [--db PATH] __complete KIND -- PREFIX`. */
export interface LiveCompletionCall {
  db?: string;
  kind: string;
  prefix: string;
}

/**
 * Reads argv when it is a call the completion scripts make, without commander: building the whole command tree is
 * most of what a Tab would cost. Any other shape (another flag, a prefix that looks like one without `--`) is
 * undefined and goes through commander, which answers it the same way.
 */
export function liveCompletionCall(argv: readonly string[]): LiveCompletionCall | undefined {
  let at = 0;
  let db: string | undefined;
  if (argv[at] === '--db' && argv.length > at + 1 && !argv[at + 1]!.startsWith('-')) {
    db = argv[at + 1];
    at += 2;
  } else if (argv[at]?.startsWith('--db=')) {
    db = argv[at]!.slice('--db='.length);
    at += 1;
  }
  if (argv[at] !== '__complete') return undefined;
  const kind = argv[at + 1];
  if (kind === undefined || kind.startsWith('-')) return undefined;
  const rest = argv.slice(at + 2);
  if (rest[0] === '--' && rest.length <= 2) return { db, kind, prefix: rest[1] ?? '' };
  if (rest.length === 0) return { db, kind, prefix: '' };
  if (rest.length === 1 && !rest[0]!.startsWith('-')) return { db, kind, prefix: rest[0]! };
  return undefined;
}

/** Answers a live completion as `crm __complete` does through commander, loading only the completion code. */
export async function runLiveCompletion(call: LiveCompletionCall, ctx: Context): Promise<void> {
  ctx.readGlobalsFrom(() => (call.db === undefined ? {} : { db: call.db }));
  const [{ run }, { emit }] = await Promise.all([import('../commands/completion/values.js'), import('../output/emit.js')]);
  await emit(await run({ args: [call.kind, call.prefix], opts: {} }, ctx), ctx);
}
