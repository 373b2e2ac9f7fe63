import type { Database } from './database.ts';

/** One order of a customer a channel identifies (the keyed hash of the e-mail, never the address itself). */
export interface CustomerOrder {
  customer: string;
  channel: string;
  order_id: string;
  /** the order's day, YYYY-MM-DD */
  date: string;
  /** what the customer paid for the items: price less discounts, in `currency` */
  amount: string;
  currency: string | null;
}

/** Every order with a customer key (Shopify today), cancelled orders left out, oldest first. */
export async function customerOrders(db: Database, q: { store?: string | undefined; channel?: string | undefined; to?: string | undefined }): Promise<CustomerOrder[]> {
  const where = ["customer_key IS NOT NULL", "coalesce(order_status, '') <> 'Cancelled'"];
  const params: string[] = [];
  if (q.store) where.push(`store = $${params.push(q.store)}`);
  if (q.channel) where.push(`channel = $${params.push(q.channel)}`);
  if (q.to) where.push(`order_date <= CAST($${params.push(q.to)} AS DATE)`);
  const rows = await db.all(
    `SELECT customer_key, channel, order_id, CAST(min(order_date) AS VARCHAR) AS day,
            CAST(sum(coalesce(item_price, 0) - abs(coalesce(item_promotion_discount, 0))) AS VARCHAR) AS amount, min(currency) AS currency
     FROM order_items WHERE ${where.join(' AND ')}
     GROUP BY customer_key, channel, order_id ORDER BY day, order_id`,
    params,
  );
  return rows.map((r) => ({
    customer: String(r.customer_key), channel: String(r.channel), order_id: String(r.order_id), date: String(r.day),
    amount: String(r.amount), currency: r.currency === null ? null : String(r.currency),
  }));
}
