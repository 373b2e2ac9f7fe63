import { Decimal } from 'decimal.js';
import { ratio, round4 } from './ratio.ts';

/** An order of an identified customer (store/customer-orders.ts, without the import). */
export interface CohortOrder {
  customer: string;
  date: string;
  amount: string;
}

export interface CohortRow {
  /** the month of the customers' first order, YYYY-MM */
  cohort: string;
  customers: number;
  /** customers of the cohort who ordered in its month + k (k = 0, 1, …) up to the last month of the data */
  active: number[];
  /** `active[k]` ÷ customers */
  retention: (number | null)[];
}

/** RFM segments, as data: the first rule that holds names the customer. */
export const rfmSegments = [
  { id: 'churned', en: 'Churned: no order within the churn interval', zh: '已流失：流失周期内无订单', holds: (c: CustomerFigures, churnDays: number) => c.recency_days > churnDays },
  { id: 'at_risk', en: 'At risk: repeat buyer, no order in over half the churn interval', zh: '有流失风险：复购顾客，超过半个流失周期无订单', holds: (c: CustomerFigures, churnDays: number) => c.orders >= 2 && c.recency_days > churnDays / 2 },
  { id: 'loyal', en: 'Loyal: repeat buyer, ordered recently', zh: '忠诚：复购且近期下单', holds: (c: CustomerFigures) => c.orders >= 2 },
  { id: 'new', en: 'New: one order, recently', zh: '新顾客：近期首单', holds: (c: CustomerFigures, churnDays: number) => c.recency_days <= churnDays / 2 },
  { id: 'one_time', en: 'One-time: one order, not recently', zh: '一次性：仅一单且非近期', holds: () => true },
] as const;

export interface CustomerFigures {
  customer: string;
  first: string;
  last: string;
  orders: number;
  /** days from the last order to the as-of day */
  recency_days: number;
  monetary: string;
  segment: (typeof rfmSegments)[number]['id'];
}

export interface CohortAnswer {
  cohorts: CohortRow[];
  customers: number;
  repeat_customers: number;
  /** customers with a second order ÷ customers */
  repeat_rate: number | null;
  /** median days from a customer's first to second order (the lower middle of an even count); null without repeat buyers */
  days_to_second_order: number | null;
  churned: number;
  churn_rate: number | null;
  segments: { id: string; en: string; zh: string; customers: number }[];
}

const dayNumber = (d: string): number => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
const monthOf = (d: string): string => d.slice(0, 7);
const monthIndex = (m: string): number => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

/**
 * Acquisition cohorts by first order month with the repeat matrix, repeat rate, time to second order, churn (no order
 * within `churnDays` of the as-of day) and RFM segments, over identified customers' orders.
 */
export function cohortAnalysis(orders: readonly CohortOrder[], asOf: string, churnDays: number): CohortAnswer & { figures: CustomerFigures[] } {
  const byCustomer = new Map<string, CohortOrder[]>();
  for (const o of orders) byCustomer.set(o.customer, [...(byCustomer.get(o.customer) ?? []), o]);
  const lastMonth = orders.reduce((m, o) => (monthOf(o.date) > m ? monthOf(o.date) : m), '');
  const cohorts = new Map<string, { customers: number; active: Set<string>[] }>();
  const figures: CustomerFigures[] = [];
  const secondGaps: number[] = [];
  for (const [customer, own] of byCustomer) {
    const dates = own.map((o) => o.date).sort();
    const first = dates[0] as string;
    const last = dates[dates.length - 1] as string;
    const cohort = monthOf(first);
    const entry = cohorts.get(cohort) ?? { customers: 0, active: Array.from({ length: monthIndex(lastMonth) - monthIndex(cohort) + 1 }, () => new Set<string>()) };
    entry.customers++;
    for (const d of dates) entry.active[monthIndex(monthOf(d)) - monthIndex(cohort)]?.add(customer);
    cohorts.set(cohort, entry);
    if (dates.length >= 2) secondGaps.push(dayNumber(dates[1] as string) - dayNumber(first));
    const c = {
      customer, first, last, orders: dates.length, recency_days: dayNumber(asOf) - dayNumber(last),
      monetary: own.reduce((s, o) => s.plus(o.amount), new Decimal(0)).toFixed(2),
    };
    figures.push({ ...c, segment: rfmSegments.find((s) => s.holds({ ...c, segment: 'new' }, churnDays))?.id ?? 'one_time' });
  }
  const rows = [...cohorts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([cohort, e]): CohortRow => ({
    cohort, customers: e.customers, active: e.active.map((s) => s.size), retention: e.active.map((s) => round4(ratio(s.size, e.customers))),
  }));
  secondGaps.sort((a, b) => a - b);
  const customers = figures.length;
  const repeat = figures.filter((f) => f.orders >= 2).length;
  const churned = figures.filter((f) => f.segment === 'churned').length;
  return {
    cohorts: rows, customers, repeat_customers: repeat, repeat_rate: round4(ratio(repeat, customers)),
    days_to_second_order: secondGaps.length ? (secondGaps[Math.floor((secondGaps.length - 1) / 2)] as number) : null,
    churned, churn_rate: round4(ratio(churned, customers)),
    segments: rfmSegments.map((s) => ({ id: s.id, en: s.en, zh: s.zh, customers: figures.filter((f) => f.segment === s.id).length })),
    figures,
  };
}
