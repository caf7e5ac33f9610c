import type { Context } from '../../context.js';
import { importFile } from './csv.js';
import type { ImportInput } from './spec.js';

export const run = (input: ImportInput<'contacts'>, ctx: Context) => importFile('contacts', input, ctx);
