import { expect, test } from 'vitest';
import { channelGaps } from './channel-gaps.ts';

test('channels kept within a gap: the SKUs whose prices drift apart', () => {
  const { breaking, compared } = channelGaps([
    { sku: 'MAT-1', channel: 'amazon', price: '24.99', currency: 'USD' },
    { sku: 'MAT-1', channel: 'shopify', price: '22.00', currency: 'USD' },
    { sku: 'CUP-2', channel: 'amazon', price: '12.00', currency: 'USD' },
    { sku: 'CUP-2', channel: 'shopify', price: '12.50', currency: 'USD' },
    { sku: 'BOWL-3', channel: 'shopify', price: '9.00', currency: null },
    { sku: 'BOWL-3', channel: 'amazon', price: '19.00', currency: 'USD' },
  ], '0.05');
  // MAT-1: (24.99 − 22.00) / 22.00 = 0.1359 > 5 %; CUP-2: 0.50 / 12.00 = 0.0417 within; BOWL-3: Shopify's currency unknown, not compared
  expect(compared).toBe(2);
  expect(breaking).toEqual([{ sku: 'MAT-1', currency: 'USD', low: { channel: 'shopify', price: '22.00' }, high: { channel: 'amazon', price: '24.99' }, gap: 0.1359 }]);
});
