import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importFiles } from '../ingest/index.ts';
import { haveSharedFixtures, sharedFixture } from '../ingest/testing.ts';
import { runQuery } from '../metrics/query.ts';
import { freshRollup, lastRollupRefresh, setRollupMinRows } from '../metrics/rollup-refresh.ts';
import { rollupMetricIds } from '../metrics/rollup.ts';
import { Database } from '../store/database.ts';
import { runOperation } from './operations.ts';

/** Undo after a restating import puts every answer back: the sources and the ASIN rollup alike (issue 14). */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-undo-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const original = sharedFixture('all-orders', 'xvr_all_orders_US_2019-11.txt');
const metrics = rollupMetricIds();
const ask = (db: Database, by: string[]) => runQuery(db, { metrics, by, from: '2019-11-01', to: '2019-11-30' });

/** The real November file's orders of 10–19 November (Los Angeles days: UTC − 8 h in November) again, each line's quantity
 * one more (Amazon restating them): the file covers those days whole, so it replaces exactly its own lines. */
function restating(): string {
  const [header = '', ...lines] = readFileSync(original, 'utf8').split('\n').filter(Boolean);
  const columns = header.split('\t');
  const quantity = columns.indexOf('quantity');
  const purchased = columns.indexOf('purchase-date');
  const localDay = (l: string) => new Date(Date.parse(l.split('\t')[purchased] ?? '') - 8 * 3600_000).toISOString().slice(0, 10);
  const restated = lines.filter((l) => localDay(l) >= '2019-11-10' && localDay(l) <= '2019-11-19').map((l) => {
    const cells = l.split('\t');
    cells[quantity] = String(Number(cells[quantity]) + 1);
    return cells.join('\t');
  });
  const path = join(dir, 'restated.txt');
  writeFileSync(path, [header, ...restated].join('\n') + '\n');
  return path;
}

describe.skipIf(!haveSharedFixtures)('undo after a restating import', () => {
  test('every metric by ASIN × date and by ASIN is as before, from the sources and from the rollup', async () => {
    const db = await Database.open(join(dir, 'undo.duckdb'));
    try {
      setRollupMinRows(db, 0);
      const [first] = (await importFiles(db, [original])).files;
      expect(first?.status, first?.error ?? '').toBe('imported');
      await freshRollup(db);
      const before = [await ask(db, ['asin', 'date']), await ask(db, ['asin'])];

      const [second] = (await importFiles(db, [restating()])).files;
      expect(second?.status, second?.error ?? '').toBe('imported');
      await freshRollup(db);
      // the restating file changed units: each of its lines one more
      const restatedUnits = await db.all('SELECT sum(quantity) AS units, count(*) AS n FROM order_items WHERE import_id = 2');
      const replacedUnits = await db.all('SELECT sum(quantity) AS units, count(*) AS n FROM removed_order_items WHERE removed_by = 2');
      expect(replacedUnits[0]?.n).toBe(restatedUnits[0]?.n);
      expect(Number(restatedUnits[0]?.units) - Number(replacedUnits[0]?.units)).toBe(Number(restatedUnits[0]?.n));
      expect(await ask(db, ['asin', 'date'])).not.toEqual(before[0]);

      const imports = await runOperation(db, 'imports_list', {});
      expect(imports.imports.map((i) => [i.id, i.replaced, i.undone])).toEqual([[2, Number(replacedUnits[0]?.n), false], [1, 0, false]]);
      const undone = await runOperation(db, 'imports_undo', { id: 2 });
      expect(undone).toEqual({ undone: 2, restored: Number(replacedUnits[0]?.n), removed: Number(restatedUnits[0]?.n) });
      // the undo rebuilt the rollup (rows of an earlier import came back)
      expect(lastRollupRefresh(db)).toBe('rebuilt');
      expect([await ask(db, ['asin', 'date']), await ask(db, ['asin'])]).toEqual(before);
      setRollupMinRows(db, Infinity);
      expect([await ask(db, ['asin', 'date']), await ask(db, ['asin'])]).toEqual(before);
    } finally {
      db.close();
    }
  }, 120_000);
});
