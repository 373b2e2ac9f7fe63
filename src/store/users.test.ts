import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { hash } from '@node-rs/argon2';
import { Database } from './database.ts';
import { createSession, createToken, digest, endSession, revokeToken, sessionUser, tokenUser } from './sessions.ts';
import { addUser, checkLogin, maxFailedLogins, removeUser, resetPassword, userCount } from './users.ts';
import { appendAudit, listAudit } from './audit-log.ts';

let db: Database;
beforeEach(async () => {
  db = await Database.open(':memory:');
});
afterEach(() => db.close());

describe('users, sessions and tokens', () => {
  test('a password is kept as an argon2id hash; a wrong one is refused', async () => {
    await addUser(db, { name: 'li', role: 'operator', password: 'twelve chars!', stores: ['acme-home'], ownerScope: '李娜' });
    const [row] = await db.all('SELECT password_hash, stores, owner_scope FROM users');
    expect(String(row?.password_hash)).toMatch(/^\$argon2id\$/);
    expect(String(row?.password_hash)).not.toContain('twelve chars!');
    expect(row?.stores).toEqual(['acme-home']);
    expect((await checkLogin(db, 'li', 'twelve chars!')).ok).toBe(true);
    expect(await checkLogin(db, 'li', 'twelve chars?')).toEqual({ ok: false, reason: 'wrong' });
    await expect(addUser(db, { name: 'li', role: 'viewer', password: 'twelve chars!' })).rejects.toThrow(/already exists/);
    await expect(addUser(db, { name: 'x', role: 'boss', password: 'twelve chars!' })).rejects.toThrow(/role "boss"/);
    await expect(addUser(db, { name: 'y', role: 'viewer', password: 'short' })).rejects.toThrow(/at least 12/);
  });

  test('new passwords and resets need 12 characters (ASVS 2.1.1); one set earlier under the old 10 still signs in', async () => {
    // 11 characters: refused in both languages; 12: taken
    await expect(addUser(db, { name: 'wh', role: 'warehouse', password: 'eleven char' })).rejects.toThrow('the password needs at least 12 characters');
    await expect(addUser(db, { name: 'wh', role: 'warehouse', password: 'eleven char' })).rejects.toMatchObject({ texts: { zh: '密码至少需要 12 个字符' } });
    await addUser(db, { name: 'wh', role: 'warehouse', password: 'twelve chars' });
    await expect(resetPassword(db, 'wh', 'eleven char')).rejects.toThrow(/at least 12/);
    expect((await checkLogin(db, 'wh', 'twelve chars')).ok).toBe(true);
    // a user whose 10-character password was set before the rule: its hash is kept, and it still signs in
    await db.run('UPDATE users SET password_hash = $1 WHERE name = $2', [await hash('ten chars!'), 'wh']);
    expect((await checkLogin(db, 'wh', 'ten chars!')).ok).toBe(true);
  });

  test(`${maxFailedLogins} wrong passwords lock the user out; a reset lifts it`, async () => {
    await addUser(db, { name: 'cs', role: 'customer_service', password: 'right password' });
    for (let i = 0; i < maxFailedLogins; i++) expect((await checkLogin(db, 'cs', 'wrong')).ok).toBe(false);
    expect((await checkLogin(db, 'cs', 'right password')).ok).toBe(false);
    expect(await checkLogin(db, 'cs', 'right password')).toMatchObject({ reason: 'locked' });
    await resetPassword(db, 'cs', 'another password');
    expect((await checkLogin(db, 'cs', 'another password')).ok).toBe(true);
  });

  test('sessions and tokens are kept only as hashes, end at logout, revocation and removal', async () => {
    await addUser(db, { name: 'boss', role: 'owner', password: 'right password' });
    const session = await createSession(db, 'boss');
    expect(await sessionUser(db, session.id)).toBe('boss');
    expect((await db.all('SELECT id_hash FROM sessions'))[0]?.id_hash).toBe(digest(session.id));
    await endSession(db, session.id);
    expect(await sessionUser(db, session.id)).toBeUndefined();
    const { token, entry } = await createToken(db, 'boss');
    expect(await tokenUser(db, token)).toBe('boss');
    expect(await revokeToken(db, entry.id)).toBe(true);
    expect(await tokenUser(db, token)).toBeUndefined();
    const second = await createToken(db, 'boss', 1);
    await removeUser(db, 'boss');
    expect(await tokenUser(db, second.token)).toBeUndefined();
    expect(await userCount(db)).toBe(0);
  });

  test('the audit log lists entries newest first with UTC times', async () => {
    await appendAudit(db, { user: 'a', origin: 'cli', action: 'kpi_lock', target: 'period=2026-10', detail: null });
    await appendAudit(db, { user: 'b', origin: '127.0.0.1', action: 'costs_set', target: 'sku=X', detail: '{"sku":"X"}' });
    const entries = await listAudit(db);
    expect(entries.map((e) => e.action)).toEqual(['costs_set', 'kpi_lock']);
    expect(entries[0]?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(await listAudit(db, { user: 'a' })).toHaveLength(1);
  });
});
