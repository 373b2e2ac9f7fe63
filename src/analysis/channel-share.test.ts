import { expect, test } from 'vitest';
import { channelShares } from './channel-share.ts';

test('platform share of sales and profit, per currency', () => {
  const shares = channelShares([
    { channel: 'amazon', currency: 'USD', sales: 300, net_profit: 60 },
    { channel: 'shopify', currency: 'USD', sales: 100, net_profit: 40 },
    { channel: 'walmart', currency: 'USD', sales: 100, net_profit: null },
    { channel: 'amazon', currency: 'GBP', sales: 50, net_profit: -5 },
  ]);
  // USD sales 300 + 100 + 100 = 500: 0.6, 0.2, 0.2; profit known 60 + 40 = 100: 0.6, 0.4, unknown
  expect(shares.map((s) => [s.channel, s.currency, s.sales_share, s.profit_share])).toEqual([
    ['amazon', 'USD', 0.6, 0.6], ['shopify', 'USD', 0.2, 0.4], ['walmart', 'USD', 0.2, null],
    // alone in GBP: all the sales; a loss has no share
    ['amazon', 'GBP', 1, null],
  ]);
});
