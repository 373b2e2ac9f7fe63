import type { Database } from '../store/database.ts';

/**
 * Answers to the dashboard's heavy read questions (KPI status, profit, funnel, diagnosis), remembered until the
 * database is written (`dataVersion` moves) or the quarter hour ends (their "today" is a marketplace's date, and
 * every zone's date turns on a quarter hour): twenty people opening the same page ask the same question, and
 * a KPI status costs seconds of CPU (a metric query per target). Bounded: the oldest answers go first.
 * A copy is handed out each time, so no caller can change what the next one gets.
 */
const most = 64;
const quarterHourMs = 15 * 60 * 1000;

interface Entry { version: number; quarter: number; value: Promise<unknown> }
const answers = new WeakMap<Database, Map<string, Entry>>();

export function rememberedAnswer<T>(db: Database, key: string, answer: () => Promise<T>): Promise<T> {
  // inside a write, its own uncommitted rows would be remembered for readers: asked afresh
  if (db.writing) return answer();
  let known = answers.get(db);
  if (!known) answers.set(db, (known = new Map()));
  const quarter = Math.floor(Date.now() / quarterHourMs);
  const hit = known.get(key);
  if (hit && hit.version === db.dataVersion && hit.quarter === quarter) return hit.value.then((v) => structuredClone(v) as T);
  const entry: Entry = { version: db.dataVersion, quarter, value: answer() };
  known.delete(key);
  known.set(key, entry);
  for (const oldest of known.keys()) {
    if (known.size <= most) break;
    known.delete(oldest);
  }
  entry.value.catch(() => { if (known.get(key) === entry) known.delete(key); });
  return entry.value.then((v) => structuredClone(v) as T);
}
