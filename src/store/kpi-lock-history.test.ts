import { expect, test } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { Database } from './database.ts';
import { archiveKpiLock } from './kpi-lock-history.ts';
import { saveKpiLock, type KpiLockInput } from './kpi-locks.ts';
import { migrate } from './migrations.ts';
import { canonicalSchema } from './migrations/001-canonical-schema.ts';
import { eventNotesAndBenchmarkOverrides } from './migrations/002-event-notes-and-benchmark-overrides.ts';
import { kpiPeriodsAndLocks } from './migrations/003-kpi-periods-and-locks.ts';

test('migration 6 keeps a lock made before it as version 1, with its lock event (by an unknown user)', async () => {
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  // a database at schema 3 with one locked period
  await connection.run(canonicalSchema);
  await connection.run(eventNotesAndBenchmarkOverrides);
  await connection.run(kpiPeriodsAndLocks);
  await connection.run(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp);
    INSERT INTO schema_migrations (version) VALUES (1), (2), (3);
    INSERT INTO kpi_locks (period, kind, date_from, date_to, as_of, findings, locked_at)
      VALUES ('2026-09', 'month', '2026-09-01', '2026-09-30', '2026-09-30', '[]', TIMESTAMP '2026-10-05 08:00:00');
    INSERT INTO kpi_locked_rows (period, position, kpi, scope, target, actual, expected_to_date, status, pacing)
      VALUES ('2026-09', 0, 'sales', '{}', 1500, 1625, 1, 'ahead', 'linear');`);
  // (migrations numbered 4 and 5 belong to other work; only 6 is asserted here)
  expect(await migrate(connection)).toContain(6);
  const read = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson();
  expect(await read('SELECT period, version, locked_by FROM kpi_locks')).toEqual([{ period: '2026-09', version: 1, locked_by: null }]);
  expect(await read("SELECT period, version, action, user_name, CAST(happened_at AS VARCHAR) AS at, restated_by FROM kpi_lock_events")).toEqual([
    { period: '2026-09', version: 1, action: 'lock', user_name: null, at: '2026-10-05 08:00:00', restated_by: '[]' },
  ]);
  expect(await read('SELECT no_data_reason FROM kpi_locked_rows')).toEqual([{ no_data_reason: null }]);
});

test('two locks, or two unlocks, of one period at once: the second, having waited its turn, is refused and writes nothing', async () => {
  const db = await Database.open(':memory:');
  try {
    const lock: KpiLockInput = {
      period: '2026-09', kind: 'month', from: '2026-09-01', to: '2026-09-30', as_of: '2026-09-30', currency: null,
      rows: [], scores: [], findings: [], imports: [], locked_by: 'ana',
    };
    const locks = await Promise.allSettled([saveKpiLock(db, lock), saveKpiLock(db, { ...lock, locked_by: 'bo' })]);
    expect(locks.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(String((locks[1] as PromiseRejectedResult).reason)).toMatch(/was locked at/);
    const unlock = { period: '2026-09', user: 'ana', reason: 'restated', restatedBy: [] };
    const unlocks = await Promise.allSettled([archiveKpiLock(db, unlock), archiveKpiLock(db, { ...unlock, user: 'bo' })]);
    expect(unlocks.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(String((unlocks[1] as PromiseRejectedResult).reason)).toMatch(/not locked/);
    // one lock and one unlock, both by the first to ask
    expect(await db.all('SELECT action, user_name FROM kpi_lock_events ORDER BY id')).toEqual([
      { action: 'lock', user_name: 'ana' }, { action: 'unlock', user_name: 'ana' },
    ]);
  } finally {
    db.close();
  }
});
