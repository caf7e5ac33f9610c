import { describe, expect, it } from 'vitest';
import { sandbox } from '../support/inprocess.js';

describe('money is written one way', () => {
  it('in every view and report, following the locale setting; plain numbers with the code in a pipe', async () => {
    const { run } = sandbox({ CRM_NOW: '2026-03-11T10:30:00Z' });
    await run(['company', 'add', 'Acme']);
    await run(['deal', 'add', 'Big', '--amount', '94,529', '--company', 'Acme', '--close', 'today']);
    await run(['deal', 'add', 'Small', '--amount', 'EUR 1200.5', '--company', 'Acme', '--close', '2026-03-20']);
    const tty = { tty: true, env: { NO_COLOR: '1' } };
    expect((await run(['agenda'], tty)).stdout).toMatch(/Big closes\s+\$94,529\.00 · Lead 10% · Acme\s/);
    expect((await run(['agenda'])).stdout).toMatch(/Big closes\t94529\.00 USD · Lead 10% · Acme\t/);
    expect((await run(['stage', 'list'], tty)).stdout).toMatch(/^1 +Lead .* 2 +€1,200\.50, \$94,529\.00$/m);
    expect((await run(['stage', 'list'])).stdout).toMatch(/^1\tLead\t.*\t2\t1200\.50 EUR; 94529\.00 USD$/m);
    await run(['deal', 'win', 'Big']);
    expect((await run(['report', 'winloss'], tty)).stdout).toMatch(/^Won +1 deal, \$94,529\.00$/m);
    expect((await run(['company', 'show', 'Acme'], tty)).stdout).toMatch(/\b1 order, \$94,529\.00; first 2026-03-11, last 2026-03-11$/m);
    expect((await run(['quota', 'set', 'alice', '2026-Q1', '50000'], tty)).stderr).toBe('quota of alice for 2026-Q1 is $50,000.00\n');
    await run(['config', 'set', 'locale', 'de-DE']);
    const nb = '\u00a0';
    expect((await run(['agenda', '--month'], tty)).stdout).toContain(`1.200,50${nb}€ · Lead 10% · Acme`);
    expect((await run(['deal', 'list'], tty)).stdout).toContain(`1.200,50${nb}€`);
    expect((await run(['report', 'winloss'], tty)).stdout).toMatch(new RegExp(`^Won +1 deal, 94\\.529,00${nb}\\$$`, 'm'));
    // JSON is never localised.
    expect(JSON.parse((await run(['report', 'winloss', '--json'])).stdout).won).toEqual({ deals: 1, amount: 94529 });
  });
});
