import { LEFT_OUT, type Unconverted, type UnconvertedEntry } from '../../domain/fx.js';
import { formatMoney } from '../money.js';

/** Status lines for stderr after a write; data itself goes to stdout through the record views. */
const who = (kind: string, r: { id: number; name: string }) => `${kind} #${r.id} ${r.name}`;

export const added = (kind: string, r: { id: number; name: string }) => `added ${who(kind, r)}`;
export const updated = (kind: string, r: { id: number; name: string }) => `updated ${who(kind, r)}`;
export const merged = (kind: 'contact' | 'company', keep: { id: number; name: string }, dup: { id: number; name: string }) =>
  `merged ${who(kind, dup)} into ${who(kind, keep)}`;

/** A company merge and what it moved, kind by kind: "...; moved 3 contacts, 1 deal"; kinds with none are left out. */
export function companyMerged(keep: { id: number; name: string }, dup: { id: number; name: string },
  moved: Record<'contacts' | 'deals' | 'activities' | 'followups' | 'orders', number>): string {
  const names = { contacts: ['contact', 'contacts'], deals: ['deal', 'deals'], activities: ['activity', 'activities'],
    followups: ['follow-up', 'follow-ups'], orders: ['order', 'orders'] } as const;
  const parts = (Object.keys(names) as (keyof typeof names)[]).filter((k) => moved[k] > 0)
    .map((k) => `${moved[k]} ${names[k][moved[k] === 1 ? 0 : 1]}`);
  return `${merged('company', keep, dup)}${parts.length ? `; moved ${parts.join(', ')}` : ''}`;
}

export function deleted(kind: string, r: { id: number; name: string }, detached: number, what: string): string {
  return `deleted ${who(kind, r)}${detached ? `; ${detached} ${what} ${detached === 1 ? 'was' : 'were'} detached` : ''}`;
}

export function deleteQuestion(kind: string, r: { id: number; name: string }, detached: number, what: string): [string, string] {
  return [`Delete ${who(kind, r)}${detached ? ` (${detached} ${what} will be detached)` : ''}?`, `delete ${who(kind, r)}`];
}

export const mergeQuestion = (kind: 'contact' | 'company', keep: { id: number; name: string }, dup: { id: number; name: string }): [string, string] =>
  [`Merge ${kind} #${dup.id} ${dup.name} into #${keep.id} ${keep.name}, deleting #${dup.id}?`, `merge ${kind} #${dup.id} into #${keep.id}`];

type Titled = { id: number; title: string };

export const dealWon = (d: Titled, orderId: number | null) => `won deal #${d.id} ${d.title}${orderId ? `; recorded order #${orderId}` : ''}`;
export const dealLost = (d: Titled, reason: string) => `lost deal #${d.id} ${d.title} (${reason})`;
export const dealMoved = (d: Titled, stage: string) => `deal #${d.id} ${d.title} is in ${stage}`;
export const dealReopened = (d: Titled, stage: string, removedOrders: number) =>
  `reopened deal #${d.id} ${d.title} in ${stage}${removedOrders ? `; removed the order of the win` : ''}`;
export const followupAdded = (f: Titled & { dueDate: string }) => added('follow-up', { id: f.id, name: `${f.title} (due ${f.dueDate})` });
export const followupDone = (done: Titled, next: (Titled & { dueDate: string }) | null) =>
  `done: #${done.id} ${done.title}${next ? `; next one #${next.id} due ${next.dueDate}` : ''}`;
export const followupSnoozed = (f: Titled & { dueDate: string }) => `snoozed #${f.id} ${f.title} until ${f.dueDate}`;
export const stageRemoved = (stage: string, moved: number, target: string | undefined) =>
  `removed stage ${stage}${moved ? `; moved ${moved} deals to ${target}` : ''}`;
export const orderRecorded = (id: number, customer: string) => `recorded order #${id} for ${customer}`;
export const activityLogged = (type: string, id: number) => `logged ${type} #${id}`;
export const imported = (n: number, skipped: number, lines?: number) =>
  `imported ${n} orders${lines === undefined ? '' : ` with ${lines} lines`}${skipped ? ` (${skipped} ${lines === undefined ? '' : 'lines '}already there)` : ''}`;
export const importChecked = (n: number) => `dry run: ${n} orders would be imported`;
export const exported = (n: number, kind: string, path: string) => `exported ${n} ${kind} to ${path}`;
export const quotaSet = (owner: string, period: string, amount: number, currency: string, locale: string) =>
  `quota of ${owner} for ${period} is ${formatMoney(amount, currency, locale)}`;

const LEFT_OUT_NAMES: Record<(typeof LEFT_OUT)[keyof typeof LEFT_OUT], [string, string]> = {
  deals: ['deal', 'deals'], orders: ['order', 'orders'], quotas: ['quota', 'quotas'], wallets: ['wallet estimate', 'wallet estimates'],
};

/**
 * The one warning of every report that left amounts out for want of an exchange rate: what (deals, orders, quotas,
 * wallet estimates), in which currency, how much, and the `config set rates` line that keeps the rates already set.
 */
export function leftOutWarning(entries: UnconvertedEntry[], fx: { currency: string; rates: Record<string, number>; locale: string }): string[] {
  if (!entries.length) return [];
  const parts = entries.map((e) => {
    const key = Object.values(LEFT_OUT).find((k) => e[k] !== undefined)!;
    const n = e[key]!;
    return `${n} ${LEFT_OUT_NAMES[key][n === 1 ? 0 : 1]} in ${e.currency} (${formatMoney(e.amount, e.currency, fx.locale)})`;
  });
  const listed = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  const missing = [...new Set(entries.map((e) => e.currency))];
  const rates = [...Object.entries(fx.rates).map(([c, r]) => `${c}=${r}`), ...missing.map((c) => `${c}=RATE`)].join(',');
  return [`left out ${listed}: no exchange rate into ${fx.currency}; add ${missing.length === 1 ? 'one' : 'them'} with crm config set rates ${rates}`];
}
/** leftOutWarning for what a report's Unconverted collected. */
export const unconvertedWarning = (b: { unconverted: Unconverted; currency: string; rates: Record<string, number>; locale: string }): string[] =>
  leftOutWarning(b.unconverted.list(), b);

/** The progress line of a model fit that takes a while (report clv). */
export const fittingModel = (model: 'purchase' | 'spend', iteration: number, logLikelihood: number) =>
  `fitting the ${model === 'purchase' ? 'purchase model (BG/NBD)' : 'spend model (Gamma-Gamma)'}: iteration ${iteration}, log-likelihood ${logLikelihood.toFixed(2)}`;

/** Under CRM_DEBUG=1: the spend fit ran in the main thread, not beside the purchase fit (same figures, only slower). */
export const spendFitInline = (reason: string) => `debug: the spend model (Gamma-Gamma) was fitted in the main thread: ${reason}`;

export const createdDatabase = (path: string) => `note: created a new database at ${path}`;

export const settingSaved = (key: string, file: string) => `set ${key} in ${file}`;
export const settingRemoved = (key: string, file: string) => `removed ${key} from ${file}`;
/** A shared setting (domain/config.ts SHARED_KEYS) lives in the database, for everyone who uses it. */
export const settingShared = (key: string, db: string) => `set ${key} in the database ${db}, for everyone who uses it`;
export const sharedRemoved = (key: string, db: string, file: string | null) =>
  `removed ${key} from the database ${db}${file ? ` and from ${file}` : ''}; everyone who uses it is back to the default`;

export const backedUp = (from: string, to: string) => `backed up ${from} to ${to}`;
export const restored = (file: string, into: string, backup: string | null) =>
  `restored ${file} as ${into}${backup ? `; the database it replaced is at ${backup}` : ''}`;
export const restoreQuestion = (file: string, into: string): [string, string] =>
  [`Replace the database ${into} with ${file}? (the current one is backed up first)`, 'replace the database'];
export const migrated = (applied: number, backup: string | null) =>
  (applied ? `applied ${applied} migration(s)${backup ? `; backup at ${backup}` : ''}` : 'schema is up to date');
export const copied = (from: string, to: string, rows: number) => `copied ${rows} rows from ${from} to ${to}`;
export const copyTargetNotEmpty = (path: string, what: string) => `${path} holds ${what}; crm db copy fills only an empty database`;
export const copyTargetHint = 'copy into a new database (createdb, or a new file), or empty it first';
export const checked = (ok: boolean) => (ok ? 'database is healthy' : 'database has problems (see above)');

/** What a search that found nothing says, naming what was looked for. */
export const nothingMatches = (text: string) => `nothing matches "${text}"`;

/** The command the demo suggests next, with the path quoted for a shell when it needs it. */
export const demoTry = (path: string) => `crm --db ${/^[\w./~-]+$/.test(path) ? path : JSON.stringify(path)} agenda --week`;

/** What a file holds that the demo will not replace: changes since (or without) the demo, saved segmentations. */
export function demoDataFound(found: { demo: boolean; changes: number; latest: string | null; segmentations: string[] }): string {
  const parts: string[] = [];
  if (found.changes > 0) {
    parts.push(`${found.changes} ${found.changes === 1 ? 'change' : 'changes'}${found.demo ? ' since the demo was built' : ''}, the latest: ${found.latest}`);
  }
  if (found.segmentations.length) parts.push(`saved segmentations (${found.segmentations.join(', ')})`);
  if (!parts.length) parts.push('records that no crm demo wrote');
  return parts.join('; ');
}
