import type { Database } from '../store/database.ts';

/**
 * Returns placed in the marketplace of their order (issue 26). FBA and merchant returns reports name no marketplace,
 * and a unified account's report holds the returns of several: a return whose order id is stored (All Orders, the
 * same store) in exactly one marketplace is placed there, dated by its local day in that marketplace's zone where the
 * report gave an instant (FBA: `return-date` is a UTC timestamp), its amounts in that marketplace's currency where it
 * names none. The fulfilment center is not used: under Pan-EU and EFN a German center ships French and British orders,
 * so its country is not the order's marketplace. Rows of orders not stored are left to the caller (the file's
 * marketplace). `unplaced` is the marketplace the rows were written under until placed.
 */
export async function placeByOrders(db: Database, table: string, importId: string, store: string, unplaced: string): Promise<number> {
  // $1 the import, $2 its store, $3 the marketplace its rows wait under
  const placed = `SELECT r.rowid AS id, o.marketplace, mk.currency,
        CASE WHEN r.returned_at IS NOT NULL THEN CAST(timezone(mk.time_zone, r.returned_at) AS DATE) ELSE r.return_date END AS day
      FROM ${table} r
      JOIN (SELECT order_id, min(marketplace) AS marketplace FROM order_items WHERE store = $2
            GROUP BY order_id HAVING count(DISTINCT marketplace) = 1) o ON o.order_id = r.order_id
      JOIN marketplaces mk ON mk.code = o.marketplace
      WHERE r.import_id = $1 AND r.marketplace = $3`;
  const params = [Number(importId), store, unplaced];
  const [row] = await db.all(`SELECT count(*) AS n FROM (${placed})`, params);
  await db.run(`UPDATE ${table} SET marketplace = p.marketplace, return_date = p.day, currency = coalesce(${table}.currency, p.currency)
    FROM (${placed}) p WHERE ${table}.rowid = p.id`, params);
  return Number(row?.n ?? 0);
}
