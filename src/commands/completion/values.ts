import {
  type Candidate, type Found, idDigits, label, LIMIT, type NamedKind, prefixKey, splitQualifier, startingWith, withinLimit,
} from '../../domain/completion.js';
import { isLiveKind, type LiveKind, RECORDS_OF } from '../../completion/live-kinds.js';
import type { Context } from '../../context.js';
import { segmentMap } from '../../domain/config.js';
import { segmentSlug } from '../../domain/rfm.js';
import { candidateLines } from '../../output/views/completion.js';
import type { Candidates } from '../../store/candidates.js';
import type { CompletionInput } from './spec.js';

/**
 * `crm __complete KIND [PREFIX]`: live values for the completion scripts, one per line, `value<TAB>description`.
 * It runs on every Tab, so it never prompts, never complains and never fails: no database, no values.
 */
export async function run({ args: [kind = '', prefix = ''] }: CompletionInput<'values'>, ctx: Context) {
  let found: Candidate[] = [];
  try {
    found = isLiveKind(kind) ? await candidates(kind, prefix, ctx) : [];
  } catch {
    found = []; // an unreadable config or database completes nothing
  }
  return candidateLines(found);
}

async function candidates(kind: LiveKind, prefix: string, ctx: Context): Promise<Candidate[]> {
  // Loaded here, not above: the driver costs milliseconds that a Tab on anything else need not pay.
  const { openCandidates } = await import('../../store/candidates.js');
  const db = await openCandidates(ctx.dbLocation, ctx.env);
  if (kind === 'reason' || kind === 'segment') {
    // The team's reasons and segments are in the database (none yet, or a schema from before: the config file's, or the defaults).
    const stored = db ? await db.settings().catch(() => ({})).finally(() => db.close()) : {};
    const shared = ctx.sharedWith(stored).values;
    return startingWith(kind === 'reason' ? shared.lostReasons.map((r) => ({ value: r }))
      : segmentMap(shared).map((s) => ({ value: segmentSlug(s.segment) })), prefix);
  }
  if (!db) return [];
  try {
    return await fromDatabase(db, kind, prefix, ctx.user);
  } finally {
    db.close();
  }
}

async function fromDatabase(db: Candidates, kind: Exclude<LiveKind, 'reason' | 'segment'>, prefix: string, user: string): Promise<Candidate[]> {
  switch (kind) {
    case 'stage':
    case 'open-stage':
      return startingWith((await db.stages()).filter((s) => kind === 'stage' || s.outcome === 'open').map((s) => ({ value: s.name, description: s.outcome === 'open' ? `${s.probability}%` : s.outcome })), prefix);
    case 'tag':
      return (await db.tags(prefixKey(prefix), LIMIT)).map((t) => ({ value: t }));
    case 'owner': // you own what you create, before you own anything
      return startingWith([...new Set([user, ...await db.owners(LIMIT)])].sort().map((o) => ({ value: o })), prefix);
    default:
      return records(db, RECORDS_OF[kind], prefix);
  }
}

async function records(db: Candidates, kinds: NamedKind[], prefix: string): Promise<Candidate[]> {
  const { kind: qualified, rest } = splitQualifier(prefix, kinds);
  const digits = idDigits(rest);
  const key = prefixKey(rest);
  const found: Found[] = [];
  for (const k of qualified ? [qualified] : kinds) {
    if (digits) found.push(...await db.byId(k, digits, LIMIT));
    found.push(...withinLimit(await db.byName(k, key, LIMIT + 1)));
  }
  const kept = withinLimit(found.sort(byIdThenName));
  const names = [...new Set(kept.filter((f) => f.by === 'name').map((f) => f.name.trim()))];
  const aliases = await Promise.all((qualified ? [qualified] : kinds).map((k) => db.aliases(k, names)));
  return label(kept, kinds, qualified, aliases.flat());
}

/** Ids first (they are what digits mean), then names in key order, so one cut keeps namesakes together. */
const byIdThenName = (a: Found, b: Found) =>
  a.by !== b.by ? (a.by === 'id' ? -1 : 1) : a.by === 'id' ? a.id - b.id : a.key < b.key ? -1 : a.key > b.key ? 1 : a.id - b.id;
