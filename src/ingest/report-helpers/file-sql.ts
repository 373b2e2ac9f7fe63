import { DuckDBInstance } from '@duckdb/node-api';

/**
 * Tests only: the "other path" to a file's totals. DuckDB reads the file itself (read_csv), so a
 * total our families compute is checked against SQL that shares none of their parsing code.
 */
export async function sqlOnFiles(sql: string): Promise<Record<string, unknown>> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const [row] = (await connection.runAndReadAll(sql)).getRowObjectsJson();
    return row ?? {};
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
