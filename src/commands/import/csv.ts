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

const PLANS: Partial<Record<ImportKind, () => Promise<AnyPlan>>> = {
  contacts: async () => {
    const [{ contactRows }, { contactTarget }] = await Promise.all([import('../../domain/imports/contact-rows.js'), import('./targets/contacts.js')]);
    return { schema: contactRows, target: contactTarget } as unknown as AnyPlan;
  },
};

/**
 * Imports a file of one kind in one streaming pass and one transaction (a dry run writes nothing); any bad row
 * leaves nothing imported. `read` reads records other than CSV (a vCard import gives contact fields by name).
 */
export async function importFile(kind: ImportKind, { args: [file], opts }: CsvImportInput, ctx: Context, read?: RecordReader) {
  const preset = opts.preset ? presetFor(opts.preset, kind) : undefined;
  const currency = opts.currency === undefined ? ctx.currency : parseCurrency(opts.currency, '--currency');
  const delimiter = opts.delimiter === '\\t' || opts.delimiter === 'tab' ? '\t' : opts.delimiter;
  const plan = await PLANS[kind]!();
  const dryRun = Boolean(opts.dryRun);
  const o: TargetOptions = { file, preset: opts.preset ?? null, update: Boolean(opts.update), dryRun, user: ctx.user, now: ctx.now };
  const summary = await runImport<string, unknown, unknown, ImportSummary>({
    file, stdin: ctx.streams.stdin, schema: plan.schema({ currency, words: preset?.words }), maps: opts.map, preset: preset?.columns,
    read: read ?? csvRecords({ delimiter, encoding: opts.encoding }), dryRun, progress: ctx.streams.stderr,
    session: dryRun ? async (pass) => pass(await plan.target(await ctx.store(), o))
      : (pass) => ctx.write(async (tx) => pass(await plan.target(tx, o))),
  });
  return importSummaryView(summary);
}
