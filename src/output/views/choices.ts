import { type Followup, isOverdue } from '../../domain/followup.js';
import type { Stage } from '../../domain/stage.js';
import type { Choice } from '../../io/prompter.js';

/** How records read in a prompt's list: the name first (what people scan for), then what tells them apart. */

export const recordChoice = (r: { kind: string; id: number; name: string; match?: string }, value: string): Choice<string> => ({
  value,
  name: `${r.name}  (${r.kind} #${r.id})`,
  description: r.match && r.match !== r.name ? r.match : undefined,
});

export const keepChoice = (name: string, value: string): Choice<string> => ({ value, name: `${name}  (keep)` });
export const noneChoice: Choice<string> = { value: '', name: '(none)' };

export const stageChoice = (s: Stage): Choice<string> => ({ value: String(s.id), name: `${s.name}  (${s.probability}%)` });

export function followupChoice(f: Followup, today: string): Choice<string> {
  const at = f.dueTime ? ` ${f.dueTime}` : '';
  const when = isOverdue(f, today) ? `overdue since ${f.dueDate}` : f.dueDate === today ? `due today${at}` : `due ${f.dueDate}${at}`;
  const about = [f.deal?.name, f.company?.name, f.contact?.name].filter(Boolean).join(' · ');
  return { value: String(f.id), name: `${f.title}  (#${f.id}, ${when}${f.priority === 'high' ? ', high' : ''})`, description: about || undefined };
}

export const reasonChoice = (reason: string): Choice<string> => ({ value: reason, name: reason });
