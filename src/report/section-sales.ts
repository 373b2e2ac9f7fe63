import { relativeChange } from '../metrics/compare.ts';
import { stageLabels } from '../analysis/index.ts';
import { partialBaseText } from '../domain/partial-base.ts';
import { changeCell, metricCell, metricName, statusCell } from './cells.ts';
import { money, num, text, type Chart, type Table } from './document.ts';
import { labels, t } from './labels.ts';
import type { Lang, ReportData } from './report-data.ts';

/** The headline metrics of every review document, in order (SPEC §5: sales … net profit). */
export const headlineMetrics = ['sales', 'units', 'orders', 'sessions', 'unit_session_pct', 'ad_spend', 'acos', 'tacos', 'net_profit'] as const;

const marketplaceName = (m: string | null, lang: Lang) => m ?? t(labels.col.allMarketplaces, lang);

export function headlineTables(d: ReportData, lang: Lang): Table[] {
  const compared = d.comparisons.flatMap((c) => [`${t(labels.comparison[c.id], lang)} ${t(labels.col.previous, lang)}`, `${t(labels.comparison[c.id], lang)} ${t(labels.col.change, lang)}`]);
  return d.headline.map((block) => ({
    title: `${marketplaceName(block.marketplace, lang)}${block.currency ? ` (${block.currency})` : ''}`,
    columns: [t(labels.col.metric, lang), t(labels.col.value, lang), ...compared],
    rows: headlineMetrics.map((id) => {
      const v = block.values[id] ?? { value: null, previous: [] };
      return [
        text(metricName(id, lang)), metricCell(id, v.value, block.currency),
        ...d.comparisons.flatMap((_, i) => {
          // a base with fewer days of data: its coverage instead of a coloured change (where there is one)
          const partial = shownPartial(block, i, id);
          return [metricCell(id, v.previous[i] ?? null, block.currency), partial ? text(partialBaseText(partial)[lang]) : changeCell(id, v.value, v.previous[i] ?? null)];
        }),
      ];
    }),
  }));
}

/** The partial base of a headline change, where both sides are known: an unknown side shows no change anyway. */
function shownPartial(b: ReportData['headline'][number], i: number, id: string) {
  const v = b.values[id];
  return v?.value != null && v.previous[i] != null ? b.partial_base[i]?.[id] : undefined;
}

export function headlineNotes(d: ReportData, lang: Lang): string[] {
  const missing = d.headline.flatMap((b) => (b.missing.net_profit?.length ? [`${marketplaceName(b.marketplace, lang)}: ${t(labels.missingParts, lang)}${b.missing.net_profit.map((p) => metricName(p, lang)).join(', ')}`] : []));
  const partial = d.headline.flatMap((b) => d.comparisons.flatMap((c, i) => {
    const metrics = headlineMetrics.filter((id) => shownPartial(b, i, id));
    return metrics.length ? [`${marketplaceName(b.marketplace, lang)} ${t(labels.comparison[c.id], lang)}: ${t(labels.partialBase, lang)}${metrics.map((id) => metricName(id, lang)).join(', ')}`] : [];
  }));
  return [t(labels.currencyNote, lang), t(labels.profitBasis[d.profit_basis], lang), ...missing, ...partial];
}

export function headlineCharts(d: ReportData, lang: Lang): Chart[] {
  const blocks = d.headline.filter((b) => b.values.sales?.value != null);
  if (blocks.length === 0 || d.comparisons.length === 0) return [];
  // relative changes: marketplaces in different currencies compare on one axis only as percentages
  const change = (b: (typeof blocks)[number], i: number) => {
    if (b.partial_base[i]?.sales) return null; // a partial base draws no bar
    const now = b.values.sales?.value ?? null, then = b.values.sales?.previous[i] ?? null;
    const change = relativeChange(now, then);
    return change === null ? null : Math.round(change * 1000) / 10;
  };
  return [{
    title: `${metricName('sales', lang)} ${t(labels.col.change, lang)} (%)`, width: 640, height: 240,
    option: {
      legend: { top: 0 }, grid: { left: 50, right: 20, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: blocks.map((b) => `${marketplaceName(b.marketplace, lang)} ${b.currency ?? ''}`) },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      series: d.comparisons.map((c, i) => ({
        name: t(labels.comparison[c.id], lang), type: 'bar', data: blocks.map((b) => change(b, i)), label: { show: true, position: 'top', formatter: '{c}%' },
        itemStyle: { color: ['#2f6fb0', '#9fb3c8', '#e0a030'][i] },
      })),
    },
  }];
}

export function funnelTables(d: ReportData, lang: Lang): Table[] {
  return d.funnel.flatMap((row) => {
    const scope = Object.values(row.key).filter(Boolean).join(' · ');
    const source = labels.source[row.source];
    const stages: Table = {
      title: `${scope}${source ? ` — ${t(source, lang)}` : ''}`,
      columns: [t(labels.col.stage, lang), t(labels.col.count, lang), t(labels.col.rate, lang), t(labels.col.benchmark, lang), t(labels.col.status, lang)],
      rows: row.stages.map((s) => [
        text(t(stageLabels[s.stage], lang)), num(s.count), num(s.rate, 'pct2'),
        text(s.benchmark ? `${s.benchmark.low === null ? '…' : `${(s.benchmark.low * 100).toFixed(1)}%`} – ${s.benchmark.high === null ? '…' : `${(s.benchmark.high * 100).toFixed(1)}%`}` : null),
        statusCell(s.status, lang),
      ]),
    };
    const detail: Table = {
      title: `${scope} — ${t(labels.tables.funnelDetail, lang)}`,
      columns: [t(labels.col.metric, lang), t(labels.col.value, lang)],
      rows: [
        [text(metricName('sessions', lang)), num(row.detail.sessions)],
        [text(metricName('sessions_mobile', lang)), num(row.detail.sessions_mobile)],
        [text(metricName('sessions_browser', lang)), num(row.detail.sessions_browser)],
        [text(metricName('unit_session_pct', lang)), num(row.detail.unit_session_pct, 'pct2')],
        [text(metricName('order_item_session_pct', lang)), num(row.detail.order_item_session_pct, 'pct2')],
        [text(metricName('buy_box_pct', lang)), num(row.detail.buy_box_pct, 'pct1')],
      ],
    };
    // without a Business Report the detail page is all unknown: one line says so instead of a table of dashes
    return detail.rows.some((r) => r[1]?.v !== null) ? [stages, detail] : [stages];
  });
}

export const funnelNotes = (d: ReportData, lang: Lang): string[] => [...new Set(d.funnel.flatMap((r) => r.notes.map((n) => n[lang])))];

export function funnelCharts(d: ReportData, lang: Lang): Chart[] {
  return d.funnel.slice(0, 4).flatMap((row) => {
    const stages = row.stages.filter((s) => s.count !== null && s.stage !== 'exposure');
    if (stages.length === 0) return [];
    return [{
      title: Object.values(row.key).filter(Boolean).join(' · '), width: 320, height: 220,
      option: {
        grid: { left: 70, right: 20, top: 20, bottom: 30 },
        xAxis: { type: 'value' }, yAxis: { type: 'category', inverse: true, data: stages.map((s) => t(stageLabels[s.stage], lang)) },
        series: [{ type: 'bar', data: stages.map((s) => s.count), itemStyle: { color: '#2f6fb0' }, label: { show: true, position: 'right' } }],
      },
    }];
  });
}

export function adsOrganicTables(d: ReportData, lang: Lang): Table[] {
  return [{
    title: null,
    columns: [t(labels.col.marketplace, lang), t(labels.col.sales, lang), t(labels.col.adSales, lang), t(labels.col.organic, lang), t(labels.col.organicShare, lang), t(labels.col.adSpend, lang), metricName('tacos', lang)],
    rows: d.ads_organic.map((r) => [
      text(r.marketplace), money(r.sales, r.currency), money(r.ad_sales_same_sku, r.currency), money(r.organic, r.currency), num(r.organic_share, 'pct1'),
      money(r.ad_spend, r.currency), num(r.ad_spend !== null && r.sales ? Math.round((r.ad_spend / r.sales) * 1e4) / 1e4 : null, 'pct1'),
    ]),
  }];
}

export const adsOrganicNotes = (d: ReportData, lang: Lang): string[] => [...new Set(d.ads_organic.flatMap((r) => (r.problem ? [r.problem[lang]] : [])))];

export function adsOrganicCharts(d: ReportData, lang: Lang): Chart[] {
  const rows = d.ads_organic.filter((r) => r.organic_share !== null);
  if (rows.length === 0) return [];
  return [{
    title: `${t(labels.col.organicShare, lang)} / ${t(labels.col.adShare, lang)}`, width: 640, height: 60 + rows.length * 34,
    option: {
      legend: { top: 0 }, grid: { left: 60, right: 20, top: 30, bottom: 20 },
      xAxis: { type: 'value', max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } }, yAxis: { type: 'category', data: rows.map((r) => r.marketplace) },
      series: [
        { name: t(labels.col.organic, lang), type: 'bar', stack: 's', data: rows.map((r) => r.organic_share), itemStyle: { color: '#3d9a5f' } },
        { name: t(labels.col.adSales, lang), type: 'bar', stack: 's', data: rows.map((r) => (r.organic_share === null ? null : Math.round((1 - r.organic_share) * 1e4) / 1e4)), itemStyle: { color: '#e0a030' } },
      ],
    },
  }];
}

export function moverTables(d: ReportData, lang: Lang): Table[] {
  return [{
    title: null,
    columns: [t(labels.col.marketplace, lang), t(labels.col.asin, lang), t(labels.col.sales, lang), t(labels.col.salesBefore, lang), t(labels.col.salesChange, lang), t(labels.col.traffic, lang), t(labels.col.conversion, lang), t(labels.col.price, lang)],
    rows: d.movers.map((m) => {
      const c = m.change;
      const toned = (v: number | null) => ({ ...money(v, m.currency), ...(v === null || v === 0 ? {} : { tone: v > 0 ? 'good' as const : 'bad' as const }) });
      return [text(m.marketplace), text(m.asin), money(c.after.sales, m.currency), money(c.before.sales, m.currency), toned(c.total), toned(c.traffic), toned(c.conversion), toned(c.price)];
    }),
  }];
}
