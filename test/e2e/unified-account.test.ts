import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalAsterism } from '../../src/app/local.ts';
import { largeFileBytes } from '../../src/ingest/import-large.ts';
import { listImports, undoImport } from '../../src/ingest/index.ts';
import { rollupMetricIds } from '../../src/metrics/rollup.ts';
import { runQuery } from '../../src/metrics/query.ts';
import type { QueryRequest } from '../../src/metrics/request.ts';
import { lastRollupRefresh, setRollupMinRows } from '../../src/metrics/rollup-refresh.ts';
import type { Database } from '../../src/store/database.ts';

/**
 * One account, many marketplaces (issue 26), end to end: a unified-account All Orders file imported split keeps the
 * ASIN rollup right per marketplace (its days rewritten in each), and a file above the large-file size splits too.
 */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-unified-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const header = ['amazon-order-id', 'merchant-order-id', 'purchase-date', 'last-updated-date', 'order-status', 'fulfillment-channel',
  'sales-channel', 'order-channel', 'url', 'ship-service-level', 'product-name', 'sku', 'asin', 'item-status', 'quantity', 'currency',
  'item-price', 'item-tax', 'shipping-price', 'shipping-tax', 'gift-wrap-price', 'gift-wrap-tax', 'item-promotion-discount',
  'ship-promotion-discount', 'ship-city', 'ship-state', 'ship-postal-code', 'ship-country', 'promotion-ids', 'is-business-order',
  'purchase-order-number', 'price-designation'].join('\t');
const channels = [['Amazon.co.uk', 'GBP', '12.50'], ['Amazon.de', 'EUR', '14.00'], ['Amazon.fr', 'EUR', '15.00']] as const;
/** Order n: marketplace n mod 3, day n mod 28 of March 2026 at noon UTC (the same day in London, Berlin and Paris), 1 unit. */
const orderLine = (n: number, price?: string) => {
  const [channel, currency, unit] = channels[n % 3] ?? channels[0];
  const at = `2026-03-${String((n % 28) + 1).padStart(2, '0')}T12:00:00+00:00`;
  const id = `${String(200 + (n % 3)).padStart(3, '0')}-${String(n).padStart(7, '0')}-0000001`;
  return [id, id, at, at, 'Shipped', 'Amazon', channel, '', '', 'Standard', 'Bath Mat', `SKU-${n % 5}`, `B0TESTA00${n % 5}`, 'Shipped', '1',
    currency, price ?? unit, '', '', '', '', '', '', '', 'CITY', '', '00000', '', '', 'false', '', ''].join('\t');
};
const write = (name: string, lines: string[]) => {
  const file = join(dir, name);
  writeFileSync(file, [header, ...lines].join('\n') + '\n');
  return file;
};

async function sameBothWays(db: Database, request: QueryRequest): Promise<void> {
  setRollupMinRows(db, Infinity);
  const live = await runQuery(db, request);
  setRollupMinRows(db, 0);
  expect(await runQuery(db, request), JSON.stringify(request)).toEqual(live);
}

test('split imports keep the ASIN rollup the sources\' answer in every marketplace, and an undo too', async () => {
  const api = await LocalAsterism.open(join(dir, 'rollup.duckdb'));
  setRollupMinRows(api.db, 0);
  const first = write('march.txt', Array.from({ length: 60 }, (_, n) => orderLine(n)));
  // the newer download: DE's prices corrected, and DE's orders after 5 March gone (cancelled and removed, say), so DE's
  // rows of 6–28 March are replaced by none: days the new DE rows do not cover, which the rollup must rewrite too
  const newerLines = Array.from({ length: 60 }, (_, n) => n).filter((n) => n % 3 !== 1 || n % 28 < 5).map((n) => orderLine(n, n % 3 === 1 ? '13.00' : undefined));
  const newer = write('march-newer.txt', newerLines);
  const metrics = rollupMetricIds();
  // the first import builds the rollup whole; the newer one rewrites its days in each marketplace (import_marketplaces)
  // DE in the newer file: n ≡ 1 (mod 3) with n mod 28 < 5, n < 60: 1, 4, 28, 31, 58
  for (const [file, refresh, de] of [[first, 'rebuilt', 20], [newer, 'imports', 5]] as const) {
    const [r] = (await api.importFiles([file], { replace: true })).files;
    expect(r?.marketplaces?.map((m) => [m.marketplace, m.rows])).toEqual([['DE', de], ['FR', 20], ['UK', 20]]);
    expect(lastRollupRefresh(api.db)).toBe(refresh);
    for (const by of [['marketplace', 'asin'], ['marketplace', 'date'], []]) await sameBothWays(api.db, { metrics, by });
  }
  // DE: 5 orders at 13.00 = 65.00 EUR after the newer file; FR 20 × 15.00 = 300.00 EUR; UK 20 × 12.50 = 250.00 GBP
  const sales = await runQuery(api.db, { metrics: ['sales'], by: ['marketplace'] });
  expect(sales.rows.map((r) => [r.marketplace, r.currency, r.sales])).toEqual([['DE', 'EUR', 65], ['FR', 'EUR', 300], ['UK', 'GBP', 250]]);
  const [newest] = await listImports(api.db);
  await undoImport(api.db, Number(newest?.id));
  await sameBothWays(api.db, { metrics, by: ['marketplace', 'asin'] });
  await api.close();
}, 120_000);

test('a unified All Orders file above the large-file size imports split, totals per marketplace exact', async () => {
  const api = await LocalAsterism.open(join(dir, 'large.duckdb'));
  const lines: string[] = [];
  let bytes = header.length;
  let n = 0;
  while (bytes <= largeFileBytes + 100_000) {
    const line = orderLine(n++);
    lines.push(line);
    bytes += line.length + 1;
  }
  const file = write('large.txt', lines);
  expect(statSync(file).size).toBeGreaterThan(largeFileBytes);
  const [r] = (await api.importFiles([file], {})).files;
  // n orders, marketplace k holding those with index ≡ k (mod 3)
  const count = (k: number) => Math.floor((n - 1 - k) / 3) + 1;
  expect(r).toMatchObject({ status: 'imported', rows: n, marketplace: null });
  expect(r?.marketplaces).toEqual([
    { marketplace: 'DE', currency: 'EUR', rows: count(1) }, { marketplace: 'FR', currency: 'EUR', rows: count(2) }, { marketplace: 'UK', currency: 'GBP', rows: count(0) },
  ]);
  // sums per marketplace: orders × unit price (12.50 GBP, 14.00 EUR, 15.00 EUR), worked out from the counts
  expect(await api.db.all(`SELECT marketplace, currency, CAST(sum(item_price) AS VARCHAR) AS sales FROM order_items GROUP BY ALL ORDER BY marketplace`)).toEqual([
    { marketplace: 'DE', currency: 'EUR', sales: (count(1) * 14).toFixed(4) },
    { marketplace: 'FR', currency: 'EUR', sales: (count(2) * 15).toFixed(4) },
    { marketplace: 'UK', currency: 'GBP', sales: (count(0) * 12.5).toFixed(4) },
  ]);
  await api.close();
}, 300_000);
