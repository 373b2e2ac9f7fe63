import { Decimal } from 'decimal.js';

export interface PricedChannel {
  sku: string;
  channel: string;
  price: string;
  currency: string | null;
}

export interface ChannelGap {
  sku: string;
  currency: string;
  low: { channel: string; price: string };
  high: { channel: string; price: string };
  /** (high − low) ÷ low, 4 decimals */
  gap: number;
}

/**
 * The price rule "channels within a set gap" (多平台价格不同步): per SKU and currency, the lowest and highest channel
 * price; a SKU whose gap is above `maxGap` (0.05 is 5 %) breaks the rule. Prices of an unknown currency are not compared.
 */
export function channelGaps(prices: readonly PricedChannel[], maxGap: string): { breaking: ChannelGap[]; compared: number } {
  const groups = new Map<string, PricedChannel[]>();
  for (const p of prices) {
    if (p.currency === null) continue;
    const key = `${p.sku}\t${p.currency}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const breaking: ChannelGap[] = [];
  let compared = 0;
  for (const group of groups.values()) {
    if (new Set(group.map((g) => g.channel)).size < 2) continue;
    compared++;
    const sorted = [...group].sort((a, b) => new Decimal(a.price).cmp(b.price));
    const low = sorted[0] as PricedChannel;
    const high = sorted[sorted.length - 1] as PricedChannel;
    if (new Decimal(low.price).lte(0)) continue;
    const gap = new Decimal(high.price).minus(low.price).div(low.price);
    if (gap.gt(maxGap)) {
      breaking.push({ sku: low.sku, currency: low.currency ?? '', low: { channel: low.channel, price: low.price }, high: { channel: high.channel, price: high.price }, gap: gap.toDecimalPlaces(4).toNumber() });
    }
  }
  return { breaking: breaking.sort((a, b) => b.gap - a.gap), compared };
}
