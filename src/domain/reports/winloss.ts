import type { DealAt } from './deal-state.js';
import { inWindow, type Window } from './window.js';

export interface WinLossGroup {
  key: string;
  won: number;
  lost: number;
  wonAmount: number;
  lostAmount: number;
  winRate: number | null;
}

export interface WinLoss {
  won: number;
  lost: number;
  wonAmount: number;
  lostAmount: number;
  winRate: number | null;
  byReason: { reason: string; deals: number; amount: number }[];
  bySource: WinLossGroup[];
  byOwner: WinLossGroup[];
}

function group(deals: DealAt[], keyOf: (d: DealAt) => string): WinLossGroup[] {
  const groups = new Map<string, WinLossGroup>();
  for (const d of deals) {
    const key = keyOf(d);
    const g = groups.get(key) ?? { key, won: 0, lost: 0, wonAmount: 0, lostAmount: 0, winRate: null };
    if (d.status === 'won') {
      g.won += 1;
      g.wonAmount += d.amount;
    } else {
      g.lost += 1;
      g.lostAmount += d.amount;
    }
    g.winRate = g.won / (g.won + g.lost);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => b.won + b.lost - (a.won + a.lost) || a.key.localeCompare(b.key));
}

/** Deals won or lost within the window, by lost reason, source and owner. */
export function winLoss(deals: DealAt[], window: Window): WinLoss {
  const closed = deals.filter((d) => d.status !== 'open' && inWindow(d.closedOn, window));
  const won = closed.filter((d) => d.status === 'won');
  const lost = closed.filter((d) => d.status === 'lost');
  const reasons = new Map<string, { deals: number; amount: number }>();
  for (const d of lost) {
    const key = d.facts.lostReason ?? '(none)';
    const r = reasons.get(key) ?? { deals: 0, amount: 0 };
    r.deals += 1;
    r.amount += d.amount;
    reasons.set(key, r);
  }
  return {
    won: won.length, lost: lost.length,
    wonAmount: won.reduce((a, d) => a + d.amount, 0), lostAmount: lost.reduce((a, d) => a + d.amount, 0),
    winRate: closed.length ? won.length / closed.length : null,
    byReason: [...reasons].map(([reason, r]) => ({ reason, ...r })).sort((a, b) => b.deals - a.deals || a.reason.localeCompare(b.reason)),
    bySource: group(closed, (d) => d.facts.source ?? '(none)'),
    byOwner: group(closed, (d) => d.facts.owner),
  };
}
