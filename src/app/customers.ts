import { cohortAnalysis, type CohortAnswer } from '../analysis/cohorts.ts';
import type { QueryRow } from '../metrics/query.ts';
import { customerOrders } from '../store/customer-orders.ts';
import type { Database } from '../store/database.ts';
import { answerQuery } from './answer-query.ts';

export interface CustomersRequest {
  store?: string | undefined;
  channel?: string | undefined;
  /** the as-of day (default: the last order's day) */
  as_of?: string | undefined;
  /** days without an order after which a customer counts as churned (default 90) */
  churn_days?: number | undefined;
}

export interface CustomersAnswer extends CohortAnswer {
  as_of: string | null;
  churn_days: number;
  /** Amazon does not name its customers: Brand Analytics' Repeat Purchase Behavior, per marketplace, beside the cohorts */
  amazon_repeat_purchase: QueryRow[];
}

const defaultChurnDays = 90;

/**
 * Customers where a channel identifies them (Shopify's orders, by the keyed hash of the e-mail): acquisition cohorts
 * with the repeat matrix, repeat rate, time to second order, churn and RFM segments; and Amazon's Repeat Purchase
 * Behavior (Brand Analytics) side by side, over the same dates.
 */
export async function customersAnswer(db: Database, r: CustomersRequest): Promise<CustomersAnswer> {
  const orders = await customerOrders(db, { store: r.store, channel: r.channel, to: r.as_of });
  const asOf = r.as_of ?? orders.at(-1)?.date ?? null;
  const churnDays = r.churn_days ?? defaultChurnDays;
  const { figures, ...analysis } = cohortAnalysis(orders, asOf ?? '1970-01-01', churnDays);
  void figures;
  const from = orders[0]?.date;
  const amazon = await answerQuery(db, {
    metrics: ['customers', 'repeat_customers', 'repeat_rate'], by: ['marketplace'],
    ...(r.store ? { store: r.store } : {}), ...(from && asOf ? { from, to: asOf } : {}),
  });
  return { ...analysis, as_of: asOf, churn_days: churnDays, amazon_repeat_purchase: amazon.rows };
}
