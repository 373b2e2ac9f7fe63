import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles } from '../ingest/index.ts';
import { Database } from '../store/database.ts';
import { setFxRates } from '../store/fx-rates.ts';
import { runOperation } from './operations.ts';

/**
 * One approved price, three channels' files (issue 23). MAT-1: 57.60 CNY at 7.20 = 8.00 USD, FBA 3.45, referral 15%:
 * (8 + 3.45) / 0.85 = 13.4706 → 13.48 (as src/app/pricing.test.ts). Shopify lists it as bath-mat / Natural.
 */
let dir: string;
let db: Database;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-channel-prices-'));
  db = await Database.open(join(dir, 'p.duckdb'));
  const write = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
  const files = [
    write('products.csv', 'sku,asin,category,length,width,height,dimension_unit,weight,weight_unit\nMAT-1,B0MAT00001,Home and Kitchen,10,6,0.5,in,5,oz\nCUP-9,B0CUP00009,Home and Kitchen,10,6,0.5,in,5,oz\n'),
    write('costs.csv', 'sku,effective_from,currency,unit_cost,freight_per_unit,duty_rate,marketplace\nMAT-1,2026-01-01,CNY,57.60,,,US\nCUP-9,2026-01-01,CNY,57.60,,,US\n'),
    write('shopify-products.csv', 'Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Status\nbath-mat,Bath Mat,Colour,Natural,MAT-1,14.00,active\n'),
  ];
  const result = await importFiles(db, files, {});
  expect(result.files.map((f) => f.status)).toEqual(['imported', 'imported', 'imported']);
  await setFxRates(db, [{ date: '2026-01-01', base: 'USD', quote: 'CNY', rate: '7.20' }]);
  for (const sku of ['MAT-1', 'CUP-9']) {
    const s = await runOperation(db, 'price_suggest', { sku, date: '2026-03-01' });
    await runOperation(db, 'price_approve', { id: s.id, user: 'wang' });
  }
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the approved prices in Walmart\'s bulk price feed, once per channel', async () => {
  const amazon = await runOperation(db, 'price_export', { channel: 'amazon', user: 'wang' });
  expect(amazon.count).toBe(2);
  // exported to Amazon does not mean sent to Walmart: each channel keeps its own record
  const walmart = await runOperation(db, 'price_export', { channel: 'walmart', user: 'wang' });
  expect(walmart).toMatchObject({ channel: 'walmart', marketplace: 'US', count: 2 });
  expect(JSON.parse(walmart.file)).toEqual({
    PriceHeader: { version: '1.7' },
    Price: [
      { sku: 'MAT-1', pricing: [{ currentPriceType: 'BASE', currentPrice: { currency: 'USD', amount: 13.48 } }] },
      { sku: 'CUP-9', pricing: [{ currentPriceType: 'BASE', currentPrice: { currency: 'USD', amount: 13.48 } }] },
    ],
  });
  expect((await runOperation(db, 'price_export', { channel: 'walmart', user: 'wang' })).count).toBe(0);
  const log = await runOperation(db, 'price_log', { sku: 'MAT-1' });
  expect(log.decisions.map((d: { action: string; note: string | null }) => `${d.action} ${d.note ?? ''}`)).toEqual(expect.arrayContaining(['export walmart price file (2 SKUs)']));
});

test('Shopify\'s product CSV: the handle and option of each listed SKU, with the approved price; an unlisted SKU is named', async () => {
  const shopify = await runOperation(db, 'price_export', { channel: 'shopify', user: 'wang' });
  expect(shopify).toMatchObject({ channel: 'shopify', count: 1, unlisted: ['CUP-9'] });
  expect(shopify.file).toBe('Handle,Option1 Value,Option2 Value,Option3 Value,Variant SKU,Variant Price\nbath-mat,Natural,,,MAT-1,13.48\n');
});

test('the rule keeping channels within a gap: Amazon 15.99 against Shopify 14.00 is 14.21 % apart', async () => {
  await db.run(`INSERT INTO listings (store, marketplace, snapshot_date, sku, price, currency, import_id) VALUES ('default', 'US', DATE '2026-03-01', 'MAT-1', 15.99, 'USD', 0)`);
  // a newer product export, read as the US shop's (its prices then have a currency)
  const newer = join(dir, 'shopify-products-us.csv');
  writeFileSync(newer, 'Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Status\r\nbath-mat,Bath Mat,Colour,Natural,MAT-1,14.00,active\r\n');
  const [again] = (await importFiles(db, [newer], { marketplace: 'US' })).files;
  expect(again?.status).toBe('imported');
  const gaps = await runOperation(db, 'price_channel_gaps', { max_gap: '0.05' });
  // (15.99 − 14.00) / 14.00 = 0.142142… → 0.1421
  expect(gaps).toMatchObject({ max_gap: '0.05', compared: 1, breaking: [{ sku: 'MAT-1', low: { channel: 'shopify', price: '14.0000' }, high: { channel: 'amazon', price: '15.9900' }, gap: 0.1421 }] });
  expect((await runOperation(db, 'price_channel_gaps', { max_gap: '0.15' })).breaking).toEqual([]);
});

test('price explain: the cost build-up, FX, fees, rules and approvals behind a price, in zh and en, as Markdown and XLSX', async () => {
  const { renderMarkdown } = await import('../report/markdown.ts');
  const { renderXlsx } = await import('../report/xlsx.ts');
  const en = await runOperation(db, 'price_explain', { sku: 'MAT-1', lang: 'en' });
  const md = renderMarkdown(en.document);
  // 57.60 CNY at 1 / 7.20 = 0.1388888889 USD per CNY (rate of 2026-01-01) = 8.00 USD landed; FBA 3.45; suggested 13.48, approved by wang
  for (const part of ['Why this price: MAT-1 (US)', 'Unit cost (purchase currency)', '57.6', 'FX rate used', '0.1388888889', '2026-01-01', 'Landed cost per unit', 'Fulfilment fee', 'Suggested price', '13.48', 'approve', 'wang', 'export']) {
    expect(md, part).toContain(part);
  }
  const zh = await runOperation(db, 'price_explain', { sku: 'MAT-1', lang: 'zh' });
  expect(renderMarkdown(zh.document)).toContain('定价依据：'.slice(0, 4));
  expect(renderMarkdown(zh.document)).toContain('每件落地成本');
  expect((await renderXlsx(en.document)).subarray(0, 2).toString()).toBe('PK');
  await expect(runOperation(db, 'price_explain', { sku: 'NOPE' })).rejects.toThrow(/no price suggestion for SKU NOPE/);
});
