import type { Migration } from 'kysely';
import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_pipeline.js';
import * as m0003 from './0003_rfm_snapshots.js';
import * as m0004 from './0004_series_and_notes.js';
import * as m0005 from './0005_uuids.js';
import * as m0006 from './0006_history_insert_only.js';
import * as m0007 from './0007_team.js';
import * as m0008 from './0008_products_lines.js';
import * as m0009 from './0009_campaigns.js';
import * as m0010 from './0010_team_grants.js';

/** Every migration, in order. Names are recorded in the database; never rename or reorder one. */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_pipeline': m0002,
  '0003_rfm_snapshots': m0003,
  '0004_series_and_notes': m0004,
  '0005_uuids': m0005,
  '0006_history_insert_only': m0006,
  '0007_team': m0007,
  '0008_products_lines': m0008,
  '0009_campaigns': m0009,
  '0010_team_grants': m0010,
};
