import type { Candidate } from '../../domain/completion.js';
import { type Output, value } from '../view.js';

/** `crm __complete` output: one value per line, a tab and its description where there is one (zsh and fish show it). */
export const candidateLines = (found: readonly Candidate[]): Output =>
  value(found, found.map((c) => (c.description ? `${c.value}\t${c.description}` : c.value)).join('\n'));
