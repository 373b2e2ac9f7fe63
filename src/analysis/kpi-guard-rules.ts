import type { Text } from './benchmark-table.ts';

/**
 * The numbers and pairs the KPI guards judge by (SPEC §5, seeds 001 "常见坑"), as data.
 * Starting points a manager can argue with, reasoned in the comments.
 */
export const guardThresholds = {
  /**
   * A target is far from the benchmark when it lies beyond a bound by more than half again:
   * below low ÷ 1.5 or above high × 1.5. The seeds' own example fires: ACoS < 15% while the
   * category averages 25% (15% < 25% ÷ 1.5 ≈ 16.7%).
   */
  benchmarkFactor: 1.5,
  /** More than double or less than half of what the same scope did in the last comparable period. */
  historyHigh: 2,
  historyLow: 0.5,
} as const;

/**
 * Pairs that pull against each other (seeds: "同时要求最大化广告曝光和最低ACoS，易引发执行混乱。需设定优先级").
 * Both given to one scope and owner without distinct priorities: the guard asks for a priority.
 */
export const conflictingKpis: readonly { pair: readonly [string, string]; why: Text }[] = [
  { pair: ['ad_impressions', 'acos'], why: { zh: '扩大广告曝光会推高ACoS', en: 'more ad exposure pushes ACoS up' } },
  { pair: ['impressions', 'acos'], why: { zh: '扩大曝光（多投广告）会推高ACoS', en: 'more exposure (more ads) pushes ACoS up' } },
  { pair: ['ad_clicks', 'acos'], why: { zh: '买更多点击会推高ACoS', en: 'buying more clicks pushes ACoS up' } },
  { pair: ['ad_sales', 'acos'], why: { zh: '冲广告销售额会推高ACoS', en: 'pushing ad sales pushes ACoS up' } },
  { pair: ['ad_impressions', 'tacos'], why: { zh: '扩大广告曝光会推高TACoS', en: 'more ad exposure pushes TACoS up' } },
  { pair: ['sales', 'net_margin'], why: { zh: '降价冲量会压低净利润率', en: 'price cuts for volume lower the net margin' } },
  { pair: ['units', 'net_margin'], why: { zh: '降价冲量会压低净利润率', en: 'price cuts for volume lower the net margin' } },
  { pair: ['stockout_days', 'storage_fees'], why: { zh: '少断货要多备货，多备货就多仓储费', en: 'fewer stock-outs need more stock, and more stock costs more storage' } },
];

/** Process KPIs to suggest beside a lone result KPI (seeds: "应搭配CTR、CVR等过程数据"). */
export const suggestedProcessKpis: readonly string[] = ['ctr', 'unit_session_pct', 'order_rate', 'acos'];
