/** What a bulk load wrote, per kind of record. */
export interface LoadCounts {
  companies: number;
  contacts: number;
  deals: number;
  activities: number;
  followups: number;
  orders: number;
  quotas: number;
}

/** What an existing database holds, as `crm demo` must know before replacing it. */
export interface DemoContents {
  /** It was filled by crm demo. */
  demo: boolean;
  /** Changes made by any other command (each command's writes are one change set), and the latest one's command line. */
  changes: number;
  latest: string | null;
  /** Saved RFM segmentations (not journaled, and not the demo's). */
  segmentations: string[];
  records: boolean;
}
