import type { Context } from '../../context.js';
import { exportKind } from './export.js';
import type { ExportInput } from './spec.js';

export const run = (input: ExportInput<'contacts'>, ctx: Context) => exportKind('contacts', input, ctx);
