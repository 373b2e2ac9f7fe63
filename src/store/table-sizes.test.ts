import { DuckDBTimestampValue } from '@duckdb/node-api';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { Database } from './database.ts';
import { tableSizes } from './table-sizes.ts';

/** What derived data is checked against (the rollup, product facts) must move with every write, and only then. */
let db: Database;
beforeEach(async () => {
  db = await Database.open(':memory:');
});
afterEach(() => db.close());

test('dataVersion moves with statements that may write and around transactions, not with reads', async () => {
  const start = db.dataVersion;
  await db.all('SELECT count(*) FROM traffic');
  await db.run('SET threads = 2');
  expect(db.dataVersion).toBe(start);
  await db.run("INSERT INTO stores (name) VALUES ('a') ON CONFLICT DO NOTHING");
  const afterRun = db.dataVersion;
  expect(afterRun).toBeGreaterThan(start);
  // an INSERT … RETURNING read through `all` is a write too
  await db.all("INSERT INTO stores (name) VALUES ('b') ON CONFLICT DO NOTHING RETURNING name");
  expect(db.dataVersion).toBeGreaterThan(afterRun);
  const beforeTransaction = db.dataVersion;
  // the importers' appenders write on the writing connection itself, inside a transaction
  await db.transaction(async () => {
    const appender = await db.appender('stores');
    appender.appendVarchar('c');
    appender.appendTimestamp(new DuckDBTimestampValue(0n));
    appender.endRow();
    appender.closeSync();
  });
  expect(db.dataVersion).toBeGreaterThan(beforeTransaction);
  const beforeRollback = db.dataVersion;
  await expect(db.transaction(async () => { throw new Error('bad file'); })).rejects.toThrow('bad file');
  expect(db.dataVersion).toBeGreaterThan(beforeRollback);
});

test('table sizes are counted again only after a write', async () => {
  const first = await tableSizes(db, ['stores', 'traffic']);
  expect(await tableSizes(db, ['stores', 'traffic'])).toBe(first); // the same answer, not asked again
  await db.run("INSERT INTO stores (name) VALUES ('new') ON CONFLICT DO NOTHING");
  const second = await tableSizes(db, ['stores', 'traffic']);
  expect(second).not.toBe(first);
  expect(Number(second.counts[0])).toBe(Number(first.counts[0]) + 1);
  expect(second.counts[1]).toBe(first.counts[1]);
});

test('sizes counted inside a write (its own rows, not committed) are never given to a reader', async () => {
  const before = await tableSizes(db, ['stores']);
  let release = () => {};
  const held = new Promise<void>((resolve) => { release = resolve; });
  let counted = () => {};
  const inside = new Promise<void>((resolve) => { counted = resolve; });
  const writing = db.transaction(async () => {
    await db.run("INSERT INTO stores (name) VALUES ('open') ON CONFLICT DO NOTHING");
    // the write sees its own row: one more
    expect(Number((await tableSizes(db, ['stores'])).counts[0])).toBe(Number(before.counts[0]) + 1);
    counted();
    await held;
  });
  await inside;
  // a reader meanwhile: the committed count, though nothing was written since the write counted
  expect((await tableSizes(db, ['stores'])).counts).toEqual(before.counts);
  release();
  await writing;
  expect(Number((await tableSizes(db, ['stores'])).counts[0])).toBe(Number(before.counts[0]) + 1);
});
