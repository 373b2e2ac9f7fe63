import { expect, test } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { marketplaces } from '../domain/marketplaces.ts';
import { migrate } from './migrations.ts';
import { canonicalSchema } from './migrations/001-canonical-schema.ts';

const read = async (connection: Awaited<ReturnType<DuckDBInstance['connect']>>, sql: string) =>
  (await connection.runAndReadAll(sql)).getRowObjectsJson();

test('migration 12 adds the marketplaces a database created before them lacks, and keeps the rows it has', async () => {
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  // a database at schema 1 seeded with only US and UK (as one created before IE, EG and ZA were known)
  await connection.run(canonicalSchema);
  await connection.run(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp);
    INSERT INTO schema_migrations (version) VALUES (1);
    INSERT INTO marketplaces VALUES ('US', 'ATVPDKIKX0DER', 'amazon.com', 'USD', 'America/Los_Angeles', 0, 'NA'),
                                    ('UK', 'A1F83G8C2ARO7P', 'amazon.co.uk', 'GBP', 'Europe/London', 0.2, 'EU');`);
  expect(await migrate(connection)).toContain(12);
  const codes = (await read(connection, 'SELECT code FROM marketplaces ORDER BY code')).map((r) => r.code);
  expect(codes).toEqual(marketplaces.map((m) => m.code).sort());
  expect(codes).toHaveLength(23);
  expect(await read(connection, "SELECT code, amazon_id, sales_channel, currency, time_zone, CAST(vat_rate AS VARCHAR) AS vat, region FROM marketplaces WHERE code = 'IE'"))
    .toEqual([{ code: 'IE', amazon_id: 'A28R8C7NBKEWEA', sales_channel: 'amazon.ie', currency: 'EUR', time_zone: 'Europe/Dublin', vat: '0.2300', region: 'EU' }]);
});

test('a new database has every marketplace once (migration 1 seeds them, 12 adds none twice)', async () => {
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  await migrate(connection);
  expect(await read(connection, 'SELECT count(*)::INTEGER AS n, count(DISTINCT code)::INTEGER AS codes FROM marketplaces')).toEqual([{ n: 23, codes: 23 }]);
});
