/**
 * The names of every migration, in order: how many there are is the schema version, read on every open without
 * loading the migrations themselves (`index.ts`, imported only when one is pending). Never rename or reorder one.
 */
export const MIGRATION_NAMES: readonly string[] = [
  '0001_initial',
  '0002_pipeline',
  '0003_rfm_snapshots',
  '0004_series_and_notes',
  '0005_uuids',
  '0006_history_insert_only',
  '0007_team',
  '0008_products_lines',
  '0009_campaigns',
  '0010_team_grants',
];
