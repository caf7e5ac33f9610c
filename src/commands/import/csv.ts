import type { Context } from '../../context.js';
import type { RowOptions } from '../../domain/imports/contact-rows.js';
import { presetFor } from '../../domain/imports/presets.js';
import { parseCurrency } from '../../domain/money.js';
import type { RowSchema } from '../../domain/row-schema.js';
import { csvRecords, type ImportTarget, type RecordReader, runImport } from '../../io/import/runner.js';
import { importSummaryView } from '../../output/views/import.js';
import type { Repos } from '../../store/store.js';
import type { CsvImportInput } from './spec.js';
import type { ImportKind, ImportSummary, TargetOptions } from './targets/shared.js';

/** What importing one kind takes: its row schema and its target. */
export interface ImportPlan<F extends string, Row, Match> {
  schema(o: RowOptions<F>): RowSchema<F, Row>;
  target(repos: Repos, o: TargetOptions): Promise<ImportTarget<Row, Match, ImportSummary>>;
}

type AnyPlan = ImportPlan<string, unknown, unknown>;

const plan = <F extends string, Row, Match>(p: ImportPlan<F, Row, Match>) => p as unknown as AnyPlan;

/** Each kind's schema and target, loaded when that kind is imported. */
const PLANS: Record<ImportKind, () => Promise<AnyPlan>> = {
  contacts: async () => {
    const [{ contactRows }, { contactTarget }] = await Promise.all([import('../../domain/imports/contact-rows.js'), import('./targets/contacts.js')]);
    return plan({ schema: contactRows, target: contactTarget });
  },
  companies: async () => {
    const [{ companyRows }, { companyTarget }] = await Promise.all([import('../../domain/imports/rows.js'), import('./targets/companies.js')]);
    return plan({ schema: companyRows, target: companyTarget });
  },
  deals: async () => {
    const [{ dealRows }, { dealTarget }] = await Promise.all([import('../../domain/imports/rows.js'), import('./targets/deals.js')]);
    return plan({ schema: dealRows, target: dealTarget });
  },
  activities: async () => {
    const [{ activityRows }, { activityTarget }] = await Promise.all([import('../../domain/imports/rows.js'), import('./targets/activities.js')]);
    return plan({ schema: activityRows, target: activityTarget });
  },
  followups: async () => {
    const [{ followupRows }, { followupTarget }] = await Promise.all([import('../../domain/imports/rows.js'), import('./targets/followups.js')]);
    return plan({ schema: followupRows, target: followupTarget });
  },
  orders: async () => {
    const [{ orderRows }, { orderTarget }] = await Promise.all([import('../../domain/imports/rows.js'), import('./targets/orders.js')]);
    return plan({ schema: orderRows, target: orderTarget });
  },
};

/**
 * Imports a file of one kind in one streaming pass and one transaction (a dry run writes nothing); any bad row
 * leaves nothing imported. `read` reads records other than CSV (a vCard import gives contact fields by name).
 */
export async function importFile(kind: ImportKind, { args: [file], opts }: CsvImportInput, ctx: Context, read?: RecordReader) {
  const preset = opts.preset ? presetFor(opts.preset, kind) : undefined;
  const currency = opts.currency === undefined ? (await ctx.shared()).values.currency : parseCurrency(opts.currency, '--currency');
  const delimiter = opts.delimiter === '\\t' || opts.delimiter === 'tab' ? '\t' : opts.delimiter;
  const { schema, target } = await PLANS[kind]();
  const dryRun = Boolean(opts.dryRun);
  const o: TargetOptions = { file, preset: opts.preset ?? null, update: Boolean(opts.update), dryRun, user: ctx.user, now: ctx.now, currency,
    allowForgotten: Boolean(opts.allowForgotten) };
  const summary = await runImport<string, unknown, unknown, ImportSummary>({
    file, stdin: ctx.streams.stdin, schema: schema({ currency, words: preset?.words }), maps: opts.map, preset: preset?.columns,
    read: read ?? csvRecords({ delimiter, encoding: opts.encoding }), dryRun, progress: ctx.streams.stderr,
    session: dryRun ? async (pass) => pass(await target(await ctx.store(), o))
      : (pass) => ctx.write(async (tx) => pass(await target(tx, o))),
  });
  return importSummaryView(summary);
}
