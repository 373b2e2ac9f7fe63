import { Decimal } from 'decimal.js';
import { moneyNumber } from '../domain/currencies.ts';
import type { Text } from './benchmark-table.ts';
import { diagnosisRules } from './diagnosis-rules.ts';
import type { FunnelRow, FunnelStage } from './funnel.ts';

/** Why a finding's money at stake (or its reporting-currency value) is unknown, in Chinese and English, in one place. */
export const atStakeReasons = {
  no_price: {
    zh: '本期该范围没有平均售价（无销售额或无销量）：无法计算金额',
    en: 'No average selling price for this scope in the period (no sales or no units): the amount cannot be worked out',
  },
  mixed_currency: {
    zh: '该范围的销售涉及多种货币：请指定 --currency 换算后再排序',
    en: 'The scope sells in several currencies: give --currency to convert and rank them together',
  },
  no_conversion: {
    zh: '该阶段的数量为0或未知：无法把缺口换算成购买数',
    en: 'This stage\'s count is 0 or unknown: the shortfall cannot be carried to purchases',
  },
  not_sales: {
    zh: '新增评论不是本期销售额，不计金额',
    en: 'New reviews are not sales of the period: nothing to price',
  },
  no_rate: {
    zh: '汇率表中没有该日期或之前的汇率：请在汇率表中添加',
    en: 'No FX rate on or before the period\'s last day: add one to the FX table',
  },
} as const satisfies Record<string, Text>;

export type AtStakeReasonCode = keyof typeof atStakeReasons;
export type AtStakeReason = Text & { code: AtStakeReasonCode };
const reasonOf = (code: AtStakeReasonCode): AtStakeReason => ({ code, ...atStakeReasons[code] });

/** The money a finding's leak costs in the period, in the scope's currency; null with a reason when unknown. */
export interface AtStake {
  /** exact to the currency's minor unit (the CLI contract's money); null when unknown */
  amount: number | null;
  currency: string | null;
  /** the purchases the shortfall costs before pricing (4 decimals); null when they cannot be worked out */
  lost_purchases: number | null;
  /** the rule's formula (src/analysis/diagnosis-rules.ts) */
  formula: Text;
  reason: AtStakeReason | null;
  /** in the reporting currency, when one was asked: at the FX rate in force on the period's last day */
  reporting: { amount: number | null; currency: string; rate: string | null; rate_date: string | null; reason: AtStakeReason | null } | null;
}

/** A scope's average selling price in the period (sales ÷ units as the metric answer shows it), and its currency. */
export interface ScopePrice {
  price: number | null;
  currency: string | null;
  /** the scope sold in several currencies: no one price */
  mixed?: boolean;
}

const D = Decimal.clone({ precision: 40 });

/** The purchases a low stage costs: its shortfall against the low bound carried to the order stage (the rule's `carry`). */
function lostPurchases(row: FunnelRow, stage: FunnelStage): InstanceType<typeof D> | AtStakeReasonCode {
  const { carry } = diagnosisRules[stage.stage].atStake;
  const low = stage.benchmark?.low;
  if (carry === 'none') return 'not_sales';
  if (low == null || stage.count === null) return 'no_conversion';
  // base × low − count is base × (low − count ÷ base) without rounding the rate
  const shortfall = stage.rate === null ? new D(low).minus(stage.count) : stage.base === null ? null : new D(low).mul(stage.base).minus(stage.count);
  if (shortfall === null) return 'no_conversion';
  if (carry === 'is_order') return shortfall;
  const purchases = row.stages.find((s) => s.stage === 'order')?.count ?? null;
  if (purchases === null || stage.count === 0) return 'no_conversion';
  return shortfall.mul(purchases).div(stage.count);
}

/** A finding's money at stake: its rule's lost purchases × the scope's average selling price. */
export function atStakeOf(row: FunnelRow, stage: FunnelStage, price: ScopePrice | undefined): AtStake {
  const formula = diagnosisRules[stage.stage].atStake.formula;
  const lost = lostPurchases(row, stage);
  const lost_purchases = typeof lost === 'string' ? null : lost.toDecimalPlaces(4).toNumber();
  const unknown = (code: AtStakeReasonCode): AtStake => ({ amount: null, currency: price?.currency ?? null, lost_purchases, formula, reason: reasonOf(code), reporting: null });
  if (typeof lost === 'string') return unknown(lost);
  if (price?.mixed) return { ...unknown('mixed_currency'), currency: null };
  if (price?.price == null || price.currency === null) return unknown('no_price');
  return { amount: moneyNumber(lost.mul(price.price).toString(), price.currency), currency: price.currency, lost_purchases, formula, reason: null, reporting: null };
}

/** The amount in the reporting currency at `rate` (1 own = rate reporting, dated `rateDate`); null rate: no rate known. */
export function inReportingCurrency(stake: AtStake, currency: string, rate: { rate: string; date: string } | null): AtStake {
  if (stake.amount === null || stake.currency === null) return { ...stake, reporting: { amount: null, currency, rate: null, rate_date: null, reason: stake.reason } };
  if (stake.currency === currency) return { ...stake, reporting: { amount: stake.amount, currency, rate: '1', rate_date: null, reason: null } };
  if (!rate) return { ...stake, reporting: { amount: null, currency, rate: null, rate_date: null, reason: reasonOf('no_rate') } };
  return { ...stake, reporting: { amount: moneyNumber(new D(stake.amount).mul(rate.rate).toString(), currency), currency, rate: rate.rate, rate_date: rate.date, reason: null } };
}

/** The number findings are ranked by: the reporting-currency amount when one was asked, else the own amount. */
function rankValue(stake: AtStake): number | null {
  return stake.reporting ? stake.reporting.amount : stake.amount;
}

/**
 * Findings ordered by money at stake, largest first (issue 27). Amounts in different currencies are not compared:
 * without a reporting currency, each currency's findings are ranked together (currencies by code); with one,
 * all are. Unknown amounts come last, critical before warning; ties keep their order (a stable sort).
 */
export function rankByStake<F extends { at_stake: AtStake; severity: string }>(findings: readonly F[]): F[] {
  const severity = (f: F) => (f.severity === 'critical' ? 0 : 1);
  return [...findings].sort((a, b) => {
    const [x, y] = [rankValue(a.at_stake), rankValue(b.at_stake)];
    if (x === null || y === null) return x === null && y === null ? severity(a) - severity(b) : x === null ? 1 : -1;
    const [ca, cb] = a.at_stake.reporting ? ['', ''] : [a.at_stake.currency ?? '', b.at_stake.currency ?? ''];
    return ca < cb ? -1 : ca > cb ? 1 : y - x;
  });
}
