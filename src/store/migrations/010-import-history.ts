/**
 * Migration 10: replacing is undoable. Rows an import replaces (or a master-data file overwrites by key)
 * move to `removed_<table>`, a copy of the table's columns plus `removed_by` (the import that removed
 * them), instead of being deleted; undoing that import puts them back. `import_log.undone_at` marks an
 * undone import (kept in the log: the history of what happened is data too).
 * The tables are the ones imports write today; a table added later gets its history table when an import
 * first replaces its rows (src/ingest/import-history.ts), with the same shape.
 */
export const importedTables = [
  'traffic', 'br_sales', 'ads', 'search_funnel', 'repeat_purchase', 'order_items', 'returns', 'inventory_snapshots',
  'storage_fees', 'transactions', 'fee_estimates', 'account_health', 'reviews', 'listings',
  'sku_map', 'product_assignments', 'product_attributes', 'kpi_targets', 'events', 'costs', 'shipments', 'payouts', 'competitor_prices',
] as const;

export const importHistory = `
ALTER TABLE import_log ADD COLUMN undone_at TIMESTAMP;
${importedTables.map((t) => `CREATE TABLE removed_${t} AS SELECT *, CAST(NULL AS BIGINT) AS removed_by FROM ${t} LIMIT 0;`).join('\n')}
`;
