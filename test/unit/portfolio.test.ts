import { describe, expect, it } from 'vitest';
import { portfolio, type PortfolioInput } from '../../src/domain/portfolio.js';

const customer = (n: number, value: number, decile: number | null, wallet: number | null): PortfolioInput => ({
  key: `company:${n}`, order: [n, 0], value, wallet, hasWallet: wallet !== null, hasOrders: true, decile,
});

describe('value tiers (analytics.md, in the order the tiers are decided)', () => {
  it('ranks only the customers left after MVC and BZ for MGC, and BZ wins over a large untapped wallet', () => {
    // Worked by hand, over a 365-day window so annualised value = value:
    // MVC = deciles 1-2: k1, k2. BZ = value <= 0: k10 (its refunds cancel its purchases), despite a 20,000 wallet.
    // Left with a wallet: k3 (untapped 300), k4 (4,400), k5 (2,500), k7 (100), k8 (0), k9 (7,900): 6 customers,
    // 0.2 x 6 = 1.2, so positions 0 and 1 by untapped wallet: k9 and k4 are MGC. k6 has no wallet: maintained.
    const rows = portfolio([
      customer(1, 900, 1, 10_000), customer(2, 800, 2, 9_000), customer(3, 700, 3, 1_000), customer(4, 600, 4, 5_000),
      customer(5, 500, 5, 3_000), customer(6, 400, 6, null), customer(7, 300, 7, 400), customer(8, 200, 8, 200),
      customer(9, 100, 9, 8_000), customer(10, 0, 10, 20_000),
    ], 365, 0);
    expect(rows.map((r) => `${r.key.slice(8)}:${r.tier}`)).toEqual([
      '1:MVC', '2:MVC', '3:maintain', '4:MGC', '5:maintain', '6:maintain', '7:maintain', '8:maintain', '9:MGC', '10:BZ',
    ]);
  });

  it('needs a positive untapped wallet to be most growable', () => {
    const rows = portfolio([customer(1, 900, 1, null), customer(2, 800, 6, 500), customer(3, 700, 8, 600)], 365, 0);
    // Pool: k2 (untapped -300), k3 (-100); 0.2 x 2 = 0.4 admits position 0 (k3), whose untapped wallet is not > 0.
    expect(rows.map((r) => r.tier)).toEqual(['MVC', 'maintain', 'maintain']);
  });
});
