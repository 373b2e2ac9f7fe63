import type { Database } from './database.ts';

/**
 * Whether an owner held any SKU on some day of [from, to]: an assignment naming them, effective by
 * `to`, that no later assignment of the same SKU replaced on or before `from` (the fact rows read
 * the assignment in force on their day, as the `owner` dimension does).
 */
export async function ownerHeldProducts(db: Database, owner: string, from: string, to: string): Promise<boolean> {
  const rows = await db.all(
    `SELECT 1 FROM (
       SELECT owner, effective_from,
              lead(effective_from) OVER (PARTITION BY store, sku ORDER BY effective_from) AS replaced_on
       FROM product_assignments)
     WHERE owner = $1 AND effective_from <= $3::DATE AND (replaced_on IS NULL OR replaced_on > $2::DATE)
     LIMIT 1`,
    [owner, from, to],
  );
  return rows.length > 0;
}
