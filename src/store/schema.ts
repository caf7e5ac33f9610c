import type { Generated } from 'kysely';

/** Table shapes as Kysely sees them. Money is integer minor units; times are ISO 8601 text in UTC. */
interface Stamped {
  /** Stable for the record's life (migration 0005); null only in a row written before it, which it filled. */
  uuid: string;
  created_at: string;
  updated_at: string;
  created_by: string;
  updated_by: string;
}

export interface CompanyTable extends Stamped {
  id: Generated<number>;
  name: string;
  name_key: string;
  domain: string | null;
  industry: string | null;
  size: number | null;
  address: string | null;
  wallet_minor: number | null;
  currency: string | null;
  owner: string;
  notes: string | null;
  external_id: string | null;
}

export interface ContactTable extends Stamped {
  id: Generated<number>;
  name: string;
  name_key: string;
  title: string | null;
  company_id: number | null;
  role: string | null;
  reports_to_id: number | null;
  source: string | null;
  lifecycle: string;
  consent: string;
  do_not_contact: number;
  wallet_minor: number | null;
  currency: string | null;
  owner: string;
  notes: string | null;
  external_id: string | null;
}

export interface ContactEmailTable {
  contact_id: number;
  email: string;
  position: number;
}

export interface ContactPhoneTable {
  contact_id: number;
  phone: string;
  position: number;
}

export interface TagTable {
  entity: string;
  entity_id: number;
  tag: string;
}

export interface ChangeSetTable {
  id: Generated<number>;
  at: string;
  actor: string;
  command: string;
  note: string | null;
}

export interface JournalTable {
  id: Generated<number>;
  change_set_id: number;
  entity: string;
  entity_id: number;
  action: string;
  before: string | null;
  after: string | null;
  /** JSON: the record's rows after the entry (and, in an undo's entries, before it); see repos/row-images.ts. */
  row_image: string | null;
}

export interface StageTable extends Stamped {
  id: Generated<number>;
  name: string;
  name_key: string;
  position: number;
  probability: number;
  forecast_category: string;
  outcome: string;
  rotting_days: number | null;
}

export interface DealTable extends Stamped {
  id: Generated<number>;
  title: string;
  title_key: string;
  amount_minor: number;
  currency: string;
  stage_id: number;
  probability: number | null;
  forecast_category: string | null;
  expected_close: string | null;
  closed_on: string | null;
  stage_changed_at: string;
  owner: string;
  company_id: number | null;
  contact_id: number | null;
  source: string | null;
  next_step: string | null;
  lost_reason: string | null;
}

export interface DealStageChangeTable {
  id: Generated<number>;
  deal_id: number;
  from_stage_id: number | null;
  to_stage_id: number | null;
  from_stage: string | null;
  to_stage: string;
  at: string;
  actor: string;
}

export interface ActivityTable extends Stamped {
  id: Generated<number>;
  type: string;
  at: string;
  summary: string;
  outcome: string | null;
  direction: string | null;
  satisfaction: number | null;
  contact_id: number | null;
  company_id: number | null;
  deal_id: number | null;
}

export interface FollowupTable extends Stamped {
  id: Generated<number>;
  title: string;
  title_key: string;
  due_date: string;
  due_time: string | null;
  owner: string;
  priority: string;
  status: string;
  done_at: string | null;
  repeat_every: number | null;
  repeat_unit: string | null;
  series_anchor: string | null;
  series_due: string | null;
  notes: string | null;
  contact_id: number | null;
  company_id: number | null;
  deal_id: number | null;
}

export interface OrdersTable extends Stamped {
  id: Generated<number>;
  company_id: number | null;
  contact_id: number | null;
  ordered_on: string;
  amount_minor: number;
  currency: string;
  reference: string | null;
  deal_id: number | null;
  source: Generated<string>;
}

export interface QuotaTable extends Stamped {
  id: Generated<number>;
  owner: string;
  period: string;
  amount_minor: number;
  currency: string;
}

export interface RfmSnapshotTable {
  id: Generated<number>;
  name: string;
  as_of: string;
  bins: number;
  created_at: string;
  created_by: string;
}

export interface RfmSnapshotMemberTable {
  snapshot_id: number;
  customer: string;
  segment: string;
}

export interface ErasureTable {
  id: Generated<number>;
  at: string;
  actor: string;
  in_progress: number;
}

export interface SuppressionTable {
  salt: string;
  hash: string;
  erasure_id: number;
}

export interface ProductTable extends Stamped {
  id: Generated<number>;
  code: string;
  code_key: string;
  name: string;
  price_minor: number | null;
  currency: string | null;
}

export interface OrderLineTable {
  id: Generated<number>;
  order_id: number;
  position: number;
  product_id: number;
  description: string | null;
  quantity: number;
  unit_price_minor: number;
  amount_minor: number;
}

export interface CampaignTable extends Stamped {
  id: Generated<number>;
  name: string;
  name_key: string;
  channel: string;
  budget_minor: number | null;
  cost_minor: number | null;
  currency: string;
  starts_on: string;
  ends_on: string;
  window_days: number;
  excluded: number;
  owner: string;
  notes: string | null;
}

export interface CampaignMemberTable {
  id: Generated<number>;
  campaign_id: number;
  member_key: string;
  company_id: number | null;
  contact_id: number | null;
  arm: string;
  added_on: string;
  touched_on: string | null;
  responded_on: string | null;
  outcome: string | null;
}

export interface TeamMemberTable {
  name: string;
  role: string;
  created_at: string;
  created_by: string;
}

export interface SettingTable {
  key: string;
  /** JSON. */
  value: string;
  updated_at: string;
  updated_by: string;
}

export interface DB {
  company: CompanyTable;
  contact: ContactTable;
  contact_email: ContactEmailTable;
  contact_phone: ContactPhoneTable;
  tag: TagTable;
  change_set: ChangeSetTable;
  journal: JournalTable;
  stage: StageTable;
  deal: DealTable;
  deal_stage_change: DealStageChangeTable;
  activity: ActivityTable;
  followup: FollowupTable;
  orders: OrdersTable;
  quota: QuotaTable;
  rfm_snapshot: RfmSnapshotTable;
  rfm_snapshot_member: RfmSnapshotMemberTable;
  erasure: ErasureTable;
  suppression: SuppressionTable;
  product: ProductTable;
  order_line: OrderLineTable;
  campaign: CampaignTable;
  campaign_member: CampaignMemberTable;
  team_member: TeamMemberTable;
  setting: SettingTable;
}

/**
 * Every table of ours, in the order a backup lists them (a record before the rows that point at it). The type makes
 * it name each table of DB once, no more, no fewer; test/store/backup.test.ts checks that it names every table a
 * migrated database holds, so a migration that adds one cannot leave it out of backups.
 */
const TABLE_ORDER: { [Table in keyof DB]: number } = {
  company: 1, contact: 2, contact_email: 3, contact_phone: 4, tag: 5, stage: 6, deal: 7, deal_stage_change: 8, activity: 9,
  followup: 10, orders: 11, quota: 12, change_set: 13, journal: 14, rfm_snapshot: 15, rfm_snapshot_member: 16, erasure: 17, suppression: 18,
  product: 19, order_line: 20, campaign: 21, campaign_member: 22, team_member: 23, setting: 24,
};

export const TABLES = (Object.keys(TABLE_ORDER) as (keyof DB)[]).sort((a, b) => TABLE_ORDER[a] - TABLE_ORDER[b]);
