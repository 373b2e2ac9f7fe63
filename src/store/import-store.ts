import { AsterismError } from '../domain/errors.ts';
import { say } from '../domain/messages.ts';
import type { Database } from './database.ts';

/**
 * The store every new database is born with (migration 1). It is a store a seller has only once something names
 * it: beside stores of their own, an unused 'default' is not one of them.
 */
const bornWith = 'default';

/**
 * The stores a seller has: those in the stores table (an import, a cost, a connection or a tax setting put them
 * there), less the born-with 'default' when other stores exist and no row anywhere names it.
 */
export async function storesInUse(db: Database): Promise<string[]> {
  const names = (await db.all('SELECT name FROM stores ORDER BY name')).map((r) => String(r.name));
  if (names.length < 2 || !names.includes(bornWith)) return names;
  return (await namedAnywhere(db, bornWith)) ? names : names.filter((n) => n !== bornWith);
}

/** Whether a row of any table with a store column (kept removed rows aside) names the store. */
async function namedAnywhere(db: Database, store: string): Promise<boolean> {
  const tables = await db.all(`SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'main' AND c.column_name = 'store' AND t.table_type = 'BASE TABLE'
      AND c.table_name <> 'stores' AND c.table_name NOT LIKE 'removed\\_%' ESCAPE '\\'`);
  if (tables.length === 0) return false;
  const exists = tables.map((t) => `SELECT 1 FROM "${String(t.table_name).replaceAll('"', '""')}" WHERE store = $1`).join(' UNION ALL ');
  return (await db.all(`SELECT EXISTS (${exists}) AS named`, [store]))[0]?.named === true;
}

/**
 * The store an import without `--store` goes to: the seller's one store. With none or several, nothing is
 * invented: the import is refused, naming the stores there are (issue 27).
 */
export async function importStore(db: Database, given: string | undefined): Promise<string> {
  const named = given?.trim();
  if (named) return named;
  const stores = await storesInUse(db);
  if (stores.length === 1 && stores[0]) return stores[0];
  if (stores.length === 0) throw new AsterismError('bad_request', say('store_needed_none'), { stores });
  throw new AsterismError('bad_request', say('store_needed_several', { stores: stores.join(', ') }), { stores });
}
