/**
 * The help topics, in the order help lists them: the root help and `crm help` name them on every start, which must
 * not load the topics' text (cli/topics.ts, which has one entry for each of these names, in this order).
 */
export const TOPIC_NAMES = [
  'exit-codes', 'dates', 'formats', 'references', 'duplicates', 'backups', 'safety', 'report-pipeline',
  'report-forecast', 'report-winloss', 'report-activity', 'report-rfm', 'report-deciles', 'report-portfolio',
  'report-loyalty', 'report-clv', 'report-campaign', 'report-cross-sell', 'report-churn', 'next', 'import', 'export',
  'prompts', 'team-server', 'environment',
] as const;
export type TopicName = (typeof TOPIC_NAMES)[number];
