import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { Database } from './database.ts';
import { tableSizes } from './table-sizes.ts';

/** One writer at a time, reads that never see half a write, and a commit before the answer. */
let dir: string;
let db: Database;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-db-'));
  db = await Database.open(join(dir, 'a.duckdb'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => { open = resolve; });
  return { opened, open };
}

const stores = async () => (await db.all("SELECT name FROM stores WHERE name <> 'default' ORDER BY name")).map((r) => r.name);
const addStore = (name: string) => db.run('INSERT INTO stores (name) VALUES ($1)', [name]);

test('a read while a write is open answers at once, from the last committed state', async () => {
  const hold = gate();
  const inside = gate();
  const writing = db.transaction(async () => {
    await addStore('half');
    // inside the write, its own row is seen (statements join the write's turn, on its connection)
    expect(await stores()).toEqual(['half']);
    inside.open();
    await hold.opened;
  });
  await inside.opened;
  // the write is still open (it waits on `hold`): the read is not blocked and does not see its row
  expect(await stores()).toEqual([]);
  hold.open();
  await writing;
  expect(await stores()).toEqual(['half']);
});

test('writes asked while a write runs wait their turn; each is committed before it answers', async () => {
  const hold = gate();
  const order: string[] = [];
  const first = db.transaction(async () => {
    await addStore('first');
    await hold.opened;
    order.push('first');
  });
  // a plain statement, a transaction and an INSERT … RETURNING: all writes, all queued behind `first`
  const second = addStore('second').then(() => order.push('second'));
  const third = db.transaction(async () => { await addStore('third'); }).then(() => order.push('third'));
  const fourth = db.all("INSERT INTO stores (name) VALUES ('fourth') RETURNING name").then(() => order.push('fourth'));
  await new Promise(setImmediate);
  expect(order).toEqual([]);
  hold.open();
  await Promise.all([first, second, third, fourth]);
  expect(order).toEqual(['first', 'second', 'third', 'fourth']);
  // committed: another process opening the file after the answers finds every row
  db.close();
  db = await Database.open(join(dir, 'a.duckdb'));
  expect(await stores()).toEqual(['first', 'fourth', 'second', 'third']);
});

test('a failed write leaves nothing, and the next write is not disturbed', async () => {
  const failed = db.transaction(async () => {
    await addStore('lost');
    await addStore('lost'); // the primary key refuses the second
  });
  const next = addStore('kept');
  await expect(failed).rejects.toThrow(/lost/);
  await next;
  expect(await stores()).toEqual(['kept']);
});

test('statements and transactions inside a write join it instead of waiting for it', async () => {
  await db.transaction(async () => {
    await addStore('outer');
    await db.transaction(async () => { await addStore('inner'); });
    const appender = await db.appender('replace_probe_free');
    appender.closeSync();
  }).catch(() => undefined); // no such table: the appender is refused by DuckDB, so the whole write goes
  expect(await stores()).toEqual([]);
  await db.transaction(async () => {
    await db.run('CREATE TEMP TABLE keys (key VARCHAR)');
    const appender = await db.appender('keys');
    appender.appendVarchar('B0TEST0001');
    appender.endRow();
    appender.closeSync();
    // a temporary table lives on the writing connection: read there, inside the write
    await db.run('INSERT INTO stores (name) SELECT key FROM keys');
    await db.transaction(async () => { await addStore('inner'); });
  });
  expect(await stores()).toEqual(['B0TEST0001', 'inner']);
});

test('an appender outside a write is refused: its rows would be committed by nobody; so is a BEGIN of one\'s own', async () => {
  await expect(db.appender('stores')).rejects.toThrow(/outside a write transaction/);
  await expect(db.run('BEGIN TRANSACTION')).rejects.toThrow(/db\.transaction/);
  await expect(db.transaction(() => db.run('COMMIT'))).rejects.toThrow(/db\.transaction/);
});

test('work a write left running after its turn queues again instead of writing outside it', async () => {
  let late: Promise<number> | undefined;
  const released = gate();
  await db.transaction(async () => {
    late = released.opened.then(() => addStore('late'));
  });
  const hold = gate();
  const blocking = db.transaction(() => hold.opened);
  released.open();
  await new Promise(setImmediate);
  // the late statement waits behind the running write rather than joining a turn that has ended
  expect(await stores()).toEqual([]);
  hold.open();
  await blocking;
  await late;
  expect(await stores()).toEqual(['late']);
});

test('reads inside a snapshot all see the state it began in, whatever commits between them; table sizes too', async () => {
  await addStore('before');
  const answers = await db.snapshot(async () => {
    const first = await stores();
    const sizesBefore = await tableSizes(db, ['stores']);
    // a write commits between two reads of the same question (outside the snapshot: its own turn)
    await addStore('during');
    expect(await tableSizes(db, ['stores'])).toEqual(sizesBefore);
    return [first, await stores(), db.inSnapshot];
  });
  // 'default' + 'before' = 2 rows counted in the snapshot, before and after the commit
  expect(answers).toEqual([['before'], ['before'], true]);
  // outside, the next question sees the commit, and the remembered table size moved with it: 3 rows
  expect(await stores()).toEqual(['before', 'during']);
  expect((await tableSizes(db, ['stores'])).counts).toEqual(['3']);
  expect(db.inSnapshot).toBe(false);
});
