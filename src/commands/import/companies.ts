import type { Context } from '../../context.js';
import { importFile } from './csv.js';
import type { ImportInput } from './spec.js';

export const run = (input: ImportInput<'companies'>, ctx: Context) => importFile('companies', input, ctx);
