import type { Database } from '../store/database.ts';
import { spanOfTables, type DatedTable } from '../store/data-span.ts';
import type { FactId, ProfitBasis } from './facts.ts';
import { factsOf } from './plan.ts';

const brSales: DatedTable = { table: 'br_sales', from: 'date_from', to: 'date_to' };
const orderItems: DatedTable = { table: 'order_items', from: 'order_date', to: 'order_date' };
const settlements: DatedTable = { table: 'transactions', from: 'posted_date', to: 'posted_date' };
const snapshots: DatedTable = { table: 'inventory_snapshots', from: 'snapshot_date', to: 'snapshot_date' };

/**
 * The tables whose rows each fact reads, with the columns that date them: what an answer asked for all
 * dates covers. On the order basis, settlement lines are dated by their orders' days.
 */
function datedTables(fact: FactId, basis: ProfitBasis): readonly DatedTable[] {
  switch (fact) {
    case 'traffic': return [{ table: 'traffic', from: 'date_from', to: 'date_to' }];
    case 'br_sales': return [brSales];
    case 'sales': case 'orders': case 'sales_trailing_30': case 'sales_trailing_90': return [brSales, orderItems];
    case 'order_items': return [orderItems];
    case 'ads': case 'ad_costs': return [{ table: 'ads', from: 'date_from', to: 'date_to' }];
    case 'search_funnel': return [{ table: 'search_funnel', from: 'date_from', to: 'date_to' }];
    case 'repeat_purchase': return [{ table: 'repeat_purchase', from: 'date_from', to: 'date_to' }];
    case 'reviews': return [{ table: 'reviews', from: 'review_date', to: 'review_date' }];
    case 'seller_feedback': return [{ table: 'seller_feedback', from: 'feedback_date', to: 'feedback_date' }];
    case 'returns': case 'returns_matched': return [{ table: 'returns', from: 'return_date', to: 'return_date' }];
    case 'transactions': case 'landed_costs': return basis === 'order' ? [settlements, orderItems] : [settlements];
    case 'storage_fees': return [{ table: 'storage_fees', from: 'month', to: 'last_day(month)' }];
    case 'payout_costs': return [{ table: 'payouts', from: 'date', to: 'date' }];
    case 'inventory': case 'inventory_trailing_90': case 'inventory_age': return [snapshots];
    case 'account_health': return [{ table: 'account_health', from: 'date_from', to: 'date_to' }];
    case 'sales_ranks': return [{ table: 'sales_ranks', from: 'date', to: 'date' }];
    case 'offers': return [{ table: 'offer_snapshots', from: 'date', to: 'date' }];
  }
}

/** The first and last day the data these metrics read covers, in the store and marketplace; null without any. */
export async function metricsSpan(
  db: Database, metrics: readonly string[], basis: ProfitBasis, scope: { store?: string | undefined; marketplace?: string | undefined } = {},
): Promise<{ first: string; last: string } | null> {
  const tables = new Map<string, DatedTable>();
  for (const fact of factsOf(metrics)) for (const t of datedTables(fact, basis)) tables.set(t.table, t);
  return spanOfTables(db, [...tables.values()], scope);
}
