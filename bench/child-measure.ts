import { rmSync } from 'node:fs';
import { Database } from '../src/store/database.ts';

/**
 * A benchmark child process's one measurement: `work` on a fresh database file, then one JSON line
 * {case, seconds, rows, maxRssMb} (the process's own peak RSS) for the parent to read.
 */
export async function measureOnFreshDatabase(which: string, dbPath: string, work: (db: Database) => Promise<number>): Promise<void> {
  rmSync(dbPath, { force: true });
  rmSync(`${dbPath}.wal`, { force: true });
  const db = await Database.open(dbPath);
  const started = performance.now();
  const rows = await work(db);
  const seconds = (performance.now() - started) / 1000;
  db.close();
  console.log(JSON.stringify({ case: which, seconds, rows, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}
