import { importDate } from './order-import.js';
import { ONE_LINE, visible } from './check.js';
import { FieldProblem, type RowSchema } from './row-schema.js';

/** `crm import responses FILE`: one response a row. */
export const RESPONSE_FIELDS = ['campaign', 'member', 'date', 'outcome'] as const;
export type ResponseField = (typeof RESPONSE_FIELDS)[number];

export interface ResponseRow {
  /** Null when the file has no campaign column: --campaign names it. */
  campaign: string | null;
  member: string;
  date: string;
  outcome: string | null;
}

/** Rows of responses: the member (email, name, id or contact:ID) and the date always; the campaign unless --campaign. */
export function responseRows(campaignGiven: boolean): RowSchema<ResponseField, ResponseRow> {
  return {
    fields: RESPONSE_FIELDS,
    required: campaignGiven ? ['member', 'date'] : ['campaign', 'member', 'date'],
    mapExamples: ['member=Email', 'date=Responded'],
    parse(cell) {
      const member = cell('member');
      if (!member) return { problems: [new FieldProblem('member', 'is empty; give the email, name or id of a member')] };
      if (ONE_LINE.control.test(member)) return { problems: [new FieldProblem('member', `"${visible(member)}" ${ONE_LINE.message}`)] };
      const date = importDate(cell('date'));
      if (!date) return { problems: [new FieldProblem('date', `"${cell('date')}" is not a date; use YYYY-MM-DD`)] };
      const campaign = cell('campaign') || null;
      if (!campaignGiven && campaign === null) return { problems: [new FieldProblem('campaign', 'is empty; name the campaign, or pass --campaign')] };
      const outcome = cell('outcome');
      return { row: { campaign, member, date, outcome: outcome && !ONE_LINE.control.test(outcome) ? outcome : null } };
    },
  };
}
