/**
 * What the search index holds for each record: a title and the body's parts. The repositories index a record with it
 * when they write one, and a restore rebuilds the whole index with it, so both give the same index.
 */
export interface SearchEntry {
  title: string;
  body: string[];
}

interface Named {
  name: string;
}

export const companyEntry = (c: { name: string; domain: string | null; industry: string | null; address: string | null;
  notes: string | null; tags: readonly string[] }): SearchEntry =>
  ({ title: c.name, body: [c.domain ?? '', c.industry ?? '', c.address ?? '', c.notes ?? '', c.tags.join(' ')] });

export const contactEntry = (c: { name: string; emails: readonly string[]; title: string | null; notes: string | null;
  phones: readonly string[]; tags: readonly string[] }): SearchEntry =>
  ({ title: c.name, body: [c.emails.join(' '), c.title ?? '', c.notes ?? '', c.phones.join(' '), c.tags.join(' ')] });

export const dealEntry = (d: { title: string; company: Named | null; contact: Named | null; source: string | null;
  nextStep: string | null; lostReason: string | null }): SearchEntry =>
  ({ title: d.title, body: [d.company?.name ?? '', d.contact?.name ?? '', d.source ?? '', d.nextStep ?? '', d.lostReason ?? ''] });

export const activityEntry = (a: { type: string; summary: string; outcome: string | null; contact: Named | null;
  company: Named | null; deal: Named | null }): SearchEntry =>
  ({ title: `${a.type}: ${a.summary}`, body: [a.outcome ?? '', a.contact?.name ?? '', a.company?.name ?? '', a.deal?.name ?? ''] });

/** The body as the index stores it: the parts that say something, one a line. */
export const searchBody = (parts: readonly string[]): string => parts.filter(Boolean).join(' \n');
