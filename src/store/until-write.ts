import type { Database } from './database.ts';

const remembered = new WeakMap<Database, Map<string, { version: number; turn: object | undefined; value: Promise<unknown> }>>();

/** What `read` gives, remembered per database and key until the database may have been written
 * (`dataVersion` moved): for what every question asks and only a write changes. A failed read is
 * forgotten, so the next call reads again. Inside a write's turn `read` sees that write's uncommitted rows:
 * what it gives there is given only to the same turn, never to a reader. Inside a read snapshot nothing is
 * remembered or reused. */
export function untilWrite<T>(db: Database, key: string, read: () => Promise<T>): Promise<T> {
  // a snapshot may be older than what was remembered: it reads its own state
  if (db.inSnapshot) return read();
  let known = remembered.get(db);
  if (!known) remembered.set(db, (known = new Map()));
  const hit = known.get(key);
  const turn = db.writeTurn;
  if (hit && hit.version === db.dataVersion && hit.turn === turn) return hit.value as Promise<T>;
  const entry = { version: db.dataVersion, turn, value: read() };
  known.set(key, entry);
  entry.value.catch(() => { if (known.get(key) === entry) known.delete(key); });
  return entry.value;
}
