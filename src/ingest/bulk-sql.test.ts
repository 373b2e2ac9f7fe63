import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, test } from 'vitest';
import { cleanExpression } from './bulk-sql.ts';
import { parseMoney } from './values/money.ts';
import { parseInteger } from './values/number.ts';
import { emptyTokens } from './values/parsed.ts';

let duckdb: DuckDBConnection;
beforeAll(async () => {
  duckdb = await (await DuckDBInstance.create(':memory:')).connect();
});

/** What DuckDB makes of one cell under the large-file cleaning: the value as text, or null. */
async function cleanedBySql(kind: 'int' | 'money' | 'text', cell: string): Promise<string | null> {
  const { clean } = cleanExpression(kind, 'c0', []);
  const reader = await duckdb.runAndReadAll(`SELECT CAST(${clean} AS VARCHAR) AS v FROM (SELECT $1::VARCHAR AS c0)`, [cell]);
  const value = reader.getRows()[0]?.[0];
  return value === null || value === undefined ? null : String(value);
}

describe('large-file SQL cleaning reads what the row readers read', () => {
  // every empty token, in the cases and spacing a file may hold, is null under a number or money column
  const tokens = [...emptyTokens, ' - ', 'N/A', 'NA', 'NULL', ' — '];
  test.each(tokens)('%j is null as a whole number and as money', async (token) => {
    expect(parseInteger(token)).toEqual({ ok: true, value: null });
    expect(await cleanedBySql('int', token)).toBeNull();
    expect(parseMoney(token)).toEqual({ ok: true, value: null });
    expect(await cleanedBySql('money', token)).toBeNull();
  });

  test('a text cell is null only when blank, as RowFields.text: a search term "N/A" is kept', async () => {
    expect(await cleanedBySql('text', '  ')).toBeNull();
    expect(await cleanedBySql('text', 'N/A')).toBe('N/A');
    expect(await cleanedBySql('text', ' - ')).toBe('-');
  });

  test.each([
    // [cell, value both paths store]
    ['1,356', '1356'],
    ['42', '42'],
    ['-7', '-7'],
  ])('whole number %j is %s on both paths', async (cell, value) => {
    expect(parseInteger(cell)).toEqual({ ok: true, value: BigInt(value) });
    expect(await cleanedBySql('int', cell)).toBe(value);
  });

  test.each([
    ['$1,234.56', '1234.5600'],
    ['US$58.89', '58.8900'],
    ['USD 58.89', '58.8900'],
    ['Rs.201.68', '201.6800'],
    ['£12,897.84', '12897.8400'],
    ['-$3.00', '-3.0000'],
    ['$0.4966667', '0.4967'], // DECIMAL(18,4) keeps four places on both paths
    ['1 234.56', '1234.5600'],
    ['¥1,234', '1234.0000'],
  ])('money %j is %s', async (cell, stored) => {
    const parsed = parseMoney(cell);
    expect(parsed.ok && parsed.value?.amount).toBeTruthy();
    expect(await cleanedBySql('money', cell)).toBe(stored);
  });

  // TRY_CAST alone would store 1 for `1.356` (German grouping, 1356 on the row path), 2 for `1.6` and 1000
  // for `1e3`: a different number. The character check makes them refusals (the row path reads or refuses them).
  // Not covered: grouping out of threes (`1,23`) reads as 123 here where the row path refuses it.
  test.each(['1.356', '1.6', '1e3', '0x1F', 'seven'])('whole number %j is refused, never a different number', async (cell) => {
    expect(await cleanedBySql('int', cell)).toBeNull();
  });

  test.each(['($3.00)', '$1e3', '1.2.3', 'abc', '$'])('money %j is refused, never a different number', async (cell) => {
    expect(await cleanedBySql('money', cell)).toBeNull();
  });
});
