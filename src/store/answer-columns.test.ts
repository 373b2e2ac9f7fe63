import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Database } from './database.ts';

/** Answers read straight from DuckDB's vectors must read exactly what the library's conversion reads. */
let db: Database;
/** the library's own reading, on a database of its own (the questions read no table) */
let library: DuckDBConnection;
beforeAll(async () => {
  db = await Database.open(':memory:');
  library = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => {
  db.close();
  library.closeSync();
});

test('doubles, strings and other types read as the library reads them, nulls included, across chunks', async () => {
  // 5,000 rows: three chunks of up to 2,048, so null bits and offsets cross chunk boundaries
  const sql = `SELECT
      CASE WHEN i % 7 = 0 THEN NULL ELSE i / 8 END::DOUBLE AS ratio,
      CASE WHEN i % 5 = 0 THEN NULL WHEN i % 3 = 0 THEN '联星-' || i WHEN i % 2 = 0 THEN 'B0' || lpad(CAST(i AS VARCHAR), 8, '0') ELSE 'a long product title number ' || i END AS text,
      i % 4 = 0 AS flag,
      CAST(i AS BIGINT) AS whole
    FROM range(5000) t(i) ORDER BY i`;
  const answer = await db.columnValues(sql);
  const expected = (await library.runAndReadAll(sql)).getColumnsJS();
  expect(answer.rows).toBe(5000);
  ['ratio', 'text', 'flag', 'whole'].forEach((name, c) => {
    const column = answer.columns.get(name);
    expect(column?.length).toBe(5000);
    const read = Array.from({ length: 5000 }, (_, i) => column?.at(i));
    expect(read).toEqual(expected[c]);
  });
  const ratio = answer.columns.get('ratio');
  const text = answer.columns.get('text');
  // row 0 is null in both; row 8: 8 / 8 = 1; row 3: '联星-3' (non-ASCII, inline); row 4: 'B0' + 8 digits (10 ASCII bytes, inline);
  // row 1: longer than 12 bytes (read through its pointer)
  expect([ratio?.at(0), ratio?.at(8), ratio?.at(12)]).toEqual([null, 1, 1.5]);
  expect([text?.at(0), text?.at(3), text?.at(4), text?.at(1)]).toEqual([null, '联星-3', 'B000000004', 'a long product title number 1']);
  // past the end: null, never undefined or a stale value
  expect(ratio?.at(5000)).toBeNull();
});

test('an empty answer has its columns, with no rows', async () => {
  const answer = await db.columnValues('SELECT 1.5::DOUBLE AS x, \'a\' AS y WHERE FALSE');
  expect(answer.rows).toBe(0);
  expect(answer.columns.get('x')?.length).toBe(0);
  expect(answer.columns.get('y')?.at(0)).toBeNull();
});
