import type { Context } from '../../context.js';
import { importFile } from './csv.js';
import type { ImportInput } from './spec.js';

export const run = (input: ImportInput<'deals'>, ctx: Context) => importFile('deals', input, ctx);
