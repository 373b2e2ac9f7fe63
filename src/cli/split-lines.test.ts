import { expect, test } from 'vitest';
import type { FileResult } from '../ingest/index.ts';
import { marketplaceCell, splitLines } from './split-lines.ts';

const result = (extra: Partial<FileResult>): FileResult => ({
  file: 'orders.txt', type: 'all_orders', store: 'default', marketplace: null, rows: 5, status: 'imported',
  from: '2026-03-01', to: '2026-03-03', replaced: 0, error: null, problems: [], ...extra,
});

test('a split file says how it was split; skipped channels are counted; a one-marketplace file says nothing', () => {
  const split = result({
    marketplaces: [{ marketplace: 'DE', currency: 'EUR', rows: 1 }, { marketplace: 'UK', currency: 'GBP', rows: 3 }],
    skipped_channels: { 'Non-Amazon': 1 },
  });
  expect(splitLines([split, result({ marketplace: 'US' })], 'en')).toEqual([
    'orders.txt: split per marketplace: DE 1 (EUR), UK 3 (GBP)',
    'orders.txt: 1 row(s) of sales channel Non-Amazon skipped (not sold on an Amazon marketplace)',
  ]);
  expect(splitLines([split], 'zh')).toEqual([
    'orders.txt：已按站点拆分：DE 1 (EUR), UK 3 (GBP)',
    'orders.txt：跳过销售渠道 Non-Amazon 的 1 行（非亚马逊站点的销售）',
  ]);
  expect(marketplaceCell(split)).toBe('DE,UK');
  expect(marketplaceCell(result({ marketplace: 'US' }))).toBe('US');
});
