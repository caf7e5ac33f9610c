import type { Context } from '../../context.js';
import { activityJson } from '../../domain/activity.js';
import { companyJson } from '../../domain/company.js';
import { contactJson } from '../../domain/contact.js';
import { isoDate } from '../../domain/dates.js';
import { dealJson } from '../../domain/deal.js';
import { followupJson } from '../../domain/followup.js';
import type { ImportKind } from '../../domain/imports/summary.js';
import { orderJson } from '../../domain/order.js';
import type { Page } from '../../domain/record.js';
import { usageError } from '../../errors.js';
import { type Sink, streamSink, writeAtomically } from '../../io/files.js';
import { EXPORT_FORMATS, type ExportFormat, type Exported, recordWriter } from '../../output/views/export.js';
import type { Output } from '../../output/view.js';
import type { Store } from '../../store/store.js';
import type { ExportInput } from './spec.js';

/** Records read per query: enough to be fast, few enough that 100,000 contacts never sit in memory at once. */
const PAGE = 500;

/** A kind's records a page at a time, each as its JSON and the uuids of what it links to. */
type Pages = (page: Page) => Promise<{ id: number; out: Exported<unknown> }[]>;

type Linked = { id: number } | null;
const ids = (links: Linked[]) => links.filter((l): l is { id: number } => l !== null).map((l) => l.id);

/** The uuids of the companies, contacts and deals a page of records links to, read for that page only. */
async function linkUuids(store: Store, links: { company?: Linked[]; contact?: Linked[]; deal?: Linked[] }) {
  const [company, contact, deal] = await Promise.all([
    store.transfer.uuids('company', ids(links.company ?? [])), store.transfer.uuids('contact', ids(links.contact ?? [])),
    store.transfer.uuids('deal', ids(links.deal ?? [])),
  ]);
  const of = (map: Map<number, string>) => (link: Linked) => (link ? map.get(link.id) ?? null : null);
  return { company: of(company), contact: of(contact), deal: of(deal) };
}

function pagesOf(kind: ImportKind, store: Store, now: Date): Pages {
  switch (kind) {
    case 'companies':
      return async (page) => (await store.companies.list({ page })).map((c) => ({ id: c.id, out: { json: companyJson(c), uuids: {} } }));
    case 'contacts':
      return async (page) => {
        const rows = await store.contacts.list({ page });
        const uuid = await linkUuids(store, { company: rows.map((c) => c.company), contact: rows.map((c) => c.reportsTo) });
        return rows.map((c) => ({ id: c.id, out: { json: contactJson(c), uuids: { companyUuid: uuid.company(c.company), reportsToUuid: uuid.contact(c.reportsTo) } } }));
      };
    case 'deals':
      return async (page) => {
        const rows = await store.deals.list({ page });
        const uuid = await linkUuids(store, { company: rows.map((d) => d.company), contact: rows.map((d) => d.contact) });
        return rows.map((d) => ({ id: d.id, out: { json: dealJson(d, now), uuids: { companyUuid: uuid.company(d.company), contactUuid: uuid.contact(d.contact) } } }));
      };
    case 'activities':
    case 'followups': {
      const linked = async <R extends { company: Linked; contact: Linked; deal: Linked }>(rows: R[]) => {
        const uuid = await linkUuids(store, { company: rows.map((r) => r.company), contact: rows.map((r) => r.contact), deal: rows.map((r) => r.deal) });
        return (r: R) => ({ companyUuid: uuid.company(r.company), contactUuid: uuid.contact(r.contact), dealUuid: uuid.deal(r.deal) });
      };
      if (kind === 'activities') {
        return async (page) => {
          const rows = await store.activities.list({ page });
          const uuids = await linked(rows);
          return rows.map((a) => ({ id: a.id, out: { json: activityJson(a), uuids: uuids(a) } }));
        };
      }
      const today = isoDate(now);
      return async (page) => {
        const rows = await store.followups.list({ page, status: 'all' });
        const uuids = await linked(rows);
        return rows.map((f) => ({ id: f.id, out: { json: followupJson(f, today), uuids: uuids(f) } }));
      };
    }
    case 'orders':
      return async (page) => {
        const rows = await store.orders.list({ page });
        const customer = (kind: 'company' | 'contact') => rows.map((o) => (o.customer.kind === kind ? o.customer : null));
        const uuid = await linkUuids(store, { company: customer('company'), contact: customer('contact'), deal: rows.map((o) => o.deal) });
        return rows.map((o) => ({
          id: o.id,
          out: { json: orderJson(o), uuids: { customerUuid: (o.customer.kind === 'company' ? uuid.company : uuid.contact)(o.customer), dealUuid: uuid.deal(o.deal) } },
        }));
      };
  }
}

/** The format an export writes: --json or --format, else CSV (an export is a file, not a table for a terminal). */
function formatOf(ctx: Context): ExportFormat {
  const format = ctx.global.json ? 'json' : ctx.global.format ?? 'csv';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw usageError(`--format ${format}: an export is written as ${EXPORT_FORMATS.join(', ')}`, 'pass --format csv (the default), json, ndjson or tsv');
  }
  return format as ExportFormat;
}

/**
 * Writes every record of a kind, a page at a time, to standard output or (--output) to a file that is replaced
 * whole or not at all. Reads happen outside any transaction, as every list does.
 */
export async function exportKind(kind: ImportKind, { opts }: ExportInput<'contacts'>, ctx: Context): Promise<Output> {
  const format = formatOf(ctx);
  const store = await ctx.store();
  const pages = pagesOf(kind, store, ctx.now);
  const pretty = opts.output === undefined && Boolean(ctx.streams.stdout.isTTY);
  const writer = recordWriter(kind, format, pretty);
  let count = 0;
  const fill = async (sink: Sink) => {
    await sink(writer.start);
    for (let after = 0; ;) {
      const rows = await pages({ after, size: PAGE });
      if (!rows.length) break;
      await sink(rows.map((r, i) => writer.record(r.out, count + i === 0)).join(''));
      count += rows.length;
      after = rows.at(-1)!.id;
    }
    await sink(writer.end(count > 0));
  };
  if (opts.output === undefined) {
    await fill(streamSink(ctx.streams.stdout));
    return { kind: 'none' };
  }
  const path = await writeAtomically(opts.output, '--output', fill);
  const { exported } = await import('../../output/views/notices.js');
  return { kind: 'none', done: exported(count, kind, path) };
}
