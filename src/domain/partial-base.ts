/**
 * A comparison's base is partial when its reports cover a smaller share of its days than they cover of
 * the current period: "+768%" against a week with one day of data is a change of the data, not of the
 * business. Answers then flag the metric `partial_base` with this coverage, and nothing colours it as
 * up or down.
 */
export interface BaseCoverage {
  /** the report type(s) with rows in either period, e.g. `business_report`, `business_report+orders` */
  source: string;
  base_days: number;
  base_period_days: number;
  current_days: number;
  current_period_days: number;
}

/** (a 30-day September fully covered is a whole base for a 31-day October) */
export const isPartialBase = (c: BaseCoverage): boolean => c.base_days * c.current_period_days < c.current_days * c.base_period_days;

export const sourceNames: Record<string, { zh: string; en: string }> = {
  business_report: { zh: '业务报告', en: 'Business Report' },
  brand_analytics: { zh: '品牌分析', en: 'Brand Analytics' },
  ads: { zh: '广告报告', en: 'ads' },
  orders: { zh: '订单', en: 'orders' },
  returns: { zh: '退货', en: 'returns' },
  reviews: { zh: '评论', en: 'reviews' },
  settlements: { zh: '结算交易', en: 'settlements' },
};

const namesOf = (source: string, lang: 'zh' | 'en') => source.split('+').map((s) => sourceNames[s]?.[lang] ?? s).join(lang === 'zh' ? '、' : ' + ');

/** "base covers 1 of 7 days (Business Report)" / "基期仅覆盖 7 天中的 1 天（业务报告）": said wherever the change would be. */
export function partialBaseText(c: BaseCoverage): { zh: string; en: string } {
  const current = c.current_days < c.current_period_days ? { zh: `；本期 ${c.current_period_days} 天中有 ${c.current_days} 天`, en: `; current ${c.current_days} of ${c.current_period_days}` } : { zh: '', en: '' };
  return {
    zh: `基期数据不全：仅覆盖 ${c.base_period_days} 天中的 ${c.base_days} 天（${namesOf(c.source, 'zh')}${current.zh}）`,
    en: `partial base: covers ${c.base_days} of ${c.base_period_days} days (${namesOf(c.source, 'en')}${current.en})`,
  };
}

/** A KPI row whose last comparable period is a partial base (no history to judge its target by), as its "why" says. */
export function lastPeriodPartialText(c: BaseCoverage): { zh: string; en: string } {
  const said = partialBaseText(c);
  return { zh: `上一可比周期${said.zh}，不与目标比较`, en: `last comparable period: ${said.en}, not compared with the target` };
}

/** A KPI row's "why": its no-data reason and its partial base, in one language. */
export function kpiRowWhy(r: { no_data_reason: { zh: string; en: string } | null; partial_base?: BaseCoverage | undefined }, lang: 'zh' | 'en'): string | null {
  const parts = [r.no_data_reason?.[lang], r.partial_base ? lastPeriodPartialText(r.partial_base)[lang] : undefined].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join(lang === 'zh' ? '；' : '; ') : null;
}
