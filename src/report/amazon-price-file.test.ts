import { expect, test } from 'vitest';
import { amazonPriceFile } from './amazon-price-file.ts';

test('the Price & Quantity file: three template rows, tab-separated, SKU and price filled, the rest empty', () => {
  const text = amazonPriceFile([{ sku: 'MAT-BLK-60', price: '17.62' }, { sku: 'CUP-2', price: '9.99' }]);
  const lines = text.split('\r\n');
  expect(lines.at(-1)).toBe('');
  expect(lines.slice(0, -1).map((l) => l.split('\t'))).toEqual([
    ['TemplateType=PriceInventory', 'Version=2018.0924', 'The top 3 rows are for Amazon.com use only. Do not modify or delete the top 3 rows.', '', '', '', ''],
    ['SKU', 'Price', 'Minimum Seller Allowed Price', 'Maximum Seller Allowed Price', 'Quantity', 'Handling Time', 'Fulfillment Channel'],
    ['sku', 'price', 'minimum-seller-allowed-price', 'maximum-seller-allowed-price', 'quantity', 'handling-time', 'fulfillment-channel'],
    ['MAT-BLK-60', '17.62', '', '', '', '', ''],
    ['CUP-2', '9.99', '', '', '', '', ''],
  ]);
});

test('a SKU that a spreadsheet would run as a formula refuses the file (escaping it would update no listing); negative-looking prices are numbers', () => {
  expect(() => amazonPriceFile([{ sku: '=HYPERLINK("x")', price: '9.99' }])).toThrow(/"=HYPERLINK\(\\"x\\"\)" starts with =.*公式/);
  expect(() => amazonPriceFile([{ sku: '@SUM', price: '9.99' }])).toThrow(/@SUM/);
  expect(amazonPriceFile([{ sku: 'MAT-BLK-60', price: '17.62' }])).toContain('MAT-BLK-60\t17.62');
});
