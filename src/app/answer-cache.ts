import { todayIn } from '../domain/local-date.ts';
import { marketplaces } from '../domain/marketplaces.ts';
import type { Database } from '../store/database.ts';

/**
 * Answers to the dashboard's heavy read questions (KPI status, profit, funnel, diagnosis), remembered until the
 * database is written (`dataVersion` moves) or the date turns in a zone they may read "today" in (a marketplace's,
 * UTC, this machine's): twenty people opening the same page ask the same question, and
 * a KPI status costs seconds of CPU (a metric query per target). Bounded: the oldest answers go first.
 * A copy is handed out each time, so no caller can change what the next one gets.
 */
const most = 64;
const zones = [...new Set(['UTC', Intl.DateTimeFormat().resolvedOptions().timeZone, ...marketplaces.map((m) => m.timeZone)])];
const todays = () => zones.map((zone) => todayIn(zone)).join(',');

interface Entry { version: number; days: string; value: Promise<unknown> }
const answers = new WeakMap<Database, Map<string, Entry>>();

export function rememberedAnswer<T>(db: Database, key: string, answer: () => Promise<T>): Promise<T> {
  // inside a write, its own uncommitted rows would be remembered for readers: asked afresh
  if (db.writing) return answer();
  let known = answers.get(db);
  if (!known) answers.set(db, (known = new Map()));
  const days = todays();
  const hit = known.get(key);
  if (hit && hit.version === db.dataVersion && hit.days === days) return hit.value.then((v) => structuredClone(v) as T);
  const entry: Entry = { version: db.dataVersion, days, value: answer() };
  known.delete(key);
  known.set(key, entry);
  for (const oldest of known.keys()) {
    if (known.size <= most) break;
    known.delete(oldest);
  }
  entry.value.catch(() => { if (known.get(key) === entry) known.delete(key); });
  return entry.value.then((v) => structuredClone(v) as T);
}
