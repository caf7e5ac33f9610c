import type { Context } from '../../context.js';
import { type Campaign, type Member } from '../../domain/campaign.js';
import { type ResponseField, type ResponseRow, responseRows } from '../../domain/campaign-import.js';
import { FieldProblem } from '../../domain/row-schema.js';
import { CrmError } from '../../errors.js';
import { csvRecords, type ImportTarget, runImport } from '../../io/import/runner.js';
import { importView } from '../../output/views/order.js';
import type { Repos } from '../../store/store.js';
import { resolveMember } from '../campaign/member.js';
import { resolveCampaign } from '../campaign/shared.js';
import type { ImportInput } from './spec.js';

interface Summary {
  file: string;
  rows: number;
  imported: number;
  duplicates: number;
  newCustomers: number;
  dryRun: boolean;
}

interface Found {
  campaign: Campaign;
  member: Member;
}

/** Responses to campaigns, a member a row; a response recorded already with the same date and outcome is skipped. */
export async function run({ args: [file], opts }: ImportInput<'responses'>, ctx: Context) {
  const dryRun = Boolean(opts.dryRun);
  const delimiter = opts.delimiter === '\\t' || opts.delimiter === 'tab' ? '\t' : opts.delimiter;
  const target = async (repos: Repos): Promise<ImportTarget<ResponseRow, Found, Summary>> => {
    const fixed = opts.campaign === undefined ? null : await resolveCampaign(repos, opts.campaign, '--campaign');
    const campaigns = new Map<string, { campaign: Campaign; members: Member[] } | FieldProblem>();
    let imported = 0;
    let duplicates = 0;
    const load = async (name: string | null) => {
      const key = name ?? '';
      let got = campaigns.get(key);
      if (!got) {
        try {
          const campaign = fixed ?? await resolveCampaign(repos, name!, 'campaign');
          got = { campaign, members: await repos.campaigns.members(campaign.id) };
        } catch (e) {
          if (!(e instanceof CrmError)) throw e;
          got = new FieldProblem('campaign', e.message.replace(/^campaign: /, ''));
        }
        campaigns.set(key, got);
      }
      return got;
    };
    const write = async (row: ResponseRow, f: Found) => {
      if (f.member.respondedOn === row.date && f.member.outcome === (row.outcome ?? f.member.outcome)) {
        duplicates += 1;
        return;
      }
      if (!dryRun) await repos.campaigns.respond(f.campaign, f.member, row.date, row.outcome ?? f.member.outcome);
      Object.assign(f.member, { respondedOn: row.date, outcome: row.outcome ?? f.member.outcome });
      imported += 1;
    };
    return {
      async match(row) {
        const got = await load(fixed ? null : row.campaign);
        if (got instanceof FieldProblem) return got;
        try {
          return { campaign: got.campaign, member: await resolveMember(repos, got.campaign, got.members, row.member, 'member') };
        } catch (e) {
          if (!(e instanceof CrmError)) throw e;
          return new FieldProblem('member', e.message.replace(/^member: /, ''));
        }
      },
      preview: write,
      write,
      finish: async (rows) => ({ file: file!, rows, imported, duplicates, newCustomers: 0, dryRun }),
    };
  };
  const result = await runImport<ResponseField, ResponseRow, Found, Summary>({
    file: file!, stdin: ctx.streams.stdin, schema: responseRows(opts.campaign !== undefined), maps: opts.map, read: csvRecords(delimiter), dryRun,
    progress: ctx.streams.stderr,
    session: dryRun ? async (pass) => pass(await target(await ctx.store())) : (pass) => ctx.write(async (tx) => pass(await target(tx))),
  });
  return importView({ ...result }, dryRun ? `dry run: ${result.imported} responses would be recorded` : `recorded ${result.imported} responses${result.duplicates ? ` (${result.duplicates} already there)` : ''}`);
}
