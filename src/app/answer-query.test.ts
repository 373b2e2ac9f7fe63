import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSbCampaignFile, profitFxRates, writeProfitFiles } from '../../test/scenarios/profit-files.ts';
import type { QueryRow } from '../metrics/query.ts';
import { buildDocument } from '../report/build-document.ts';
import { setFxRates } from '../store/fx-rates.ts';
import { LocalAsterism } from './local.ts';

/**
 * Issue 15.2: one profit basis everywhere. The profit scenario (test/scenarios/profit-files.ts, real
 * report layouts): O-US-1 (US-MAT × 2, 50.00) ordered 01-30 and settled 02-02; O-US-2 (US-MAT, 25.00)
 * ordered and settled in February; O-US-5 (US-MUG, 15.00) pending, priced by the fee tables.
 */
let dir: string;
let asterism: LocalAsterism;
const feb = { from: '2026-02-01', to: '2026-02-28' };
const bySku = (rows: readonly QueryRow[]) => Object.fromEntries(rows.map((r) => [String(r.sku), r]));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-basis-'));
  asterism = await LocalAsterism.open(join(dir, 'basis.duckdb'));
  const files = writeProfitFiles(dir);
  const result = await asterism.importFiles(files.filter((f) => !isSbCampaignFile(f)), {});
  const sb = await asterism.importFiles(files.filter(isSbCampaignFile), { adType: 'sb' });
  result.files.push(...sb.files);
  for (const f of result.files) expect(f.status, `${f.file}: ${f.error ?? ''}`).toBe('imported');
  const products = join(dir, 'products-mug.csv');
  writeFileSync(products, 'sku,asin,category,length,width,height,dimension_unit,weight,weight_unit\nUS-MUG,B0MUG00001,Home and Kitchen,10,6,0.5,in,5,oz\n');
  expect((await asterism.importFiles([products], {})).files[0]?.status).toBe('imported');
  await setFxRates(asterism.db, profitFxRates);
});
afterAll(async () => {
  await asterism.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('query and profit answer one net profit, by order date unless asked otherwise', () => {
  test('query without --basis: the order date, named in the answer', async () => {
    const answer = await asterism.query({ metrics: ['revenue', 'referral_fees', 'net_profit'], by: ['sku'], ...feb });
    expect(answer.profit_basis).toBe('order');
    const r = bySku(answer.rows);
    // US-MAT by order date: O-US-2 only → revenue 25.00; net −17.23 (src/app/profit.test.ts works it out line by line)
    expect(r['US-MAT']).toMatchObject({ revenue: 25, net_profit: -17.23 });
    // US-MUG's pending order priced by the fee tables as `profit` prices it: 15% × 15.00 = 2.25
    expect(r['US-MUG']).toMatchObject({ revenue: 15, referral_fees: 2.25 });
  });

  test('the same numbers as `profit`, SKU by SKU, on both bases', async () => {
    for (const basis of ['order', 'posted'] as const) {
      const profit = await asterism.run('profit', { by: ['sku'], ...feb, ...(basis === 'posted' ? { basis } : {}) });
      const query = await asterism.query({ metrics: ['net_profit'], by: ['sku'], ...feb, ...(basis === 'posted' ? { basis } : {}) });
      expect(profit.basis).toBe(basis);
      expect(query.profit_basis).toBe(basis);
      expect(Object.fromEntries(query.rows.map((r) => [r.sku, r.net_profit]))).toEqual(Object.fromEntries(profit.rows.map((r) => [r.sku, r.net_profit])));
    }
  });

  test('--basis posted: the cash view, named', async () => {
    const answer = await asterism.query({ metrics: ['revenue'], by: ['sku'], ...feb, basis: 'posted' });
    // settled in February: O-US-1 50.00 (02-02) + O-US-2 25.00 (02-11) = 75.00
    expect(answer.profit_basis).toBe('posted');
    expect(bySku(answer.rows)['US-MAT']).toMatchObject({ revenue: 75 });
  });

  test('a question that no basis changes names none', async () => {
    expect((await asterism.query({ metrics: ['units'], ...feb })).profit_basis).toBeUndefined();
  });

  test('the review documents name it', async () => {
    const data = await asterism.run('report', { kind: 'monthly', period: '2026-02' });
    expect(data.profit_basis).toBe('order');
    const notes = (lang: 'zh' | 'en') => buildDocument(data, lang).sections.flatMap((x) => x.notes);
    expect(notes('en')).toContain('Net profit by order date (fees of unsettled orders estimated)');
    expect(notes('zh')).toContain('净利润按订单日期计（未结算订单的费用为估算）');
  });
});
