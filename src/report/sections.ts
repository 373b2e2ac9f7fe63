import type { Chart, Table } from './document.ts';
import { labels } from './labels.ts';
import type { Lang, ReportData } from './report-data.ts';
import { returnCharts, returnTables, reviewTables } from './section-customers.ts';
import { eventTables, findingTables, kpiNotes, kpiTables } from './section-review.ts';
import {
  adsOrganicCharts, adsOrganicNotes, adsOrganicTables, funnelCharts, funnelNotes, funnelTables, headlineCharts, headlineNotes, headlineTables, moverTables,
} from './section-sales.ts';

/**
 * The review documents' layout, as data: the sections in order, their titles, and what fills each
 * (tables, charts, notes). Daily, weekly and monthly share it; every renderer walks this table.
 */
export interface SectionSpec {
  id: string;
  zh: string;
  en: string;
  tables: (d: ReportData, lang: Lang) => Table[];
  charts?: (d: ReportData, lang: Lang) => Chart[];
  notes?: (d: ReportData, lang: Lang) => string[];
  empty: { zh: string; en: string };
}

export const sections: readonly SectionSpec[] = [
  { id: 'headline', zh: '核心指标', en: 'Headline KPIs', tables: headlineTables, charts: headlineCharts, notes: headlineNotes, empty: labels.nothing },
  { id: 'funnel', zh: '运营漏斗', en: 'Funnel by stage', tables: funnelTables, charts: funnelCharts, notes: funnelNotes, empty: labels.nothing },
  { id: 'ads_organic', zh: '广告与自然销售', en: 'Ads vs organic', tables: adsOrganicTables, charts: adsOrganicCharts, notes: adsOrganicNotes, empty: labels.nothing },
  { id: 'returns', zh: '退货与原因', en: 'Returns and reasons', tables: returnTables, charts: returnCharts, empty: labels.nothing },
  { id: 'reviews', zh: '评论与评分', en: 'Reviews and ratings', tables: reviewTables, empty: labels.nothing },
  { id: 'kpi', zh: 'KPI达成与评分卡', en: 'KPI attainment and scorecards', tables: kpiTables, notes: kpiNotes, empty: labels.noKpi },
  { id: 'movers', zh: '销售变化最大的ASIN', en: 'Top movers', tables: moverTables, notes: (d, lang) => [labels.moversNote[lang], ...new Set(d.movers.flatMap((m) => (m.change.problem ? [m.change.problem[lang]] : [])))], empty: labels.nothing },
  { id: 'findings', zh: '漏斗诊断与行动', en: 'Funnel findings and actions', tables: findingTables, empty: labels.noFindings,
    notes: (d, lang) => (d.findings_total > d.findings.length ? [labels.moreFindings[lang].replace('{total}', String(d.findings_total)).replace('{shown}', String(d.findings.length))] : []) },
  { id: 'events', zh: '本期事件', en: 'Events of the period', tables: eventTables, empty: labels.noEvents },
];
