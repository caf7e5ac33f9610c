import * as z from 'zod/mini';
import { countIn } from './fields.js';
import { SEGMENTS, type SegmentMap, segmentNamed } from './rfm.js';

/** The values the reports' own flags take, checked with check() like every other input. */

/** report clv --horizon: months ahead, up to ten years. */
export const horizonMonths = countIn(1, 120, 'give 1 to 120 months');

/** report clv --discount: a monthly rate, a fraction below 1. */
const RATE = 'is not a monthly rate; give a fraction such as 0.01 (1% a month)';
export const monthlyRate = z.pipe(z.string().check(z.refine<string>((s) => /^\d*\.?\d+$/.test(s.trim()), RATE)), z.transform(Number))
  .check(z.refine<number>((d) => d < 1, RATE));

/** report rfm --bins: scores per measure. */
export const binCount = countIn(2, 10, 'give 2 to 10 bins; 5 is the standard');

/** report forecast --periods. */
export const periodCount = countIn(1, 24, 'give 1 to 24 periods');

/** report rfm --segment: a segment of `map` as people type it (segmentNamed). */
export const segmentNameIn = (map: SegmentMap) => z.pipe(z.string(), z.transform((s: string) => segmentNamed(s, map) ?? ''))
  .check(z.refine<string>((s) => s !== '', `is not a segment; use one of: ${map.map((s) => s.segment).join(', ')}`));

/** A segment of the standard grid. */
export const segmentName = segmentNameIn(SEGMENTS);

/** report rfm --save: the name a segmentation is saved under. */
export const snapshotName = z.string().check(z.trim(), z.minLength(1, 'needs a name; e.g. --save 2026-Q1'));
