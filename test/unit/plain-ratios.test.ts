import { describe, expect, it } from 'vitest';
import { render } from '../../src/output/render.js';
import { theme } from '../../src/output/theme.js';
import { type Column, list } from '../../src/output/view.js';

describe('ratios for machines', () => {
  it('a share a view computes for a bar reaches a pipe and CSV with four decimals, like the JSON ratios', () => {
    const columns: Column[] = [{ header: 'Stage', key: 'stage', value: (r) => r.stage },
      { header: 'Share', key: 'share', value: (r) => r.amount / 3, type: 'bar', scale: 1 }];
    const out = list([{ stage: 'Lead', amount: 1 }], columns);
    const opts = (format: 'plain' | 'csv') => ({ format, quiet: false, pretty: false, locale: 'en-US', theme: theme(0) });
    expect(render(out, opts('plain')).stdout).toBe('Lead\t0.3333\n');
    expect(render(out, opts('csv')).stdout).toBe('stage,share\nLead,0.3333\n');
  });
});
