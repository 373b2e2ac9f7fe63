import type { Database } from './database.ts';

/** The first and last local day sales or traffic facts cover (the tables `lastDataDay` reads); null without any. */
export async function dataSpan(db: Database): Promise<{ first: string; last: string } | null> {
  const rows = await db.all(
    `SELECT strftime(min(a), '%Y-%m-%d') AS first, strftime(max(b), '%Y-%m-%d') AS last FROM (
       SELECT min(date_from) AS a, max(date_to) AS b FROM br_sales
       UNION ALL SELECT min(date_from), max(date_to) FROM traffic
       UNION ALL SELECT min(order_date), max(order_date) FROM order_items)`);
  const r = rows[0];
  return r?.first && r.last ? { first: String(r.first), last: String(r.last) } : null;
}
