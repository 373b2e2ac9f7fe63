import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAdsFiles } from '../../test/scenarios/ads-files.ts';
import { importFiles } from '../ingest/import-files.ts';
import { readBulkSheet } from '../ingest/ads-console/bulk-sheet-read.ts';
import { Database } from '../store/database.ts';
import { runOperation } from './operations.ts';
import { bulkColumns } from '../report/ads-bulk-file.ts';
import { isSbCampaignFile, writeProfitFiles } from '../../test/scenarios/profit-files.ts';
import { setFxRates } from '../store/fx-rates.ts';
import { profitFxRates } from '../../test/scenarios/profit-files.ts';

// The week of test/scenarios/ads-files.ts, imported through the importers; figures worked out there and below.
let dir: string;
let db: Database;
type Suggestion = { id: number; kind: string; scope: Record<string, unknown>; evidence: Record<string, unknown>; change: Record<string, unknown>; status: string };
type Answer = { suggestions: Suggestion[]; left_alone: { scope: Record<string, unknown>; reason: { en: string; zh: string } }[]; economics: Record<string, unknown>[] };
const ask = async (name: 'ads_terms' | 'ads_negatives' | 'ads_bids' | 'ads_budgets') => (await runOperation(db, name, { user: 'li' } as never)) as unknown as Answer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-ads-'));
  db = await Database.open(join(dir, 'ads.duckdb'));
  const result = await importFiles(db, writeAdsFiles(dir));
  for (const f of result.files) expect(f.status, `${f.file}: ${f.error ?? ''}`).toBe('imported');
  // a target ACoS of 25 % for the SKU; no profit data, so its break-even ACoS is unknown (null, with a reason)
  await runOperation(db, 'ads_targets_set', { sku: 'MAT-1', target_acos: '25%', user: 'li' } as never);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ads workbench on imported reports', () => {
  test('economics: AOV 600 ÷ 20 = 30.00, CVR 20 ÷ 200 = 10 %, break-even unknown without profit data', async () => {
    const a = await ask('ads_terms');
    expect(a.economics).toEqual([expect.objectContaining({ sku: 'MAT-1', ad_type: 'SP', attribution_days: 7, average_order_value: '30.00', conversion_rate: 0.1, target_acos: 0.25, target_source: 'sku', break_even_acos: null, break_even_cpc: null })]);
  });

  test('terms: a term harvested into the exact ad group with its bid, an ASIN as a product target', async () => {
    const a = await ask('ads_terms');
    // bath mat non slip: 4 orders, ACoS 16 ÷ 120 = 13.3 % < 25 %: bid 0.25 × 120 ÷ 20 = 1.50; b0abcdef12: 0.25 × 60 ÷ 8 = 1.87
    expect(a.suggestions.map((s) => [s.kind, s.scope.search_term, s.change.campaign, s.change.ad_group, s.change.bid, s.status])).toEqual([
      ['harvest_keyword', 'bath mat non slip', 'Mats - Exact', 'Exact', '1.50', 'pending'],
      ['harvest_product', 'b0abcdef12', 'Mats - Exact', 'Exact', '1.87', 'pending'],
    ]);
    // asked again: the same suggestions, the same ids
    const again = await ask('ads_terms');
    expect(again.suggestions.map((s) => s.id)).toEqual(a.suggestions.map((s) => s.id));
  });

  test('negatives: a term negated (30 clicks ≥ 29 needed at 10 %), a term left alone with too few clicks', async () => {
    const a = await ask('ads_negatives');
    expect(a.suggestions.map((s) => [s.scope.search_term, s.evidence.wasted_spend, s.change.entity, s.change.match_type])).toEqual([['door mat', '24.00', 'Negative Keyword', 'negativeExact']]);
    expect(a.left_alone.map((l) => [l.scope.search_term, l.reason.en])).toEqual([['rug', '12 clicks without an order are too few to judge: at a conversion rate of 10% it takes 29']]);
    expect(a.left_alone[0]?.reason.zh).toBe('12 次点击无订单，尚不足以判断：按 10% 的转化率需要 29 次');
  });

  test('bids and placements; budgets from the Budget report', async () => {
    const b = await ask('ads_bids');
    // bath mat EXACT: CPC 30 ÷ 40 = 0.75 → 0.25 × 150 ÷ 40 = 0.9375 → 0.93; top of search (5.00 ÷ 3.00 − 1) = 66 %; product pages 0 %
    expect(b.suggestions.map((s) => [s.kind, s.change.bid ?? s.change.percentage])).toEqual([['bid', '0.93'], ['placement', 66], ['placement', 0]]);
    const budgets = await ask('ads_budgets');
    // Mats - Exact: ACoS 90 ÷ 450 = 20 % ≤ 25 %, 75 % in budget: 15 ÷ 0.75 = 20.00; spend 90 ÷ 31 days = 2.90 a day
    expect(budgets.suggestions.map((s) => [s.scope.campaign, s.change.daily_budget, s.evidence.spend_per_day])).toEqual([['Mats - Exact', '20.00', '2.90']]);
  });

  test('approve, reject, then export the approved changes as a bulk file read back cell by cell and by our reader', async () => {
    const terms = (await ask('ads_terms')).suggestions;
    const negatives = (await ask('ads_negatives')).suggestions;
    const [harvest, product] = terms;
    const [door] = negatives;
    await runOperation(db, 'ads_approve', { id: harvest!.id, reason: 'converts at 13 %', user: 'li' } as never);
    await runOperation(db, 'ads_approve', { id: door!.id, user: 'li' } as never);
    const rejected = (await runOperation(db, 'ads_reject', { id: product!.id, reason: 'a competitor we do not target', user: 'wang' } as never)) as unknown as Answer;
    expect(rejected.suggestions[0]).toMatchObject({ status: 'rejected', decided_by: 'wang', note: 'a competitor we do not target' });
    await expect(runOperation(db, 'ads_approve', { id: product!.id, user: 'li' } as never)).rejects.toThrow(/already rejected/);

    const file = (await runOperation(db, 'ads_export', { user: 'li' } as never)) as unknown as { count: number; file_base64: string; missing_ids: number[] };
    expect(file.count).toBe(2);
    // no bulk download given: both rows lack their campaign and ad group IDs
    expect(file.missing_ids).toEqual([harvest!.id, door!.id]);
    const path = join(dir, 'bulk.xlsx');
    writeFileSync(path, Buffer.from(file.file_base64, 'base64'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Sponsored Products Campaigns']);
    const sheet = book.worksheets[0]!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual([...bulkColumns]);
    const cell = (n: number, column: string) => sheet.getRow(n).getCell(bulkColumns.indexOf(column as never) + 1).value;
    expect([cell(2, 'Product'), cell(2, 'Entity'), cell(2, 'Operation'), cell(2, 'Campaign Name'), cell(2, 'Ad Group Name'), cell(2, 'State'), cell(2, 'Keyword Text'), cell(2, 'Match Type'), cell(2, 'Bid')])
      .toEqual(['Sponsored Products', 'Keyword', 'Create', 'Mats - Exact', 'Exact', 'enabled', 'bath mat non slip', 'exact', 1.5]);
    expect([cell(3, 'Entity'), cell(3, 'Operation'), cell(3, 'Campaign Name'), cell(3, 'Ad Group Name'), cell(3, 'Keyword Text'), cell(3, 'Match Type'), cell(3, 'Bid')])
      .toEqual(['Negative Keyword', 'Create', 'Mats - Auto', 'Auto', 'door mat', 'negativeExact', null]);
    expect(sheet.rowCount).toBe(3);

    // our own reader of the bulk layout; the importer knows the file as a bulk sheet (and refuses it as facts)
    const read = await readBulkSheet(path);
    expect(read.rows).toEqual([
      { Product: 'Sponsored Products', Entity: 'Keyword', Operation: 'Create', 'Campaign Name': 'Mats - Exact', 'Ad Group Name': 'Exact', State: 'enabled', Bid: '1.5', 'Keyword Text': 'bath mat non slip', 'Match Type': 'exact' },
      { Product: 'Sponsored Products', Entity: 'Negative Keyword', Operation: 'Create', 'Campaign Name': 'Mats - Auto', 'Ad Group Name': 'Auto', State: 'enabled', 'Keyword Text': 'door mat', 'Match Type': 'negativeExact' },
    ]);
    const [imported] = (await importFiles(db, [path])).files;
    expect(imported).toMatchObject({ type: 'ads_bulk_sheet' });

    // exported once: the next export has nothing; the log says who did what
    await expect(runOperation(db, 'ads_export', { user: 'li' } as never)).rejects.toThrow(/no approved ads changes/);
    const log = (await runOperation(db, 'ads_log', {} as never)) as unknown as { decisions: { action: string; user: string; suggestion_id: number; note: string | null }[] };
    expect(log.decisions.map((d) => [d.suggestion_id, d.action, d.user])).toEqual([[harvest!.id, 'approve', 'li'], [door!.id, 'approve', 'li'], [product!.id, 'reject', 'wang'], [harvest!.id, 'export', 'li'], [door!.id, 'export', 'li']]);
  });

  test('a bid update takes its IDs from the seller\'s bulk download', async () => {
    const [bid] = (await ask('ads_bids')).suggestions;
    await runOperation(db, 'ads_approve', { id: bid!.id, user: 'li' } as never);
    const ids = { campaigns: { 'mats - exact': '111' }, ad_groups: { 'mats - exact\texact': '222' }, keywords: { 'mats - exact\texact\tbath mat\texact': '333' }, targets: {} };
    const file = (await runOperation(db, 'ads_export', { user: 'li', ids } as never)) as unknown as { count: number; file_base64: string; missing_ids: number[] };
    expect([file.count, file.missing_ids]).toEqual([1, []]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.file_base64, 'base64') as never);
    const row = book.worksheets[0]!.getRow(2);
    const cell = (column: string) => row.getCell(bulkColumns.indexOf(column as never) + 1).value;
    // bath mat EXACT: 0.75 → 0.93 (0.25 × 150 ÷ 40 = 0.9375, rounded down)
    expect(['Entity', 'Operation', 'Campaign ID', 'Ad Group ID', 'Keyword ID', 'Keyword Text', 'Match Type', 'Bid'].map(cell))
      .toEqual(['Keyword', 'Update', '111', '222', '333', 'bath mat', 'exact', 0.93]);
  });

  test('a search term a spreadsheet would run is neutralised in the bulk file', async () => {
    const { renderBulkFile } = await import('../report/ads-bulk-file.ts');
    const bytes = await renderBulkFile([{ entity: 'Negative Keyword', operation: 'Create', campaign: '=HYPERLINK("x")', ad_group: 'Auto', keyword_text: '+cheap mat', match_type: 'negativeExact' }]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as never);
    const row = book.worksheets[0]!.getRow(2);
    expect([row.getCell(10).value, row.getCell(20).value]).toEqual(['\'=HYPERLINK("x")', '\'+cheap mat']);
  });

  test('the hierarchy: SP 7-day, portfolio → campaign → ad group → target → search term', async () => {
    const h = (await runOperation(db, 'ads_hierarchy', {} as never)) as unknown as { markets: { nodes: { level: string; name: string; clicks: number; spend: string; acos: number | null; source: string }[] }[] };
    const nodes = h.markets[0]!.nodes;
    // from the targeting report: 40 + 10 = 50 clicks, 30.00 + 8.00 = 38.00 spend, 150 + 30 = 180 sales: ACoS 21.1 %
    expect(nodes[0]).toMatchObject({ level: 'ad_type', name: 'SP · 7d', clicks: 50, spend: '38.00', acos: 0.2111, source: 'targeting' });
    // siblings by spend: door mat 24.00, bath mat non slip 16.00, rug 9.60, bath mat 9.00 (under Auto / close-match)
    expect(nodes.filter((n) => n.level === 'search_term').map((n) => n.name)).toEqual(['door mat', 'bath mat non slip', 'rug', 'bath mat']);
  });
});

describe('break-even ACoS from the profit module', () => {
  test('US-MAT in February: (net profit + ads) ÷ revenue = (−17.23 + 7.73) ÷ 25 = −38 %, as profit.test.ts works it out', async () => {
    const own = mkdtempSync(join(tmpdir(), 'asterism-ads-profit-'));
    const profitDb = await Database.open(join(own, 'profit.duckdb'));
    try {
      const files = writeProfitFiles(own);
      await importFiles(profitDb, files.filter((f) => !isSbCampaignFile(f)));
      await importFiles(profitDb, files.filter(isSbCampaignFile), { adType: 'sb' });
      await setFxRates(profitDb, profitFxRates);
      const a = (await runOperation(profitDb, 'ads_terms', { marketplace: 'US', from: '2026-02-01', to: '2026-02-28' } as never)) as unknown as Answer;
      const mat = a.economics.find((e) => e.sku === 'US-MAT');
      // it loses money before ads: no affordable ACoS, so no target from it and no break-even CPC; 10 clicks, no orders: no AOV
      expect(mat).toMatchObject({ break_even_acos: -0.38, target_acos: null, break_even_cpc: null, average_order_value: null, conversion_rate: 0 });
      expect((mat?.reasons as { en: string }[]).map((r) => r.en)).toEqual([
        'US-MAT: loses money before ads (break-even ACoS -38%): no ACoS is affordable, so no break-even CPC',
        'US-MAT: no ad orders in the period, so no average order value',
        'US-MAT: no target ACoS (none set for the SKU, its tier or the store, and no break-even ACoS)',
      ]);
    } finally {
      profitDb.close();
      rmSync(own, { recursive: true, force: true });
    }
  }, 120_000);
});
