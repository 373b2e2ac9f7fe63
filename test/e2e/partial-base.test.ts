import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ComparedFunnelRow } from '../../src/app/funnel.ts';
import { LocalAsterism } from '../../src/app/local.ts';
import { lineageText } from '../../src/domain/lineage-text.ts';
import { metricById } from '../../src/metrics/catalog.ts';
import { buildDocument, renderReport, type ReportData } from '../../src/report/index.ts';
import { importCoverageScenario, thisWeek, weekBefore, yearAgo } from '../scenarios/coverage-scenario.ts';

/** Comparisons against partial periods (issue 15, point 3) on the coverage scenario (test/scenarios/coverage-scenario.ts). */
let dir: string;
let api: LocalAsterism;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-coverage-'));
  api = await LocalAsterism.open(join(dir, 'coverage.duckdb'));
  await importCoverageScenario(api, join(dir, 'files'));
}, 120_000);
afterAll(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('query --compare: a base covering fewer days is partial_base', () => {
  test('year over year: the same dates a year earlier hold no Business Report and 6 of 7 days of ads', async () => {
    const r = await api.query({ metrics: ['sales', 'sessions', 'ad_spend'], ...thisWeek, compare: 'yoy', by: ['marketplace'] });
    expect(r.compare).toMatchObject({ from: '2025-10-11', to: '2025-10-17' });
    const [us] = r.rows;
    // ad spend 7 × 10.00 = 70.00 against 6 × 10.00 = 60.00 (2025-10-12 … 10-17): +16.7%, one day short, not a change of the business
    expect(us).toMatchObject({ marketplace: 'US', sales: 700, ad_spend: 70, previous: { sales: null, ad_spend: 60 } });
    const noBusinessReport = { source: 'business_report', base_days: 0, base_period_days: 7, current_days: 7, current_period_days: 7 };
    const sixOfSeven = { source: 'ads', base_days: 6, base_period_days: 7, current_days: 7, current_period_days: 7 };
    expect(us?.partial_base).toEqual({ sales: noBusinessReport, sessions: noBusinessReport, ad_spend: sixOfSeven });
    expect(r.compare?.partial_base).toEqual({ sales: noBusinessReport, sessions: noBusinessReport, ad_spend: sixOfSeven });
    expect(r.compare?.coverage).toContainEqual(sixOfSeven);
  });

  test('a current period covering fewer days than its base is not flagged; nor are two whole weeks', async () => {
    // 2025-10-19 … 10-25 holds no data; its base 2025-10-12 … 10-18 holds 1 BR day and 7 ad days: the base is not the short side
    const r = await api.query({ metrics: ['sales'], from: '2025-10-19', to: '2025-10-25', compare: 'wow' });
    expect(r.compare?.partial_base).toEqual({});
    const w = await api.query({ metrics: ['sales'], ...thisWeek, compare: 'previous', marketplace: 'US' });
    expect(w.compare).toMatchObject({ from: '2026-10-04', to: '2026-10-10' });
    expect(w.compare?.partial_base).toEqual({});
  });

  test('week over week: both weeks are whole Business Report weeks, nothing is partial', async () => {
    const r = await api.query({ metrics: ['sales', 'sessions'], ...thisWeek, compare: 'wow' });
    // 700.00 against 560.00: +25%
    expect(r.rows[0]).toMatchObject({ sales: 700, previous: { sales: 560 }, change: { sales: 0.25 } });
    expect(r.rows[0]?.partial_base).toBeUndefined();
    expect(r.compare?.partial_base).toEqual({});
  });
});

describe('funnel --compare: the sales change against a partial base says so', () => {
  test('year over year (2025-10-11 … 10-17): ads 6 of 7 days; no Business Report, so no sales change to flag', async () => {
    const { rows } = (await api.run('funnel', { ...thisWeek, compare: 'yoy' } as never)) as { rows: ComparedFunnelRow[] };
    expect(rows).toHaveLength(1);
    const c = rows[0]?.compare;
    // advertised-SKU ad sales 7 × 40.00 = 280.00 against 6 × 40.00 = 240.00: one day short
    expect(c?.partial_base).toEqual({ ad_sales_same_sku: { source: 'ads', base_days: 6, base_period_days: 7, current_days: 7, current_period_days: 7 } });
    expect(c?.note?.en).toBe(`${metricById.get('ad_sales_same_sku')?.en}: partial base: covers 6 of 7 days (ads)`);
    expect(c?.note?.zh).toBe(`${metricById.get('ad_sales_same_sku')?.zh}：基期数据不全：仅覆盖 7 天中的 6 天（广告报告）`);
  });
});

describe('lineage: where an answer\'s numbers came from (issue 15, point 10)', () => {
  test('per report type: its days, row length, attribution window, time zone and import', async () => {
    const r = await api.query({ metrics: ['sales', 'ad_spend'], ...thisWeek, lineage: true });
    const imported = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    const us = { marketplaces: ['US'], time_zones: { US: 'America/Los_Angeles' }, days: 7, period_days: 7, imported_at: imported, files: 1 };
    expect(r.lineage).toEqual([
      // the SP report's 7 daily rows of this week, 7-day attribution (the "7 Day Total Sales" column)
      { source: 'ads', from: '2026-10-11', to: '2026-10-17', row_days: [1], attribution_days: [7], metrics: ['ad_spend'], ...us },
      // one weekly Business Report row (Sunday to Saturday); no order report, so none listed for sales
      { source: 'business_report', from: '2026-10-11', to: '2026-10-17', row_days: [7], attribution_days: [], metrics: ['sales'], ...us },
    ]);
    const [ads, br] = (r.lineage ?? []).map((l) => lineageText({ ...l, imported_at: '2026-11-02T08:00:00' }));
    expect(ads?.en).toBe('ads: 2026-10-11 – 2026-10-17, daily, 7 of 7 days covered, 7-day attribution, time zone US America/Los_Angeles, imported 2026-11-02 08:00 UTC');
    expect(br?.zh).toBe('业务报告：2026-10-11 ~ 2026-10-17，按周，覆盖 7 天中的 7 天，时区 US America/Los_Angeles，导入于 2026-11-02 08:00 UTC');
    // not asked: no lineage (it reads the raw tables)
    expect((await api.query({ metrics: ['sales'], ...thisWeek })).lineage).toBeUndefined();
  });
});

describe('sources: each file with its time zone, row length and attribution window', () => {
  test('the weekly Business Report rows are 7 days long, the one-day file 1, the SP report daily with 7-day attribution', async () => {
    const sources = await api.sources();
    const la = 'America/Los_Angeles';
    expect(sources.map(({ file, time_zone, row_days, attribution_days }) => ({ file, time_zone, row_days, attribution_days }))).toEqual([
      { file: 'br-this-week.csv', time_zone: la, row_days: [7], attribution_days: [] },
      { file: 'br-week-before.csv', time_zone: la, row_days: [7], attribution_days: [] },
      { file: 'br-year-ago-day.csv', time_zone: la, row_days: [1], attribution_days: [] },
      { file: 'sp-advertised-product.csv', time_zone: la, row_days: [1], attribution_days: [7] },
    ]);
  });
});

describe('weekly review without --period: the week follows the Business Reports', () => {
  let d: ReportData;
  beforeAll(async () => { d = (await api.run('report', { kind: 'weekly' } as never)) as ReportData; });

  test('the latest whole Amazon week (Sunday to Saturday), said so; not ISO W41 (2026-10-05 … 10-11), which holds no whole report week', () => {
    expect(d.period).toEqual({ label: '2026-10-11~2026-10-17', from: '2026-10-11', to: '2026-10-17' });
    expect(d.period_note?.en).toBe('No period given: the Business Reports come in Amazon weeks (Sunday to Saturday), so the latest whole week with data, 2026-10-11 – 2026-10-17');
    expect(d.period_note?.zh).toContain('周日至周六');
    expect(d.comparisons).toEqual([{ id: 'wow', ...weekBefore }, { id: 'yoy', ...yearAgo }]);
  });

  test('year over year against one day of Business Report: partial_base, with its coverage', () => {
    const [us] = d.headline;
    // sales 700.00 this week, 560.00 the week before, 40.00 on the one year-ago day
    expect(us?.values.sales).toEqual({ value: 700, previous: [560, 40] });
    expect(us?.values.sessions).toEqual({ value: 700, previous: [630, 100] });
    // ads every day of both weeks: 70.00 against 70.00, a whole base
    expect(us?.values.ad_spend).toEqual({ value: 70, previous: [null, 70] });
    const oneOfSeven = { source: 'business_report', base_days: 1, base_period_days: 7, current_days: 7, current_period_days: 7 };
    // the week before is a whole Business Report week, but holds no ads: ad spend and what reads it (ACoS, TACoS,
    // net profit's ad costs) compare against 0 of 7 days
    const noAds = { source: 'ads', base_days: 0, base_period_days: 7, current_days: 7, current_period_days: 7 };
    expect(us?.partial_base[0]).toEqual({ ad_spend: noAds, acos: noAds, tacos: noAds, net_profit: noAds });
    expect(us?.partial_base[1]).toMatchObject({ sales: oneOfSeven, units: oneOfSeven, sessions: oneOfSeven, unit_session_pct: oneOfSeven });
    expect(us?.partial_base[1]?.ad_spend).toBeUndefined();
  });

  test('the document says so instead of colouring +1650%, and names the period\'s choice', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const doc = buildDocument(d, lang);
      const headline = doc.sections.find((s) => s.id === 'headline');
      const row = headline?.tables[0]?.rows[0]; // sales
      // metric, value, WoW previous, WoW change (+25%: 700 / 560 − 1), YoY previous, YoY change
      expect(row?.[3]).toMatchObject({ v: 0.25, f: 'pct_change' });
      // no tone: neither good nor bad
      expect(row?.[5]).toEqual({ f: 'text', v: lang === 'en' ? 'partial base: covers 1 of 7 days (Business Report)' : '基期数据不全：仅覆盖 7 天中的 1 天（业务报告）' });
      expect(doc.meta.find((m) => m.value === d.period_note?.[lang])).toBeDefined();
    }
    // data notes: the headline's reports, their days, grain, attribution window and time zone
    const notes = buildDocument(d, 'en').meta.find((m) => m.label === 'Data notes')?.value;
    expect(notes).toMatch(/^ads: 2026-10-11 – 2026-10-17, daily, 7 of 7 days covered, 7-day attribution, time zone US America\/Los_Angeles, imported .+ UTC; Business Report: 2026-10-11 – 2026-10-17, weekly, 7 of 7 days covered, time zone US America\/Los_Angeles, imported .+ UTC$/);
    expect(buildDocument(d, 'zh').meta.find((m) => m.label === '数据说明')?.value).toContain('业务报告：2026-10-11 ~ 2026-10-17，按周，覆盖 7 天中的 7 天');
    const md = (await renderReport(d, 'md', 'en')).toString();
    expect(md).toContain('partial base: covers 1 of 7 days (Business Report)');
    expect(md).not.toContain('1650');
  });
});
