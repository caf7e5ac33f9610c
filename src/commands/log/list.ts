import type { Context } from '../../context.js';
import { activityJson } from '../../domain/activity.js';
import { check, listLimit } from '../../domain/check.js';
import { isoDate, parseWhen } from '../../domain/dates.js';
import { endOfDayInstant } from '../../domain/reports/deal-state.js';
import { activityList } from '../../output/views/activity.js';
import type { LogInput } from './spec.js';

export async function run({ opts }: LogInput<'list'>, ctx: Context) {
  const store = await ctx.store();
  const id = async (ref: string | undefined, kind: 'contact' | 'company' | 'deal') =>
    ref === undefined ? undefined : (await store.refs.resolve(ref, [kind])).id;
  const activities = await store.activities.list({
    type: opts.type,
    contactId: await id(opts.contact, 'contact'),
    companyId: await id(opts.company, 'company'),
    dealId: await id(opts.deal, 'deal'),
    owner: opts.mine ? ctx.user : opts.owner,
    from: opts.since === undefined ? undefined : parseWhen(opts.since, ctx.now, '--since').at.toISOString(),
    // --until is inclusive, as everywhere: the whole of that day.
    to: opts.until === undefined ? undefined : endOfDayInstant(isoDate(parseWhen(opts.until, ctx.now, '--until').at)),
    search: opts.search,
    limit: check(listLimit, opts.limit, '--limit'),
  });
  return activityList(activities.map(activityJson));
}
