/**
 * Issue 18, what was left: a sync error in both languages (`last_error` keeps the English text, the `sync status --json`
 * contract; `last_error_zh` the Chinese), and Best Sellers Ranks imported from Keepa exports, undoable like every
 * import (`import_id`; the SP-API's own rows have none; an imported row's time is its import's, so no `fetched_at`).
 * The table is made again without its primary key: DuckDB checks a key against rows deleted earlier in the same
 * transaction, so a day's ranks replaced (by a later pull or export of that day) would be refused or, with ON CONFLICT
 * DO NOTHING, silently kept old. Each writer deletes the day's rows of its source first, which keeps them one a key.
 */
export const syncErrorZh = `
ALTER TABLE sync_state ADD COLUMN last_error_zh VARCHAR;
CREATE TABLE sales_ranks_023 (
  store VARCHAR NOT NULL, marketplace VARCHAR NOT NULL, asin VARCHAR NOT NULL, date DATE NOT NULL,
  kind VARCHAR NOT NULL, category_id VARCHAR NOT NULL, category VARCHAR, rank INTEGER NOT NULL,
  source VARCHAR NOT NULL,
  fetched_at TIMESTAMP DEFAULT current_timestamp,
  import_id BIGINT
);
INSERT INTO sales_ranks_023 SELECT store, marketplace, asin, date, kind, category_id, category, rank, source, fetched_at, NULL FROM sales_ranks;
DROP TABLE sales_ranks;
ALTER TABLE sales_ranks_023 RENAME TO sales_ranks;
`;
