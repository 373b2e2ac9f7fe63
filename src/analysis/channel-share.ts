import { ratio, round4 } from './ratio.ts';

/** One channel's figures in one currency, as the metric layer answers them (null: unknown). */
export interface ChannelFigures {
  channel: string;
  currency: string | null;
  sales: number | null;
  net_profit: number | null;
}

export interface ChannelShares {
  /** the channel's part of the sales of all channels in its currency (平台占比) */
  sales_share: number | null;
  /** its part of the profit of all channels; null where the channels' profit together is not above 0 (a share of a loss says nothing) */
  profit_share: number | null;
}

/**
 * Platform share of sales and profit: each channel against the channels of the same currency (money of two currencies
 * is never added; ask with a reporting currency to compare them all). A channel whose figure is unknown has no share,
 * and the others' shares are then of the channels known.
 */
export function channelShares<T extends ChannelFigures>(rows: readonly T[]): (T & ChannelShares)[] {
  const totals = new Map<string, { sales: number; profit: number }>();
  for (const r of rows) {
    const key = r.currency ?? '';
    const t = totals.get(key) ?? { sales: 0, profit: 0 };
    t.sales += r.sales ?? 0;
    t.profit += r.net_profit ?? 0;
    totals.set(key, t);
  }
  return rows.map((r) => {
    const t = totals.get(r.currency ?? '') ?? { sales: 0, profit: 0 };
    return {
      ...r,
      sales_share: round4(ratio(r.sales, t.sales)),
      profit_share: t.profit > 0 ? round4(ratio(r.net_profit, t.profit)) : null,
    };
  });
}
