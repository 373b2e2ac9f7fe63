import { createHash, randomBytes } from 'node:crypto';
import type { Database } from './database.ts';

/** Sessions and API tokens are random values shown once; only their SHA-256 is kept. */
export const digest = (secret: string): string => createHash('sha256').update(secret).digest('hex');
const secret = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;

/** How long a login lasts. */
export const sessionHours = 12;

export async function createSession(db: Database, user: string): Promise<{ id: string; expiresAt: string }> {
  const id = secret('');
  const rows = await db.transaction(async () => {
    await db.run('DELETE FROM sessions WHERE expires_at <= current_timestamp');
    await db.run(`INSERT INTO sessions (id_hash, user_name, expires_at) VALUES ($1, $2, current_timestamp + INTERVAL ${sessionHours} HOUR)`, [digest(id), user]);
    return db.all('SELECT expires_at FROM sessions WHERE id_hash = $1', [digest(id)]);
  });
  return { id, expiresAt: String(rows[0]?.expires_at) };
}

/** The user of a live session, if any. */
export async function sessionUser(db: Database, id: string): Promise<string | undefined> {
  const row = (await db.all('SELECT user_name FROM sessions WHERE id_hash = $1 AND expires_at > current_timestamp', [digest(id)]))[0];
  return row ? String(row.user_name) : undefined;
}

export async function endSession(db: Database, id: string): Promise<void> {
  await db.run('DELETE FROM sessions WHERE id_hash = $1', [digest(id)]);
}

export interface TokenEntry {
  id: number;
  user: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

/** A token for scripts: answered once, kept as its hash. `expiresDays` unset: until revoked. */
export async function createToken(db: Database, user: string, expiresDays?: number): Promise<{ token: string; entry: TokenEntry }> {
  const token = secret('ast_');
  const id = await db.transaction(async () => {
    await db.run(
      `INSERT INTO api_tokens (token_hash, user_name, expires_at) VALUES ($1, $2, ${expiresDays === undefined ? 'NULL' : `current_timestamp + to_days(CAST($3 AS INTEGER))`})`,
      expiresDays === undefined ? [digest(token), user] : [digest(token), user, expiresDays],
    );
    return Number((await db.all('SELECT id FROM api_tokens WHERE token_hash = $1', [digest(token)]))[0]?.id);
  });
  return { token, entry: (await listTokens(db)).find((t) => t.id === id)! };
}

export async function listTokens(db: Database, user?: string): Promise<TokenEntry[]> {
  const rows = await db.all(
    `SELECT id, user_name, created_at, expires_at, revoked_at FROM api_tokens ${user ? 'WHERE user_name = $1' : ''} ORDER BY id`, user ? [user] : [],
  );
  return rows.map((r) => ({
    id: Number(r.id), user: String(r.user_name), created_at: String(r.created_at),
    expires_at: r.expires_at === null ? null : String(r.expires_at), revoked_at: r.revoked_at === null ? null : String(r.revoked_at),
  }));
}

export async function revokeToken(db: Database, id: number): Promise<boolean> {
  return (await db.run('UPDATE api_tokens SET revoked_at = current_timestamp WHERE id = $1 AND revoked_at IS NULL', [id])) > 0;
}

/** The user of a live token, if any. */
export async function tokenUser(db: Database, token: string): Promise<string | undefined> {
  const row = (await db.all(
    'SELECT user_name FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > current_timestamp)', [digest(token)],
  ))[0];
  return row ? String(row.user_name) : undefined;
}
