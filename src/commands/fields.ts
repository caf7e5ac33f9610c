import { onRoster } from '../domain/team.js';
import type { Context } from '../context.js';
import { check, checkAll, count, optionalText, owner, tag, unique } from '../domain/fields.js';
import { parseCurrency, parseMoney } from '../domain/money.js';
import type { Wallet } from '../domain/record.js';
import { invalid } from '../errors.js';
import type { RecordFlags, TagFlags } from './flags.js';

// Readers of the flags companies and contacts share, for add (no `base`) and edit (changes on top of `base`).

export function text(value: string | undefined, base: string | null | undefined): string | null {
  return value === undefined ? (base ?? null) : optionalText.parse(value);
}

/** The wallet estimate from flags over `base`; a new estimate without --currency is in `teamCurrency`. */
export function wallet(opts: RecordFlags, teamCurrency: string, base: Wallet | null): Wallet | null {
  if (opts.wallet === undefined) {
    if (opts.currency === undefined || !base) return base;
    const currency = parseCurrency(opts.currency, '--currency');
    if (currency === base.currency) return base;
    // Keeping the number and changing the unit would silently change the estimate.
    throw invalid('--currency', `changing ${base.currency} to ${currency} needs the wallet in ${currency}`, 'pass --wallet too');
  }
  if (opts.wallet.trim() === '') return null;
  return parseMoney(opts.wallet, '--wallet', opts.currency !== undefined ? parseCurrency(opts.currency, '--currency') : (base?.currency ?? teamCurrency));
}

export function tags(opts: TagFlags, base: string[]): string[] {
  const added = checkAll(tag, [...(opts.tag ?? []), ...(opts.addTag ?? [])], opts.tag ? '--tag' : '--add-tag');
  const removed = new Set(checkAll(tag, opts.removeTag, '--remove-tag'));
  return unique([...base, ...added]).filter((t) => !removed.has(t)).sort();
}

export function ownerOf(opts: Pick<RecordFlags, 'owner'>, ctx: Context, base?: string): string {
  return opts.owner === undefined ? (base ?? ctx.user) : check(owner, opts.owner, '--owner');
}

/** An owner given with --owner (or quota set's OWNER) must be on the team's roster (domain/team.ts onRoster). */
export async function ownerOnRoster(ctx: Context, name: string | undefined, field = '--owner'): Promise<void> {
  if (name === undefined) return;
  const store = await ctx.store();
  onRoster(check(owner, name, field), (await store.team.roster(ctx.user)).map((m) => m.name), field);
}

export function sizeOf(value: string | undefined, base: number | null): number | null {
  if (value === undefined) return base;
  return value.trim() === '' ? null : check(count, value, '--size');
}
