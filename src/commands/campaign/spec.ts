import { type Command, type CommandUnknownOpts, Option, type OptionValues } from '@commander-js/extra-typings';
import { CHANNELS } from '../../domain/campaign.js';
import { LIFECYCLES } from '../../domain/contact.js';
import { repeatable } from '../flags.js';
import type { InputOf } from '../input.js';

const fieldFlags = <A extends unknown[], O extends OptionValues, G extends OptionValues>(cmd: Command<A, O, G>) => cmd
  .option('--budget <amount>', 'what it may cost (ROI uses it unless --cost is recorded)')
  .option('--currency <code>', 'currency of --budget and --cost (default: config currency)')
  .option('--start <date>', 'first day (default: today)').option('--end <date>', 'last day (default: --start)')
  .option('--window <days>', 'attribution window: days after --end in which responses and orders still count (default 30)')
  .option('--owner <user>', 'owner (default: you)').option('--notes <text>', 'free-form notes');

/** `crm campaign ...`: every verb's arguments, flags and help; the implementations are in this folder. */
export function campaignSpec(program: CommandUnknownOpts) {
  const campaign = program.command('campaign').description('marketing campaigns: target, holdout, touch, responses (crm report campaign)');
  return {
    add: fieldFlags(campaign.command('add').description('add a campaign').argument('<name>', 'campaign name, unique')
      .addOption(new Option('--channel <channel>', 'how members are reached (required)').choices(CHANNELS))),
    list: campaign.command('list').alias('ls').description('campaigns by start date, with member counts'),
    show: campaign.command('show').description('a campaign and its member counts').argument('<campaign>', 'campaign name or id'),
    edit: fieldFlags(campaign.command('edit').description("change a campaign's fields").argument('<campaign>', 'campaign name or id')
      .option('--name <name>', 'new name').addOption(new Option('--channel <channel>', 'how members are reached').choices(CHANNELS))
      .option('--cost <amount>', 'what it actually cost (ROI uses it instead of the budget)')),
    rm: campaign.command('rm').description('delete a campaign and its members (logged touches stay)').argument('<campaign>', 'campaign name or id'),
    target: campaign.command('target').description('add members by filters; opted-out and do-not-contact contacts are always left out')
      .argument('<campaign>', 'campaign name or id')
      .option('--segment <name>', 'customers in this RFM segment, e.g. at-risk, champions')
      .option('--snapshot <name>', 'with --segment: the segment as a saved RFM snapshot (crm report rfm --save) had it')
      .addOption(new Option('--tier <tier>', 'customers in this value tier (crm report portfolio)').choices(['MVC', 'MGC', 'BZ', 'maintain', 'prospect'] as const))
      .option('--at-risk', 'valuable customers whose P(alive) fell below 50% (crm report clv --at-risk)')
      .addOption(repeatable('--tag <tag>', 'only records with this tag (repeat: all must match)'))
      .addOption(new Option('--lifecycle <stage>', 'only contacts at this lifecycle stage').choices(LIFECYCLES))
      .option('--owner <user>', 'only records owned by this user').option('--mine', 'only records you own')
      .option('--company <company>', 'the people of this company')
      .addOption(new Option('--ids <kind>', 'read ids (one a line, as -q prints them) from standard input').choices(['contact', 'company'] as const))
      .option('--holdout <share>', 'set aside a random control group of this share, e.g. 10%', '0%')
      .option('--seed <n>', 'seed of the holdout draw: the same seed and members give the same split (default: random, shown)')
      .option('--as-of <date>', 'date the customer-value filters are computed at (default: today)')
      .option('--dry-run', 'count, add nobody'),
    members: campaign.command('members').description('members with group, touch and response (--format csv for a mail merge)')
      .argument('<campaign>', 'campaign name or id')
      .addOption(new Option('--group <group>', 'only this group').choices(['treated', 'holdout'] as const))
      .option('--untouched', 'only treated members not contacted yet'),
    touch: campaign.command('touch').description('record that treated members were contacted, and log the activity on each')
      .argument('<campaign>', 'campaign name or id').argument('[members...]', 'members (name, email or id); default: every untouched treated member')
      .option('--at <date>', 'when (default: today)').option('--summary <text>', 'what the activity says (default: the campaign and channel)'),
    respond: campaign.command('respond').description('record a response of a member').argument('<campaign>', 'campaign name or id')
      .argument('<member>', 'member: name, email or id').option('--at <date>', 'when (default: today)').option('--outcome <text>', 'what they did, e.g. booked a demo'),
  };
}

type Spec = ReturnType<typeof campaignSpec>;
export type CampaignInput<Verb extends keyof Spec> = InputOf<Spec[Verb]>;
