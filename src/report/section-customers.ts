import { num, text, type Chart, type Table } from './document.ts';
import { labels, t } from './labels.ts';
import type { Lang, ReportData } from './report-data.ts';

export function returnTables(d: ReportData, lang: Lang): Table[] {
  const c = labels.col;
  const rates: Table = {
    title: t(labels.tables.returnRates, lang),
    columns: [t(c.marketplace, lang), t(c.units, lang), t(c.returnRate, lang)],
    rows: d.returns.rates.map((r) => [text(r.marketplace), num(r.returned_units), { ...num(r.return_rate, 'pct2') }]),
  };
  const reasons: Table = {
    title: t(labels.tables.returnReasons, lang),
    columns: [t(c.marketplace, lang), t(c.reason, lang), t(c.units, lang), t(c.returns, lang)],
    rows: d.returns.reasons.map((r) => [text(r.marketplace), text(r.reason ?? '—'), num(r.units), num(r.returns)]),
  };
  const items: Table = {
    title: t(labels.tables.returnItems, lang),
    columns: [t(c.date, lang), t(c.marketplace, lang), t(c.asin, lang), t(c.sku, lang), t(c.units, lang), t(c.reason, lang), t(c.disposition, lang), t(c.comment, lang)],
    rows: d.returns.items.map((r) => [text(r.date), text(r.marketplace), text(r.asin), text(r.sku), num(r.units), text(r.reason), text(r.disposition), text(r.comment)]),
  };
  return [rates, reasons, items].filter((tb) => tb.rows.length > 0);
}

export function returnCharts(d: ReportData, lang: Lang): Chart[] {
  const byReason = new Map<string, number>();
  for (const r of d.returns.reasons) byReason.set(r.reason ?? '—', (byReason.get(r.reason ?? '—') ?? 0) + r.units);
  const top = [...byReason.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
  if (top.length === 0) return [];
  return [{
    title: `${t(labels.tables.returnReasons, lang)} (${t(labels.col.units, lang)})`, width: 640, height: 60 + top.length * 28,
    option: {
      grid: { left: 190, right: 40, top: 10, bottom: 20 },
      xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', inverse: true, data: top.map(([r]) => r) },
      series: [{ type: 'bar', data: top.map(([, n]) => n), itemStyle: { color: '#c0504d' }, label: { show: true, position: 'right' } }],
    },
  }];
}

export function reviewTables(d: ReportData, lang: Lang): Table[] {
  const c = labels.col;
  const summary: Table = {
    title: t(labels.tables.reviewSummary, lang),
    columns: [t(c.marketplace, lang), t(c.reviews, lang), t(c.rating, lang), t(c.lowStar, lang), t(c.lowStarShare, lang)],
    rows: d.reviews.summary.map((r) => [
      text(r.marketplace), num(r.reviews), num(r.rating_avg, 'dec2'), num(r.low_star),
      { ...num(r.low_star_share, 'pct1'), ...(r.low_star_share !== null && r.low_star_share > 0 ? { tone: 'bad' as const } : {}) },
    ]),
  };
  const low: Table = {
    title: t(labels.tables.lowStar, lang),
    columns: [t(c.date, lang), t(c.marketplace, lang), t(c.asin, lang), t(c.stars, lang), t(c.title, lang), t(c.body, lang)],
    rows: d.reviews.low_star.map((r) => [text(r.date), text(r.marketplace), text(r.asin), num(r.rating, 'dec1'), text(r.title), text(r.body)]),
  };
  return [summary, low].filter((tb) => tb.rows.length > 0);
}
