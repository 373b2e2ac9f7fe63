import type { Database } from '../../store/database.ts';
import type { CanonicalRow, FamilyOutput } from '../family.ts';
import type { SourceFile } from '../source-file.ts';
import type { MasterDataFamily } from './family.ts';
import { moveToHistory } from '../../store/import-history.ts';

/**
 * Master-data files (products, targets, events, costs) carry no marketplace and no period to
 * replace: rows are upserted by their keys within the store, so a changed re-import updates them,
 * and import_log records the file with marketplace NULL. One transaction; returns `replaced`.
 */
export async function writeMasterData(db: Database, family: MasterDataFamily, output: FamilyOutput, source: Pick<SourceFile, 'name' | 'hash'>, store: string): Promise<number> {
  return db.transaction(async () => {
    await db.run('INSERT INTO stores (name) VALUES ($1) ON CONFLICT DO NOTHING', [store]);
    const [log] = await db.all(
      `INSERT INTO import_log (file, file_hash, report_type, store, marketplace, date_from, date_to, rows)
       VALUES ($1, $2, $3, $4, NULL, $5::DATE, $6::DATE, $7) RETURNING id`,
      [source.name, source.hash, family.type, store, output.period?.from ?? null, output.period?.to ?? null, output.rows],
    );
    return loadRows(db, family, output, { store, importId: String(log?.id) });
  });
}

interface Target {
  store: string;
  importId: string;
}

/** Each kind's key: an earlier row with the same key is replaced (counted in `replaced`). */
const keys: Record<string, readonly string[]> = {
  sku_map: ['store', 'sku'],
  product_assignments: ['store', 'sku', 'effective_from'],
  kpi_targets: ['kpi', 'period', 'store', 'marketplace', 'asin', 'parent_asin', 'product_line', 'tier', 'owner', 'role'],
  events: ['store', 'marketplace', 'date_from', 'type', 'asin'],
  costs: ['store', 'sku', 'marketplace', 'effective_from'],
  shipments: ['store', 'shipment_id', 'sku'],
  payouts: ['store', 'marketplace', 'date', 'currency'],
  product_attributes: ['store', 'sku', 'effective_from'],
  competitor_prices: ['store', 'marketplace', 'asin', 'date', 'competitor'],
  channel_listings: ['store', 'channel', 'sku'],
  suppliers: ['store', 'supplier'],
  purchase_orders: ['store', 'po_id', 'sku'],
  batches: ['store', 'batch_id', 'sku'],
  lead_times: ['store', 'supplier', 'sku', 'freight_mode'],
};

/** Replace-by-key (the earlier rows kept in history), then append: the file is the seller's current word on those rows. */
export async function loadRows(db: Database, family: MasterDataFamily, output: FamilyOutput, target: Target): Promise<number> {
  let replaced = 0;
  for (const { table } of family.writes) {
    const rows = (output.tables[table] ?? []).map((row) => withStore(table, row, target));
    const merged = table in mergedColumns ? await keepKnownValues(db, table, rows) : rows;
    const key = keys[table] ?? [];
    for (const row of dedupe(merged, key)) {
      const where = key.map((k, i) => `${k} IS NOT DISTINCT FROM $${i + 1}`).join(' AND ');
      const extra = table === 'events' ? " AND origin = 'imported'" : '';
      // kept in history (removed by this import), so undoing the import puts the earlier row back
      replaced += await moveToHistory(db, table, `${where}${extra}`, key.map((k) => param(row[k])), target.importId);
    }
    await insertRows(db, table, dedupe(merged, key));
  }
  return replaced;
}

/** kpi_targets.store is a scope column from the file; every other master table belongs to the import's store. */
function withStore(table: string, row: CanonicalRow, target: Target): CanonicalRow {
  const store = table === 'kpi_targets' ? row.store ?? null : target.store;
  return { ...row, store, import_id: target.importId };
}

/** Tables where a column the new file leaves empty keeps what an earlier file said (empty is unknown, not "remove"). */
const mergedColumns: Record<string, readonly string[]> = {
  sku_map: ['fnsku', 'asin', 'parent_asin', 'product_code', 'product_name', 'image_url'],
  product_attributes: ['category', 'competitor_asins', 'length', 'width', 'height', 'dimension_unit', 'weight', 'weight_unit'],
  // a PO re-imported when it arrives: its earlier dates and prices stay when the new sheet leaves them empty
  purchase_orders: ['supplier', 'marketplace', 'received_quantity', 'unit_cost', 'currency', 'promised_date', 'shipped_date', 'received_date', 'freight_mode'],
};

async function keepKnownValues(db: Database, table: string, rows: readonly CanonicalRow[]): Promise<CanonicalRow[]> {
  const key = keys[table] ?? [];
  const out: CanonicalRow[] = [];
  for (const row of rows) {
    const where = key.map((k, i) => `${k} IS NOT DISTINCT FROM $${i + 1}`).join(' AND ');
    const [old] = await db.all(`SELECT * FROM ${table} WHERE ${where}`, key.map((k) => param(row[k])));
    if (!old) {
      out.push(row);
      continue;
    }
    const merged: CanonicalRow = { ...row };
    for (const column of mergedColumns[table] ?? []) {
      if (merged[column] === null || merged[column] === undefined) merged[column] = old[column] === null ? null : String(old[column]);
    }
    out.push(merged);
  }
  return out;
}

/** The last row of a file wins when it repeats a key (a file is read top to bottom). */
function dedupe(rows: readonly CanonicalRow[], key: readonly string[]): CanonicalRow[] {
  const byKey = new Map<string, CanonicalRow>();
  for (const row of rows) byKey.set(JSON.stringify(key.map((k) => row[k] ?? null)), row);
  return [...byKey.values()];
}

function param(value: CanonicalRow[string] | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : String(value);
}

/** Plain INSERTs naming their columns: master files are small, and events.id must come from its sequence. */
async function insertRows(db: Database, table: string, rows: readonly CanonicalRow[]): Promise<void> {
  for (const row of rows) {
    const columns = Object.keys(row);
    const values = columns.map((_, i) => `$${i + 1}`).join(', ');
    await db.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${values})`, columns.map((c) => param(row[c])));
  }
}
