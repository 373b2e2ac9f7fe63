import { currencyDigits } from '../domain/marketplaces.ts';
import { metricById } from '../metrics/catalog.ts';
import type { Text } from './benchmark-table.ts';
import { stageLabels, type StageName } from './funnel-stages.ts';

/**
 * The sentences of a KPI explanation in Chinese and English, in one place. Each takes numbers
 * already computed (exact, rounded) and only formats them; the report renders the same object.
 */
type Lang = 'zh' | 'en';
type Template<P> = Record<Lang, (p: P) => string>;

const grouped = (v: number, digits: number) => v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const signed = (s: string, v: number) => (v > 0 ? `+${s}` : v < 0 ? `−${s.replace('-', '')}` : s);

/** A catalog metric's value in its format: 1,472.00 USD, 0.67%, 60,000. Unknown is "—". */
export function formatValue(metric: string, value: number | null, currency: string | null, sign = false): string {
  if (value === null) return '—';
  const m = metricById.get(metric);
  const text = (() => {
    switch (m?.format) {
      case 'money': return grouped(value, currency ? currencyDigits(currency) : 2);
      case 'pct1': return `${grouped(value * 100, 1)}%`;
      case 'pct2': return `${grouped(value * 100, 2)}%`;
      case 'dec1': return grouped(value, 1);
      case 'dec2': return grouped(value, 2);
      case 'int': return grouped(value, Number.isInteger(value) ? 0 : 1);
      default: return String(value);
    }
  })();
  // a change in a rate is in percentage points
  const points = sign && (m?.format === 'pct1' || m?.format === 'pct2') ? text.replace('%', ' pp') : text;
  return (sign ? signed(points, value) : text) + (m?.format === 'money' && currency && !sign ? ` ${currency}` : '');
}

const name = (metric: string, lang: Lang) => metricById.get(metric)?.[lang] ?? metric;
const money = (v: number | null, currency: string | null, sign = false) => formatValue('sales', v, currency, sign);

export interface GapText { kpi: string; actual: number | null; target: number; toDate: boolean; gap: number | null; attainment: number | null; currency: string | null }
export interface ChangeText { label: string; total: number | null; traffic: number | null; conversion: number | null; price: number | null; currency: string | null }
export interface StockoutText { days: number; asins: string; lost: number | null; currency: string | null }
export interface AdsText { ads: number | null; organic: number | null; adsChange: number | null; organicChange: number | null; currency: string | null }
export interface DriverText { metric: string; now: number | null; before: number | null; currency: string | null }

const pct = (v: number | null) => (v === null ? '—' : `${grouped(v * 100, 1)}%`);

export const explainText = {
  gap: {
    zh: (p: GapText) => `${name(p.kpi, 'zh')} ${formatValue(p.kpi, p.actual, p.currency)}，${p.toDate ? '按进度应达' : '目标'} ${formatValue(p.kpi, p.target, p.currency)}：差 ${formatValue(p.kpi, p.gap, p.currency, true)}（达成 ${pct(p.attainment)}）`,
    en: (p: GapText) => `${name(p.kpi, 'en')} ${formatValue(p.kpi, p.actual, p.currency)} against ${formatValue(p.kpi, p.target, p.currency)}${p.toDate ? ' due by now' : ''}: ${formatValue(p.kpi, p.gap, p.currency, true)} (attainment ${pct(p.attainment)})`,
  },
  vsPrevious: {
    zh: (p: ChangeText) => `销售额较${p.label}变化 ${money(p.total, p.currency, true)}：流量 ${money(p.traffic, p.currency, true)}，转化 ${money(p.conversion, p.currency, true)}，价格 ${money(p.price, p.currency, true)}`,
    en: (p: ChangeText) => `Sales vs ${p.label}: ${money(p.total, p.currency, true)} = traffic ${money(p.traffic, p.currency, true)}, conversion ${money(p.conversion, p.currency, true)}, price ${money(p.price, p.currency, true)}`,
  },
  vsTarget: {
    zh: (p: ChangeText) => `与目标的差距 ${money(p.total, p.currency, true)}（目标按${p.label}的转化率和客单价折算所需流量）：流量 ${money(p.traffic, p.currency, true)}，转化 ${money(p.conversion, p.currency, true)}，价格 ${money(p.price, p.currency, true)}`,
    en: (p: ChangeText) => `Gap to target ${money(p.total, p.currency, true)} (the target read at ${p.label}'s conversion and price): traffic ${money(p.traffic, p.currency, true)}, conversion ${money(p.conversion, p.currency, true)}, price ${money(p.price, p.currency, true)}`,
  },
  stockouts: {
    zh: (p: StockoutText) => `断货 ${p.days} 个SKU天（${p.asins}），估计少卖 ${money(p.lost, p.currency)}（估算：断货天数 × 有货日均销量 × 平均售价）`,
    en: (p: StockoutText) => `Out of stock ${p.days} SKU-day(s) (${p.asins}): about ${money(p.lost, p.currency)} of sales lost (estimate: days × average daily units of in-stock days × average price)`,
  },
  noStockouts: {
    zh: () => '期间没有断货（库存快照）',
    en: () => 'No stock-out in the period (inventory snapshots)',
  },
  adsVsOrganic: {
    zh: (p: AdsText) => `广告SKU销售额 ${money(p.ads, p.currency)}（${money(p.adsChange, p.currency, true)}），自然销售额 ${money(p.organic, p.currency)}（${money(p.organicChange, p.currency, true)}）`,
    en: (p: AdsText) => `Advertised-SKU ad sales ${money(p.ads, p.currency)} (${money(p.adsChange, p.currency, true)}), organic sales ${money(p.organic, p.currency)} (${money(p.organicChange, p.currency, true)})`,
  },
  driver: {
    zh: (p: DriverText) => `${name(p.metric, 'zh')}：${formatValue(p.metric, p.now, p.currency)}（之前 ${formatValue(p.metric, p.before, p.currency)}）`,
    en: (p: DriverText) => `${name(p.metric, 'en')}: ${formatValue(p.metric, p.now, p.currency)} (was ${formatValue(p.metric, p.before, p.currency)})`,
  },
  finding: {
    zh: (p: { asin: string; stage: StageName; metric: string; value: number; low: number | null }) =>
      `${p.asin} ${stageLabels[p.stage].zh}环节偏低：${name(p.metric, 'zh')} ${formatValue(p.metric, p.value, null)}${p.low === null ? '' : `，基准下限 ${formatValue(p.metric, p.low, null)}`}`,
    en: (p: { asin: string; stage: StageName; metric: string; value: number; low: number | null }) =>
      `${p.asin} ${stageLabels[p.stage].en} stage low: ${name(p.metric, 'en')} ${formatValue(p.metric, p.value, null)}${p.low === null ? '' : ` below ${formatValue(p.metric, p.low, null)}`}`,
  },
  events: {
    zh: (p: { list: string }) => `期间事件：${p.list}（可能是原因，也可能只是同时发生）`,
    en: (p: { list: string }) => `Events in the period: ${p.list} (they may be the cause, or only coincide)`,
  },
} satisfies Record<string, Template<never>>;

/** Notes an explanation may carry. */
export const explainNotes = {
  stockout_estimate: {
    zh: '断货损失是估算：断货天数 × 有货日均销量 × 平均售价；没有快照的日子按有货计',
    en: 'Lost sales are an estimate: stock-out days × average daily units of in-stock days × average price; days without a snapshot count as in stock',
  },
  target_plan: {
    zh: '与目标的拆解把目标理解为：上期的转化率和客单价，加上达到目标所需的流量',
    en: 'The gap to target is decomposed by reading the target as last period\'s conversion and price with the traffic it would need',
  },
  locked_now: {
    zh: '该期间已锁定：解释基于当前数据，可能与锁定时的数字不同',
    en: 'The period is locked: the explanation uses the data as it is now, which may differ from the frozen numbers',
  },
  mixed_currency: {
    zh: '范围内有多种货币：金额部分需要 --currency 换算',
    en: 'The scope sells in several currencies: money parts need --currency',
  },
} as const satisfies Record<string, Text>;

export type ExplainNoteCode = keyof typeof explainNotes;
export const explainNote = (code: ExplainNoteCode): Text & { code: ExplainNoteCode } => ({ code, ...explainNotes[code] });
