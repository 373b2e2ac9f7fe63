import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * While `asterism serve` runs, `<db>.token` (mode 0600: the OS user who started it, and root) holds a token that
 * lets that user's CLI on this machine act as the owner through the server (issue 20). It dies with the server.
 */
export const localTokenPath = (dbPath: string): string => `${dbPath}.token`;

export function writeLocalToken(dbPath: string): string {
  const token = `local_${randomBytes(32).toString('base64url')}`;
  rmSync(localTokenPath(dbPath), { force: true }); // a file left by another user would keep its owner and mode
  writeFileSync(localTokenPath(dbPath), token, { mode: 0o600, flag: 'wx' });
  return token;
}

export function readLocalToken(dbPath: string): string | undefined {
  try {
    return readFileSync(localTokenPath(dbPath), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

export function removeLocalToken(dbPath: string): void {
  rmSync(localTokenPath(dbPath), { force: true });
}
