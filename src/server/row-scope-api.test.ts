import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalAsterism } from '../app/local.ts';
import { createToken } from '../store/sessions.ts';
import { createApi } from './app.ts';

/**
 * Issue 20: an operator with an owner scope gets the funnel, the diagnosis and the products narrowed to the ASINs
 * they own, not refused. A September Business Report by child item (US): li owns the mat and the rug, wang the
 * towel and the cushion (the products file). September's sales targets: li's, wang's and the team's (no owner).
 */
const header = '(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions - Total,Sessions - Total - B2B,Session Percentage - Total,Session Percentage - Total - B2B,'
  + 'Page Views - Total,Page Views - Total - B2B,Page Views Percentage - Total,Page Views Percentage - Total - B2B,Featured Offer (Buy Box) Percentage,'
  + 'Featured Offer (Buy Box) Percentage - B2B,Units Ordered,Units Ordered - B2B,Unit Session Percentage,Unit Session Percentage - B2B,'
  + 'Ordered Product Sales,Ordered Product Sales - B2B,Total Order Items,Total Order Items - B2B';
const item = (child: string, sku: string, sessions: number, units: number, sales: string) =>
  `B0OWNPAR01,${child},${sku},${sku},${sessions},0,10.00%,0.00%,${sessions},0,10.00%,0.00%,100.00%,0.00%,${units},0,1.00%,0.00%,"${sales}",$0.00,${units},0`;
const files = {
  'products.csv': `sku,asin,owner,effective_from
MAT-GRY,B0OWN00001,li,2025-01-01
RUG-BLU,B0OWN00002,li,2025-01-01
TWL-WHT,B0OWN00003,wang,2025-01-01
CSH-RED,B0OWN00004,wang,2025-01-01
`,
  'br-2026-09.csv': `\ufeff${header}
${item('B0OWN00001', 'MAT-GRY', 1000, 30, '$600.00')}
${item('B0OWN00002', 'RUG-BLU', 400, 12, '$480.00')}
${item('B0OWN00003', 'TWL-WHT', 500, 20, '$400.00')}
${item('B0OWN00004', 'CSH-RED', 250, 5, '$75.00')}
`,
  'targets.csv': `kpi,period,target,store,marketplace,asin,owner
sales,2026-09,1000,,,,li
sales,2026-09,500,,,,wang
sales,2026-09,2000,,,,
`,
};

let dir: string;
let api: LocalAsterism;
let app: ReturnType<typeof createApi>;
const bearer = new Map<string, string>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-row-scope-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  api = await LocalAsterism.open(join(dir, 'scope.duckdb'));
  for (const [name, range] of [['products.csv'], ['targets.csv'], ['br-2026-09.csv', { from: '2026-09-01', to: '2026-09-30' }]] as const) {
    const { files: [result] } = await api.importFiles([join(dir, name)], { marketplace: 'US', ...(range ?? {}) });
    expect(result?.status, result?.error ?? '').toBe('imported');
  }
  await api.run('users_add', { name: 'boss', role: 'owner', password: 'boss-password-1' });
  await api.run('users_add', { name: 'li', role: 'operator', owner_scope: 'li', password: 'li-password-12' });
  await api.run('users_add', { name: 'wang', role: 'ads', password: 'wang-password-1' });
  await api.run('users_add', { name: 'mgr', role: 'manager', password: 'mgr-password-12' });
  for (const name of ['boss', 'li', 'wang', 'mgr']) bearer.set(name, (await createToken(api.db, name)).token);
  app = createApi(api);
});
afterAll(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get(path: string, as: string) {
  const res = await app.request(path, { headers: { authorization: `Bearer ${bearer.get(as) ?? ''}` } });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

type Row = { key: Record<string, string | null>; detail: { sessions: number | null }; stages: { stage: string; base: number | null }[] };
const reviewBase = (r: Row | undefined) => r?.stages.find((s) => s.stage === 'review')?.base;

describe('an owner-scoped operator gets answers narrowed to the ASINs they own, not refused', () => {
  test('the funnel: her two ASINs, and her sums by marketplace', async () => {
    const li = await get('/api/funnel?from=2026-09-01&to=2026-09-30', 'li');
    expect(li.status).toBe(200);
    expect((li.json.rows as Row[]).map((r) => r.key.asin)).toEqual(['B0OWN00001', 'B0OWN00002']);
    const mine = (await get('/api/funnel?from=2026-09-01&to=2026-09-30&by=marketplace', 'li')).json.rows as Row[];
    const all = (await get('/api/funnel?from=2026-09-01&to=2026-09-30&by=marketplace', 'boss')).json.rows as Row[];
    // sessions: li 1,000 (mat) + 400 (rug) = 1,400; the owner 1,400 + 500 (towel) + 250 (cushion) = 2,150
    expect(mine.map((r) => [r.key.marketplace, r.detail.sessions])).toEqual([['US', 1400]]);
    expect(all.map((r) => [r.key.marketplace, r.detail.sessions])).toEqual([['US', 2150]]);
    // the review stage's base is the units ordered: li 30 + 12 = 42; the owner 42 + 20 + 5 = 67
    expect(reviewBase(mine[0])).toBe(42);
    expect(reviewBase(all[0])).toBe(67);
  });

  test('an ASIN she does not own answers nothing from the funnel; asking another owner is refused', async () => {
    const towel = await get('/api/funnel?from=2026-09-01&to=2026-09-30&asin=B0OWN00003', 'li');
    expect(towel.status).toBe(200);
    expect(towel.json.rows).toEqual([]);
    expect((await get('/api/kpi/status?period=2026-09&owner=wang', 'li')).status).toBe(403);
  });

  test('the diagnosis judges only her funnels', async () => {
    const li = await get('/api/diagnose?from=2026-09-01&to=2026-09-30', 'li');
    const boss = await get('/api/diagnose?from=2026-09-01&to=2026-09-30', 'boss');
    expect(li.status).toBe(200);
    // no findings in the first 30 days of sales; the funnels counted are hers (2) against the owner's (4)
    expect(li.json.no_findings?.funnels).toBe(2);
    expect(boss.json.no_findings?.funnels).toBe(4);
    for (const f of li.json.findings as { key?: { asin?: string } }[]) expect(['B0OWN00001', 'B0OWN00002']).toContain(f.key?.asin);
  });

  test('the products list: hers only', async () => {
    const li = await get('/api/products', 'li');
    expect(li.status).toBe(200);
    expect((li.json.products as { sku: string }[]).map((p) => p.sku)).toEqual(['MAT-GRY', 'RUG-BLU']);
    expect(((await get('/api/products', 'boss')).json.products as unknown[]).length).toBe(4);
  });
});

describe("other people's KPIs and scorecards: the owner's and managers' to see", () => {
  type Kpi = { rows: { owner: string | null; actual: number | null }[]; scorecards: { people: { name: string }[] }; problems: { code: string; message_zh: string }[] };
  const status = async (as: string) => (await get('/api/kpi/status?period=2026-09', as)).json as Kpi;

  test('the owner and a manager see everyone\'s', async () => {
    for (const as of ['boss', 'mgr']) {
      const k = await status(as);
      expect(k.rows.map((r) => r.owner).sort(), as).toEqual(['li', 'wang', null].sort());
      expect(k.scorecards.people.map((p) => p.name).sort(), as).toEqual(['li', 'wang']);
      expect(k.problems.filter((p) => p.code === 'others_hidden'), as).toEqual([]);
    }
  });

  test('an ads specialist who owns KPIs sees the team\'s and their own, and is told the rest are left out', async () => {
    const k = await status('wang');
    expect(k.rows.map((r) => r.owner).sort()).toEqual(['wang', null].sort());
    // wang owns the towel and the cushion: $400 + $75 = $475 of sales
    expect(k.rows.find((r) => r.owner === 'wang')?.actual).toBe(475);
    expect(k.scorecards.people.map((p) => p.name)).toEqual(['wang']);
    expect(k.problems.find((p) => p.code === 'others_hidden')?.message_zh).toContain('已略去其他人的 KPI 与计分卡');
    const explained = (await get('/api/kpi/explain?period=2026-09&all=true', 'wang')).json as { explanations: { owner: string | null }[] };
    expect(explained.explanations.every((x) => x.owner === null || x.owner === 'wang')).toBe(true);
  });

  test('an owner-scoped operator sees only her own scorecard', async () => {
    const k = await status('li');
    expect(k.scorecards.people.map((p) => p.name)).toEqual(['li']);
    expect(k.rows.every((r) => r.owner === null || r.owner === 'li')).toBe(true);
  });
});
