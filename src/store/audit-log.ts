import type { Database } from './database.ts';

/** One change: who, when, from where (an address, or `cli` on this machine), what and on what. */
export interface AuditEntry {
  at: string;
  user: string;
  origin: string;
  action: string;
  target: string | null;
  detail: string | null;
}

/** Appends one entry; the log is only ever appended to. */
export async function appendAudit(db: Database, entry: Omit<AuditEntry, 'at'>): Promise<void> {
  await db.run('INSERT INTO audit_log (user_name, origin, action, target, detail) VALUES ($1, $2, $3, $4, $5)', [
    entry.user, entry.origin, entry.action, entry.target, entry.detail,
  ]);
}

export async function listAudit(db: Database, filter: { user?: string | undefined; action?: string | undefined; limit?: number | undefined } = {}): Promise<AuditEntry[]> {
  const where: string[] = [];
  const params: string[] = [];
  if (filter.user) where.push(`user_name = $${params.push(filter.user)}`);
  if (filter.action) where.push(`action = $${params.push(filter.action)}`);
  const limit = Math.min(Math.max(filter.limit ?? 1000, 1), 10_000);
  const rows = await db.all(
    `SELECT strftime(changed_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS "at", user_name, origin, action, target, detail FROM audit_log
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ${limit}`, params,
  );
  return rows.map((r) => ({
    at: String(r.at), user: String(r.user_name), origin: String(r.origin), action: String(r.action),
    target: r.target === null ? null : String(r.target), detail: r.detail === null ? null : String(r.detail),
  }));
}
