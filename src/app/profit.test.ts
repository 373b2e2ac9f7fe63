import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSbCampaignFile, profitFxRates, writeProfitFiles } from '../../test/scenarios/profit-files.ts';
import { importFiles } from '../ingest/import-files.ts';
import { Database } from '../store/database.ts';
import { setFxRates } from '../store/fx-rates.ts';
import { listCosts, setCost } from '../store/costs.ts';
import { runOperation } from './operations.ts';
import { profitRows, type ProfitRequest } from './profit.ts';

// The dataset is described in test/scenarios/profit-files.ts (real report layouts, imported through the
// importers); every number below is worked out by hand from it. FX: USD→CNY 7.00 (Jan), 7.20 (from 02-01); EUR→CNY 8.00.
let dir: string;
let db: Database;
const feb = { from: '2026-02-01', to: '2026-02-28' };
const jan = { from: '2026-01-01', to: '2026-01-31' };

const bySku = async (request: ProfitRequest) => {
  const answer = await profitRows(db, { by: ['sku'], ...request });
  expect(answer.problems).toEqual([]);
  return Object.fromEntries(answer.rows.map((r) => [String(r.sku), r]));
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-profit-'));
  db = await Database.open(join(dir, 'profit.duckdb'));
  const files = writeProfitFiles(dir);
  const result = await importFiles(db, files.filter((f) => !isSbCampaignFile(f)));
  const sb = await importFiles(db, files.filter(isSbCampaignFile), { adType: 'sb' });
  for (const f of [...result.files, ...sb.files]) expect(f.status, `${f.file}: ${f.error ?? ''}`).toBe('imported');
  await setFxRates(db, profitFxRates);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('profit per SKU, order basis (fees matched to orders by order id)', () => {
  test('US SKU: fees, reimbursement, storage estimate, SP + SB ads, shipment freight by weight, payout cost', async () => {
    const r = await bySku(feb);
    // US-MAT, February orders: O-US-2 (02-10) only — O-US-1 was ordered 01-30 though settled 02-02.
    // revenue 25.00; referral 3.75; FBA 5.00; reimbursement +8.00 (adjustment without order id: posted 02-16)
    // storage: February not charged yet → the report's estimate 2.50
    // ads: SP 5.00 + SB 6.00 × 25 / (25 + 30) (ordered sales that day: MAT 25, RUG 30) = 2.727272…, allocated in cents:
    //   MAT 2.72, RUG 3.27, the cent left to the larger remainder (MAT .7272 > RUG .2727) → MAT 2.73 + RUG 3.27 = 6.00 → 7.73
    // cogs 70 CNY / 7.20 = 9.722222…; freight FBA2 by weight: 800 CNY × 4 / (20×2 + 10×4) = 40 CNY → /7.20 = 5.555556
    // duty (US, on unit cost) 0.10 × 70 / 7.20 = 0.972222
    // payout 02-15: (7.20 × 1000 − 7068.80) + 20 = 151.20 CNY = 21.00 USD, by settled sales 02-01..02-15:
    //   MAT 50 + 25 = 75, RUG 30 → MAT 21 × 75/105 = 15.00, RUG 6.00
    // net 25 + 8 − 3.75 − 5 − 2.5 − 7.73 − 9.722222 − 5.555556 − 0.972222 − 15 = −17.23
    expect(r['US-MAT']).toMatchObject({
      currency: 'USD', revenue: 25, referral_fees: 3.75, fba_fees: 5, reimbursements: 8, storage_fees: 2.5, ad_cost: 7.73,
      cogs: 9.72, freight: 5.56, duties: 0.97, payout_costs: 15, net_profit: -17.23,
    });
    expect(r['US-MAT']?.missing).toBeUndefined();
    // net margin −17.23 / 25 = −0.6892; ROI −17.23 / (9.722222 + 5.555556) = −1.127782;
    // break-even ACoS (net + ads) / revenue = (−17.23 + 7.73) / 25 = −0.38
    expect(r['US-MAT']).toMatchObject({ net_margin: -0.6892, roi: -1.127782, break_even_acos: -0.38 });
  });

  test('a refund with the refund administration fee; an unsettled order estimated from the fee preview', async () => {
    const r = await bySku(feb);
    // US-RUG: O-US-3 30.00 (fees 4.50 + 6.00), refunded 02-14 with 3.60 of the referral back:
    //   admin fee = 4.50 − 3.60 = 0.90, referral counted back in full (−4.50); refunds 30.00
    // O-US-4 (02-25, Pending, unsettled): revenue 30.00, fee preview 4.50 + 6.00 → marked estimated
    // referral 4.50 − 4.50 + 4.50 = 4.50; FBA 6 + 6 = 12; storage estimate 2.50; ads SP 2.00 + SB 3.27 (6.00 less MAT's 2.73, above) = 5.27
    // cogs 2 × 35 / 7.20 = 9.722222; freight 2 × (800 × 2 / 80 = 20 CNY) / 7.20 = 5.555556; duty 2 × 0.05 × 35 / 7.20 = 0.486111
    // net 60 − 30 − 4.5 − 0.9 − 12 − 2.5 − 5.27 − 9.722222 − 5.555556 − 0.486111 − 6 = −16.933889
    expect(r['US-RUG']).toMatchObject({
      revenue: 60, refunds: 30, referral_fees: 4.5, refund_admin_fees: 0.9, fba_fees: 12, ad_cost: 5.27,
      cogs: 9.72, freight: 5.56, duties: 0.49, payout_costs: 6, net_profit: -16.93, estimated: true,
    });
    expect((r['US-RUG']?.sources as Record<string, string[]>).revenue).toEqual(['settled', 'estimated: fee preview']);
  });

  test('EU SKU: revenue and refund without VAT, refund administration fee, duty on cost + freight', async () => {
    const r = await bySku(feb);
    // DE-MAT (cost by product code MAT): 23.80 / 1.19 = 20.00 revenue, refunded 20.00;
    // referral 3.57, 2.86 refunded → admin 0.71, referral 3.57 − 3.57 = 0; FBA 4.00
    // cogs 70 CNY / 8 = 8.75; freight (no DE shipment: the costs file's 7.00 CNY) 0.875;
    // duty (EU) 0.10 × (70 + 7) / 8 = 0.9625; net 20 − 20 − 0.71 − 4 − 8.75 − 0.875 − 0.9625 = −15.2975
    expect(r['DE-MAT']).toMatchObject({
      currency: 'EUR', revenue: 20, refunds: 20, referral_fees: 0, refund_admin_fees: 0.71, fba_fees: 4,
      cogs: 8.75, freight: 0.88, duties: 0.96, net_profit: -15.3,
    });
    // no storage report, no payout and no ads for DE: counted 0 and named
    expect(r['DE-MAT']?.missing).toEqual({ net_profit: ['storage_fees', 'payout_costs', 'ad_cost'] });
  });

  test('a refund without its order line: the refund administration fee estimated, at most 5.00 a unit', async () => {
    const r = await bySku(feb);
    // US-CUP: 25.00 of the referral refunded; ¼ of it is 6.25, more than the 5.00 cap → 5.00;
    // the referral counts back in full: −(25.00 + 5.00) = −30.00 (15 % of 200.00); no order file row → the posted date stands in
    expect(r['US-CUP']).toMatchObject({ refunds: 200, refund_admin_fees: 5, referral_fees: -30, revenue: null, net_profit: null });
  });

  test('an unsettled order without any fee data names its fees as missing', async () => {
    const r = await bySku(feb);
    // US-MUG: O-US-5 15.00 pending, no fee preview, no fee tables yet, no cost
    expect(r['US-MUG']).toMatchObject({ revenue: 15, referral_fees: null, cogs: null, net_profit: 15, estimated: true });
    expect((r['US-MUG']?.missing as Record<string, string[]>).net_profit).toEqual(
      expect.arrayContaining(['referral_fees', 'fba_fees', 'cogs', 'freight', 'duties', 'storage_fees', 'ad_cost']));
  });

  test('account-level lines: subscription unallocated; Cost of Advertising and transfers not counted', async () => {
    const r = await bySku(feb);
    // other fees without SKU: the 39.99 subscription only (not the 99.00 Cost of Advertising, not the 500.00 transfer)
    expect(r.null).toMatchObject({ other_fees: 39.99, revenue: null, net_profit: null });
  });
});

describe('order basis vs posted basis', () => {
  test('an order of 01-30 settled on 02-02 counts in January by order date, in February by posted date', async () => {
    const janOrder = await bySku({ ...jan, basis: 'order' });
    // US-MAT January (O-US-1, 2 units, 50.00): promotions 2.00, referral 7.50, FBA 10.00
    // storage: January's charge (posted 02-09) 12.00 × MAT's share of the report 3.00 / (3.00 + 1.00) = 9.00
    // cogs 140 CNY / 7.00 = 20.00; freight FBA1 by volume: 400 × 0.06 / (10×0.02 + 10×0.06) = 30 CNY/unit → 60 / 7 = 8.571429
    // duty 0.10 × 140 / 7 = 2.00; no ads in January, no payout → named missing
    // net 50 − 2 − 7.5 − 10 − 9 − 20 − 8.571429 − 2 = −9.071429
    expect(janOrder['US-MAT']).toMatchObject({
      revenue: 50, promotions: 2, referral_fees: 7.5, fba_fees: 10, storage_fees: 9, cogs: 20, freight: 8.57, duties: 2, net_profit: -9.07,
      missing: { net_profit: ['payout_costs', 'ad_cost'] },
    });
    // storage allocation: RUG's share 12.00 × 1.00 / 4.00 = 3.00 (a row without revenue: net profit unknown)
    expect(janOrder['US-RUG']).toMatchObject({ storage_fees: 3, revenue: null, net_profit: null });

    // nothing was posted in January: the empty answer says why (issue 15.9)
    const janPosted = await profitRows(db, { by: ['sku'], ...jan, basis: 'posted' });
    expect(janPosted.rows).toEqual([]);
    expect(janPosted.problems.map((p) => p.code)).toEqual(['no_data']);
    const febPosted = await bySku({ ...feb, basis: 'posted' });
    // posted: O-US-1 and O-US-2 → revenue 75; storage 9.00 (January's charge, posted 02-09) + 2.50 (February estimate)
    // cogs at the posted dates' rate: 3 × 70 / 7.20 = 29.166667; freight FBA2: 3 × 40 / 7.20 = 16.666667
    expect(febPosted['US-MAT']).toMatchObject({ revenue: 75, promotions: 2, storage_fees: 11.5, cogs: 29.17, freight: 16.67 });
    // the pending order is not in the cash view
    expect(febPosted['US-MUG']).toBeUndefined();
  });
});

describe('currency', () => {
  test('converted to CNY with dated rates: two dates, two rates', async () => {
    const r = await bySku({ from: '2026-01-01', to: '2026-02-28', sku: 'US-MAT', currency: 'CNY' });
    // revenue: 50.00 on 01-30 × 7.00 = 350.00 + 25.00 on 02-10 × 7.20 = 180.00 → 530.00
    // cogs back in CNY: 140 + 70 = 210.00; payout cost 15.00 × 7.20 = 108.00
    expect(r['US-MAT']).toMatchObject({ currency: 'CNY', revenue: 530, cogs: 210, payout_costs: 108 });
  });
});

describe('costs entered through the API', () => {
  test('a cost effective from a later date applies to sales from that date, and re-entering replaces it', async () => {
    await setCost(db, { sku: 'US-MUG', effective_from: '2026-02-01', currency: 'CNY', unit_cost: '36', duty_rate: '0.05', marketplace: 'US' });
    await setCost(db, { sku: 'US-MUG', effective_from: '2026-02-01', currency: 'CNY', unit_cost: '36.00', duty_rate: '0.05', marketplace: 'US' });
    expect((await listCosts(db, { sku: 'US-MUG' })).map((c) => c.unit_cost)).toEqual(['36']);
    const r = await bySku(feb);
    // 36 CNY / 7.20 = 5.00; duty 0.05 × 5 = 0.25
    expect(r['US-MUG']).toMatchObject({ cogs: 5, duties: 0.25 });
    await expect(setCost(db, { sku: 'X', effective_from: '2026-02-01', currency: 'CNY', unit_cost: '1', duty_rate: '25' })).rejects.toThrow(/duty_rate: 25 is more than 1/);
    await db.run("DELETE FROM costs WHERE sku = 'US-MUG'");
  });
});

describe('fees of unsettled orders from the fee tables', () => {
  test('with the product\'s fee category, size and weight, an order without fee preview is priced by the tables', async () => {
    const products = join(dir, 'products-mug.csv');
    writeFileSync(products, 'sku,asin,category,length,width,height,dimension_unit,weight,weight_unit\nUS-MUG,B0MUG00001,Home and Kitchen,10,6,0.5,in,5,oz\n');
    const result = await importFiles(db, [products]);
    expect(result.files[0]?.status).toBe('imported');
    const r = await bySku(feb);
    // O-US-5: 15.00, pending, no fee preview. Referral: Home and Kitchen 15% × 15.00 = 2.25 (above the 0.30 minimum).
    // FBA: 10 × 6 × 0.5 in, 5 oz → small standard (unit weight), 4–6 oz band, price $10–$50 in the 2026 US rate card → 3.45
    expect(r['US-MUG']).toMatchObject({ revenue: 15, referral_fees: 2.25, fba_fees: 3.45, estimated: true });
    expect((r['US-MUG']?.missing as Record<string, string[]>).net_profit).not.toContain('referral_fees');
  });
});

describe('pricing reads the landed cost profit uses (metrics/landed-cost.ts)', () => {
  test('US-MAT on 02-10: a suggestion and the profit of its one unit both land at 16.25 USD, freight from the shipment', async () => {
    // per unit: unit cost 70 CNY (product code MAT); freight FBA2's 40 CNY by weight (800 × 4 / (20×2 + 10×4)),
    // not the costs file's 7.00; duty (US, on unit cost) 0.10 × 70 = 7 CNY → (70 + 40 + 7) / 7.20 = 117 / 7.20 = 16.25 USD
    const s = await runOperation(db, 'price_suggest', { sku: 'US-MAT', marketplace: 'US', date: '2026-02-10' });
    expect(s.cost).toMatchObject({ cost_currency: 'CNY', landed_cost: 16.25, freight_source: 'shipment', shipment_date: '2026-02-01', fx_date: '2026-02-01' });
    // February's only US-MAT unit is O-US-2's, ordered 02-10: cogs 9.72 + freight 5.56 + duties 0.97 = 16.25
    const r = await bySku(feb);
    const row = r['US-MAT'];
    expect(row).toMatchObject({ cogs: 9.72, freight: 5.56, duties: 0.97 });
    expect(Math.round((Number(row?.cogs) + Number(row?.freight) + Number(row?.duties)) * 100) / 100).toBe(16.25);
  });
});
