import { eventTypeNames, isEventType } from '../domain/event-types.ts';
import type { ConfounderEvent } from './events.ts';
import type { KpiExplanation } from './kpi-explain.ts';
import { explainText } from './kpi-explain-messages.ts';
import type { KpiRow } from './kpi-status.ts';

/** The explanation as sentences in both languages (the messages table words them; this picks which). */
type Lang = 'zh' | 'en';

function linesIn<E extends ConfounderEvent>(x: KpiExplanation<E>, row: KpiRow, lang: Lang): string[] {
  const t = explainText;
  const currency = x.currency;
  const lines = [t.gap[lang]({
    kpi: x.kpi, actual: x.actual, target: x.target_to_date, toDate: x.target_to_date !== x.target, gap: x.gap.vs_target, attainment: row.attainment, currency,
  })];
  const change = (c: NonNullable<KpiExplanation['sales']>['vs_previous'], label: string) =>
    ({ label, total: c.total, traffic: c.traffic, conversion: c.conversion, price: c.price, currency });
  if (x.sales && !x.sales.vs_previous.problem) lines.push(t.vsPrevious[lang](change(x.sales.vs_previous, x.compared_to.label)));
  if (x.sales?.vs_target && !x.sales.vs_target.problem) lines.push(t.vsTarget[lang](change(x.sales.vs_target, x.compared_to.label)));
  if (x.stockouts?.days) {
    const asins = x.stockouts.asins.map((a) => `${a.asin} ${a.days}`).join(', ');
    lines.push(t.stockouts[lang]({ days: x.stockouts.days, asins, lost: x.stockouts.lost_sales, currency }));
  } else if (x.stockouts?.days === 0) {
    lines.push(t.noStockouts[lang]());
  }
  if (x.ads_vs_organic) {
    const { now, change: c } = x.ads_vs_organic;
    lines.push(t.adsVsOrganic[lang]({ ads: now.ad_sales_same_sku, organic: now.organic, adsChange: c.ads, organicChange: c.organic, currency }));
  }
  // a sales KPI is told by its decomposition; other KPIs by their own parts
  if (!x.sales) for (const d of x.drivers) lines.push(t.driver[lang]({ metric: d.metric, now: d.now, before: d.before, currency }));
  for (const f of x.findings.slice(0, 5)) {
    lines.push(t.finding[lang]({ asin: String(f.scope.asin ?? f.scope.marketplace ?? ''), stage: f.stage, metric: f.metric, value: f.value, low: f.benchmark.low }));
  }
  if (x.events.length) {
    const typeName = (type: string) => (isEventType(type) ? eventTypeNames[type][lang] : type);
    const list = x.events.map((e) => `${typeName(e.type)} ${e.date}${e.end_date && e.end_date !== e.date ? `–${e.end_date}` : ''}${e.asin ? ` ${e.asin}` : ''}`).join(', ');
    lines.push(t.events[lang]({ list }));
  }
  return lines;
}

export function explainLines<E extends ConfounderEvent>(x: KpiExplanation<E>, row: KpiRow): { zh: string[]; en: string[] } {
  return { zh: linesIn(x, row, 'zh'), en: linesIn(x, row, 'en') };
}
