import { hash, verify } from '@node-rs/argon2';
import { AsterismError } from '../domain/errors.ts';
import { say } from '../domain/messages.ts';
import { isUserRole, userRoles, type Principal, type UserRole } from '../domain/rights.ts';
import type { Database, SqlRow } from './database.ts';

/** The users of a shared server (issue 20): name, role, scope; the password only as its argon2id hash. */
export interface UserEntry {
  name: string;
  role: UserRole;
  stores: string[];
  marketplaces: string[];
  owner_scope: string | null;
  see_costs: boolean | null;
  created_at: string;
  locked_until: string | null;
}

export interface NewUser {
  name: string;
  role: string;
  password: string;
  stores?: readonly string[];
  marketplaces?: readonly string[];
  ownerScope?: string | null;
  seeCosts?: boolean | null;
}

/** After this many wrong passwords in a row the user is locked out for `lockMinutes`. */
export const maxFailedLogins = 5;
export const lockMinutes = 15;
/** ASVS 2.1.1: new passwords and resets need 12 characters; one set earlier under the old 10 still signs in (only its hash is kept). */
export const minPasswordLength = 12;

const list = (v: readonly string[] | undefined) => (v ?? []).map((s) => s.trim()).filter(Boolean).join(',');
const listSql = (p: string) => `CASE WHEN ${p} = '' THEN []::VARCHAR[] ELSE string_split(${p}, ',') END`;

function checkPassword(password: string): void {
  if (password.length < minPasswordLength) throw new AsterismError('bad_request', say('password_too_short', { min: minPasswordLength }));
}

/** How many users, asked by every request (open mode or sign-in): counted once per process and again after
 * `addUser`/`removeUser`, the only writers of the table (a database file is open in one process only), so a
 * poll during a long import does not wait on a read. */
const counted = new WeakMap<Database, Promise<number>>();

export function userCount(db: Database): Promise<number> {
  let n = counted.get(db);
  if (!n) {
    n = db.all('SELECT count(*) AS n FROM users').then((rows) => Number(rows[0]?.n ?? 0));
    counted.set(db, n);
    n.catch(() => counted.delete(db));
  }
  return n;
}

export async function addUser(db: Database, user: NewUser): Promise<UserEntry> {
  const name = user.name.trim();
  if (!/^[^\s,:]{1,64}$/u.test(name)) throw new AsterismError('bad_request', say('bad_user_name', { value: user.name }));
  if (!isUserRole(user.role)) throw new AsterismError('bad_request', say('bad_user_role', { value: user.role, known: userRoles.join(', ') }));
  checkPassword(user.password);
  const passwordHash = await hash(user.password); // argon2id, the library's default
  await db.transaction(async () => {
    if ((await db.all('SELECT 1 FROM users WHERE name = $1', [name])).length > 0) throw new AsterismError('conflict', say('user_exists', { name }));
    await db.run(
      `INSERT INTO users (name, role, stores, marketplaces, owner_scope, see_costs, password_hash)
       VALUES ($1, $2, ${listSql('$3')}, ${listSql('$4')}, $5, $6, $7)`,
      [name, user.role, list(user.stores), list(user.marketplaces).toUpperCase(), user.ownerScope ?? null, user.seeCosts ?? null, passwordHash],
    );
  }).finally(() => counted.delete(db)); // after the commit: a count from before it is not kept
  return (await findUser(db, name))!;
}

function entryOf(r: SqlRow): UserEntry {
  return {
    name: String(r.name), role: String(r.role) as UserRole, stores: (r.stores as string[] | null) ?? [], marketplaces: (r.marketplaces as string[] | null) ?? [],
    owner_scope: (r.owner_scope as string | null) ?? null, see_costs: (r.see_costs as boolean | null) ?? null,
    created_at: String(r.created_at), locked_until: (r.locked_until as string | null) ?? null,
  };
}

export async function listUsers(db: Database): Promise<UserEntry[]> {
  return (await db.all('SELECT * EXCLUDE (password_hash) FROM users ORDER BY name')).map(entryOf);
}

export async function findUser(db: Database, name: string): Promise<UserEntry | undefined> {
  const row = (await db.all('SELECT * EXCLUDE (password_hash) FROM users WHERE name = $1', [name]))[0];
  return row ? entryOf(row) : undefined;
}

export const principalOf = (u: UserEntry): Principal => ({
  name: u.name, role: u.role, stores: u.stores, marketplaces: u.marketplaces, ownerScope: u.owner_scope, seeCosts: u.see_costs,
});

/** Removes the user, their sessions and tokens; what they did stays in the audit log. */
export async function removeUser(db: Database, name: string): Promise<boolean> {
  return db.transaction(async () => {
    const removed = await db.run('DELETE FROM users WHERE name = $1', [name]);
    await db.run('DELETE FROM sessions WHERE user_name = $1', [name]);
    await db.run('UPDATE api_tokens SET revoked_at = current_timestamp WHERE user_name = $1 AND revoked_at IS NULL', [name]);
    return removed > 0;
  }).finally(() => counted.delete(db));
}

/** A new password; the user's sessions end and a lock-out is lifted. */
export async function resetPassword(db: Database, name: string, password: string): Promise<boolean> {
  checkPassword(password);
  const passwordHash = await hash(password);
  return db.transaction(async () => {
    const changed = await db.run('UPDATE users SET password_hash = $2, failed_logins = 0, locked_until = NULL WHERE name = $1', [name, passwordHash]);
    await db.run('DELETE FROM sessions WHERE user_name = $1', [name]);
    return changed > 0;
  });
}

export type LoginCheck = { ok: true; user: UserEntry } | { ok: false; reason: 'wrong' | 'locked'; until?: string };

/**
 * Checks a name and password. A wrong password counts towards the lock-out; while locked, even the right one is
 * refused. An unknown name costs the same hashing work as a known one (no telling names apart by time).
 */
export async function checkLogin(db: Database, name: string, password: string): Promise<LoginCheck> {
  const row = (await db.all('SELECT password_hash, locked_until, locked_until > current_timestamp AS locked FROM users WHERE name = $1', [name]))[0];
  if (!row) {
    await hash(password);
    return { ok: false, reason: 'wrong' };
  }
  if (row.locked === true) return { ok: false, reason: 'locked', until: String(row.locked_until) };
  if (await verify(String(row.password_hash), password)) {
    await db.run('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE name = $1', [name]);
    return { ok: true, user: (await findUser(db, name))! };
  }
  await db.run(
    `UPDATE users SET failed_logins = failed_logins + 1,
       locked_until = CASE WHEN failed_logins + 1 >= ${maxFailedLogins} THEN current_timestamp + INTERVAL ${lockMinutes} MINUTE ELSE NULL END
     WHERE name = $1`,
    [name],
  );
  return { ok: false, reason: 'wrong' };
}
