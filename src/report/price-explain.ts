import { money, num, text, type DocumentSection, type ReportDocument } from './document.ts';
import type { Lang } from './report-data.ts';

/** What a price explanation reads: a price suggestion as the pricing operations present it, and its decisions. */
export interface ExplainedPrice {
  id: number; sku: string; marketplace: string; currency: string; store: string;
  current_price: number | null; break_even_price: number | null; target_margin_price: number | null; competitor_price: number | null;
  suggested_price: number | null; rules_applied: string[]; status: string; date: string; target_margin: number | null; vat_rate: number | null;
  cost: Record<string, string | number | null>;
  fees: { basis: string; versions: string[]; referral: number | null; fulfilment: number | null };
  at_suggested_price: { revenue: number | null; profit: number | null; margin: number | null } | null;
  rules: Record<string, unknown>;
  warnings: string[];
  created_at: string; created_by: string | null;
}
export interface ExplainedDecision { action: string; user: string; at: string; note: string | null }

const words = {
  title: { en: 'Why this price', zh: '定价依据' },
  cost: { en: 'Cost build-up (per unit)', zh: '成本构成（每件）' },
  fees: { en: 'Fees at the suggested price', zh: '建议价下的费用' },
  prices: { en: 'Prices', zh: '价格' },
  rules: { en: 'Rules', zh: '定价规则' },
  decisions: { en: 'Approvals', zh: '审批记录' },
  item: { en: 'Item', zh: '项目' }, value: { en: 'Value', zh: '数值' },
  action: { en: 'Action', zh: '操作' }, user: { en: 'Who', zh: '操作人' }, at: { en: 'When', zh: '时间' }, note: { en: 'Why', zh: '原因' },
  none: { en: 'No decision yet', zh: '尚无审批' },
} as const;

/** Labels of the cost breakdown's fields, the fees and the prices (en, zh). */
const fieldNames: Record<string, { en: string; zh: string }> = {
  unit_cost: { en: 'Unit cost (purchase currency)', zh: '采购单价（采购币种）' }, cost_currency: { en: 'Purchase currency', zh: '采购币种' },
  cost_effective_from: { en: 'Cost effective from', zh: '成本生效日期' }, fx_rate: { en: 'FX rate used (purchase currency → marketplace currency)', zh: '所用汇率（采购币种→站点币种）' }, fx_date: { en: 'FX rate of', zh: '汇率日期' },
  freight_per_unit: { en: 'First-leg freight per unit (costs file)', zh: '头程运费/件（成本表）' }, freight_source: { en: 'Freight from', zh: '运费来源' },
  freight: { en: 'Freight per unit', zh: '每件运费' }, duty_rate: { en: 'Duty rate', zh: '关税税率' }, duty: { en: 'Duty per unit', zh: '每件关税' },
  landed_cost: { en: 'Landed cost per unit', zh: '每件落地成本' }, shipment_date: { en: 'Shipment of', zh: '货件日期' },
  referral: { en: 'Referral fee', zh: '佣金' }, fulfilment: { en: 'Fulfilment fee', zh: '配送费' }, basis: { en: 'Fees from', zh: '费用来源' },
  versions: { en: 'Fee table versions', zh: '费用表版本' },
  current_price: { en: 'Current price', zh: '当前价格' }, break_even_price: { en: 'Break-even price', zh: '保本价' },
  target_margin_price: { en: 'Price at the target margin', zh: '目标利润率价格' }, competitor_price: { en: 'Competitor price', zh: '竞品价格' },
  suggested_price: { en: 'Suggested price', zh: '建议价格' }, profit: { en: 'Profit per unit at it', zh: '该价格下每件利润' }, margin: { en: 'Margin at it', zh: '该价格下利润率' },
};
const label = (key: string, lang: Lang) => fieldNames[key]?.[lang] ?? key;
const moneyFields = new Set(['freight', 'duty', 'landed_cost']);

/**
 * A price and everything behind it (issue 23: a platform audit asking why a price is what it is): the cost build-up with
 * its FX rate, the fees, the rules and which of them moved the price, and who approved it — one document, rendered as
 * Markdown, HTML, PDF or XLSX by the review documents' renderers.
 */
export function priceExplainDocument(p: ExplainedPrice, decisions: readonly ExplainedDecision[], lang: Lang): ReportDocument {
  const w = (k: keyof typeof words) => words[k][lang];
  const cur = p.currency;
  const costRows = Object.entries(p.cost).filter(([, v]) => v !== null).map(([k, v]) =>
    [text(label(k, lang)), moneyFields.has(k) && typeof v === 'number' ? money(v, cur) : k === 'duty_rate' && typeof v === 'number' ? num(v, 'pct1') : text(String(v))]);
  const section = (id: string, title: string, rows: DocumentSection['tables'][number]['rows'], columns = [w('item'), w('value')], notes: string[] = []): DocumentSection =>
    ({ id, title, tables: [{ title: null, columns, rows }], charts: [], notes, empty: rows.length ? null : w('none') });
  const prices = (['current_price', 'break_even_price', 'target_margin_price', 'competitor_price', 'suggested_price'] as const)
    .map((k) => [text(label(k, lang)), money(p[k], cur)]);
  if (p.at_suggested_price) prices.push([text(label('profit', lang)), money(p.at_suggested_price.profit, cur)], [text(label('margin', lang)), num(p.at_suggested_price.margin, 'pct1')]);
  const ruleRows = Object.entries(p.rules).filter(([k, v]) => k !== 'from' && v !== null && v !== undefined).map(([k, v]) => [text(k), text(String(v))]);
  return {
    lang, title: `${w('title')}: ${p.sku} (${p.marketplace})`,
    meta: [
      { label: 'SKU', value: p.sku }, { label: lang === 'zh' ? '站点' : 'Marketplace', value: p.marketplace },
      { label: lang === 'zh' ? '建议编号' : 'Suggestion', value: `#${p.id} · ${p.status}` }, { label: lang === 'zh' ? '定价日期' : 'Priced on', value: p.date },
    ],
    sections: [
      section('cost', w('cost'), costRows),
      section('fees', w('fees'), [
        [text(label('referral', lang)), money(p.fees.referral, cur)], [text(label('fulfilment', lang)), money(p.fees.fulfilment, cur)],
        [text(label('basis', lang)), text(p.fees.basis)], [text(label('versions', lang)), text(p.fees.versions.join(', '))],
      ]),
      section('prices', w('prices'), prices, undefined, p.rules_applied.length ? [`${lang === 'zh' ? '起作用的规则' : 'Rules that moved the price'}: ${p.rules_applied.join(', ')}`] : []),
      section('rules', w('rules'), ruleRows),
      section('decisions', w('decisions'), decisions.map((d) => [text(d.action), text(d.user), text(d.at), text(d.note)]), [w('action'), w('user'), w('at'), w('note')]),
    ],
    problems: p.warnings,
  };
}
