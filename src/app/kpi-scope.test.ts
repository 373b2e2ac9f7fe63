import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { noDataReason } from '../analysis/index.ts';
import { importFiles } from '../ingest/index.ts';
import { buildDocument } from '../report/build-document.ts';
import { Database } from '../store/database.ts';
import type { KpiStatusAnswer } from './kpi.ts';
import { runOperation } from './operations.ts';

/**
 * Issue 15.1: the owner is who answers for a target; the scope is what it measures. A September
 * Business Report by child item (US) for three ASINs, li owning the grey mat and wang the towel, and
 * targets owned by "Li Wei", whom the products file does not name.
 */
const header = '(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions - Total,Sessions - Total - B2B,Session Percentage - Total,Session Percentage - Total - B2B,'
  + 'Page Views - Total,Page Views - Total - B2B,Page Views Percentage - Total,Page Views Percentage - Total - B2B,Featured Offer (Buy Box) Percentage,'
  + 'Featured Offer (Buy Box) Percentage - B2B,Units Ordered,Units Ordered - B2B,Unit Session Percentage,Unit Session Percentage - B2B,'
  + 'Ordered Product Sales,Ordered Product Sales - B2B,Total Order Items,Total Order Items - B2B';
const item = (child: string, sku: string, sessions: number, units: number, sales: string) =>
  `B0SCOPEPAR,${child},${sku},${sku},${sessions},0,10.00%,0.00%,${sessions},0,10.00%,0.00%,100.00%,0.00%,${units},0,1.00%,0.00%,"${sales}",$0.00,${units},0`;

const files = {
  'products.csv': `sku,asin,owner,effective_from
MAT-GRY,B0SCOPE001,li,2025-01-01
TWL-WHT,B0SCOPE002,wang,2025-01-01
CSH-RED,B0SCOPE003,wang,2025-01-01
`,
  'br-2026-09.csv': `\ufeff${header}
${item('B0SCOPE001', 'MAT-GRY', 1000, 30, '$600.00')}
${item('B0SCOPE002', 'TWL-WHT', 500, 20, '$400.00')}
${item('B0SCOPE003', 'CSH-RED', 0, 0, '$0.00')}
`,
  'targets.csv': `kpi,period,target,store,marketplace,asin,owner
sales,2026-09,1000,,US,,Li Wei
unit_session_pct,2026-09,0.05,,,B0SCOPE002,Li Wei
sales,2026-09,800,,,,Li Wei
sales,2026-09,500,,,,li
sales,2026-09,500,,DE,,li
sales,2026-09,0,,US,,wang
unit_session_pct,2026-09,0.05,,,B0SCOPE003,wang
`,
};

let dir: string;
let db: Database;
let answer: KpiStatusAnswer;
const row = (kpi: string, owner: string, scope: Record<string, string>) =>
  answer.rows.find((r) => r.kpi === kpi && r.owner === owner && JSON.stringify(r.scope) === JSON.stringify(scope));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-kpi-scope-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  db = await Database.open(join(dir, 'scope.duckdb'));
  for (const [name, range] of [['products.csv'], ['targets.csv'], ['br-2026-09.csv', { from: '2026-09-01', to: '2026-09-30' }]] as const) {
    const { files: [result] } = await importFiles(db, [join(dir, name)], { marketplace: 'US', ...(range ?? {}) });
    expect(result?.status, result?.error ?? '').toBe('imported');
  }
  // through the operations table: what `asterism kpi status` and GET /api/kpi/status run
  answer = await runOperation(db, 'kpi_status', { period: '2026-09' });
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a target with an owner and an explicit scope reads the scope', () => {
  test('marketplace US, owned by a person the products file does not name: all of the US', () => {
    // 600.00 + 400.00 + 0.00 = 1,000.00 of 1,000 → attainment 1; the month is over (expected 1) → on track
    expect(row('sales', 'Li Wei', { marketplace: 'US' })).toMatchObject({
      actual: 1000, attainment: 1, expected_to_date: 1, status: 'on_track', currency: 'USD', no_data_reason: null,
    });
  });

  test('one ASIN, owned by the same person: that ASIN', () => {
    // the towel: 20 units / 500 sessions = 0.04 against 0.05 → 0.8 → behind
    expect(row('unit_session_pct', 'Li Wei', { asin: 'B0SCOPE002' })).toMatchObject({ actual: 0.04, attainment: 0.8, status: 'behind' });
  });

  test('only a target scoped by its owner alone reads the owner\'s products', () => {
    // li owns the grey mat only: 600.00 of 500 → 1.2 → ahead
    expect(row('sales', 'li', {})).toMatchObject({ actual: 600, attainment: 1.2, status: 'ahead' });
  });
});

describe('every no_data row says why, in zh and en', () => {
  const reason = (kpi: string, owner: string, scope: Record<string, string>) => row(kpi, owner, scope)?.no_data_reason;

  test('an owner who owns no products in the period', () => {
    expect(row('sales', 'Li Wei', {})).toMatchObject({ actual: null, status: 'no_data' });
    expect(reason('sales', 'Li Wei', {})).toMatchObject({ code: 'owner_no_products', en: expect.stringMatching(/^The owner owns no products in the period/), zh: expect.stringMatching(/名下没有产品/) });
  });

  test('no rows for the scope in the period, naming the reports the KPI reads', () => {
    expect(row('sales', 'li', { marketplace: 'DE' })).toMatchObject({ actual: null, status: 'no_data' });
    expect(reason('sales', 'li', { marketplace: 'DE' })).toEqual({
      code: 'no_rows',
      en: 'No rows for this scope in the period in the reports this KPI reads (Ordered sales (Business Report, else order items)): import them for the period',
      zh: '本期该范围没有此KPI的数据（来源：订单销售（业务报告优先，否则订单明细））：请导入覆盖本期的报告',
    });
  });

  test('a rate whose base is 0, and a target of 0', () => {
    // the cushion: 0 units / 0 sessions has no value
    expect(row('unit_session_pct', 'wang', { asin: 'B0SCOPE003' })).toMatchObject({ actual: null, status: 'no_data', no_data_reason: { code: 'zero_base' } });
    // 1,000.00 against a target of 0: the actual stands, attainment has none
    expect(row('sales', 'wang', { marketplace: 'US' })).toMatchObject({ actual: 1000, attainment: null, status: 'no_data', no_data_reason: { code: 'zero_target' } });
  });

  test('no row is no_data without a reason in both languages', () => {
    const silent = answer.rows.filter((r) => r.status === 'no_data' && !(r.no_data_reason?.zh && r.no_data_reason.en));
    expect(silent).toEqual([]);
    expect(answer.rows.filter((r) => r.status === 'no_data')).toHaveLength(4);
  });
});

describe('the reason shows in the review documents', () => {
  test('the monthly review\'s KPI table has a "why" column, in zh and en', async () => {
    const data = await runOperation(db, 'report', { kind: 'monthly', period: '2026-09' });
    for (const lang of ['zh', 'en'] as const) {
      const table = buildDocument(data, lang).sections.find((s) => s.id === 'kpi')?.tables[0];
      const why = table?.columns.indexOf(lang === 'zh' ? '原因' : 'Why') ?? -1;
      expect(why).toBeGreaterThan(0);
      const reasons = table?.rows.map((r) => r[why]?.v).filter((v) => v !== null);
      // the four no_data rows, each with its reason in the document's language
      expect(reasons).toHaveLength(4);
      expect(reasons).toContain(lang === 'zh' ? noDataReason('owner_no_products').zh : noDataReason('owner_no_products').en);
    }
  });
});
