import type { NamedKind } from '../domain/completion.js';

// Above every character a name can hold, so `key >= prefix and key < prefix || TOP` is a prefix range on the index.
export const TOP = '\u{10FFFF}';

export interface CandidateSource {
  select: string;
  /** The indexed key names are matched on. */
  key: string;
  id: string;
  /** Which rows count. */
  where?: string;
}

/**
 * Per kind: the columns of a completion candidate, the indexed key names are matched on, and which rows count; the
 * same SQL on every engine. By title only open follow-ups are found (a repeating one leaves done copies of its
 * title); by id, any. `openFollowups` is how the engine writes that condition (SQLite wants a planner hint).
 */
export function candidateSources(openFollowups = `f.status = 'open'`): Record<NamedKind, CandidateSource> {
  return {
    company: { select: 'select c.id, c.name, c.name_key as key, c.domain as detail from company c', key: 'c.name_key', id: 'c.id' },
    contact: {
      select: `select p.id, p.name, p.name_key as key,
        coalesce((select e.email from contact_email e where e.contact_id = p.id and e.position = 0), co.name) as detail
        from contact p left join company co on co.id = p.company_id`,
      key: 'p.name_key', id: 'p.id',
    },
    deal: {
      select: `select d.id, d.title as name, d.title_key as key, coalesce(co.name || ', ', '') || s.name as detail
        from deal d join stage s on s.id = d.stage_id left join company co on co.id = d.company_id`,
      key: 'd.title_key', id: 'd.id',
    },
    followup: { select: `select f.id, f.title as name, f.title_key as key, 'due ' || f.due_date as detail from followup f`,
      key: 'f.title_key', id: 'f.id', where: openFollowups },
  };
}
