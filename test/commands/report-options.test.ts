import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

describe('report windows', () => {
  it('refuse a --since after --as-of, in every report that takes both', async () => {
    const { run } = sandbox();
    for (const report of ['pipeline', 'forecast', 'winloss', 'activity', 'rfm', 'deciles', 'portfolio', 'loyalty']) {
      const r = await run(['report', report, '--as-of', '2026-03-01', '--since', '2026-03-02']);
      expect([report, r.exitCode, r.stdout, r.stderr]).toEqual([report, 2, '',
        'error: --since 2026-03-02 is after --as-of 2026-03-01 (give a --since on or before the --as-of date)\n']);
      // A window of one day is fine; so are the forms people type.
      expect([report, (await run(['report', report, '--as-of', '2026-03-01', '--since', '2026-03-01'])).exitCode]).toEqual([report, 0]);
    }
    const typed = await run(['report', 'rfm', '--as-of', 'yesterday', '--since', 'today', '--json']);
    expect([typed.exitCode, JSON.parse(typed.stderr).error.message]).toEqual([2, '--since 2026-03-11 is after --as-of 2026-03-10']);
  });
});
