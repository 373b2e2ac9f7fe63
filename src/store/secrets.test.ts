import { mkdtempSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyFilePath, secretBox } from './secrets.ts';

const folder = (): string => mkdtempSync(join(tmpdir(), 'asterism-secrets-'));

describe('secretBox', () => {
  it('creates a 0600 key file beside the database on first use and opens what it sealed', () => {
    const db = join(folder(), 'shop.duckdb');
    const box = secretBox(db, {});
    const sealed = box.seal('Atzr|refresh-token', 'connection:S1:refresh_token');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('refresh-token');
    expect(statSync(keyFilePath(db)).mode & 0o777).toBe(0o600);
    // a second box (another process) reads the same key file
    expect(secretBox(db, {}).open(sealed, 'connection:S1:refresh_token')).toBe('Atzr|refresh-token');
  });

  it('seals the same text differently each time (a fresh nonce)', () => {
    const box = secretBox(':memory:', {});
    expect(box.seal('x', 'c')).not.toBe(box.seal('x', 'c'));
  });

  it('refuses a value moved to another row, tampered with, or opened with another key', () => {
    const db = join(folder(), 'a.duckdb');
    const box = secretBox(db, {});
    const sealed = box.seal('secret', 'channel:ops:url');
    expect(() => box.open(sealed, 'channel:other:url')).toThrow(/cannot be opened/);
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw.writeUInt8(raw.readUInt8(raw.length - 1) ^ 1, raw.length - 1);
    expect(() => box.open(`v1:${raw.toString('base64')}`, 'channel:ops:url')).toThrow(/cannot be opened/);
    expect(() => secretBox(join(folder(), 'b.duckdb'), {}).open(sealed, 'channel:ops:url')).toThrow(/cannot be opened/);
  });

  it('takes the key from ASTERISM_SECRET_KEY (hex or base64) and refuses a key of the wrong size', () => {
    const hex = 'ab'.repeat(32);
    const base64 = Buffer.from(hex, 'hex').toString('base64');
    const sealed = secretBox(':memory:', { ASTERISM_SECRET_KEY: hex }).seal('t', 'c');
    expect(secretBox(join(folder(), 'c.duckdb'), { ASTERISM_SECRET_KEY: base64 }).open(sealed, 'c')).toBe('t');
    expect(() => secretBox(':memory:', { ASTERISM_SECRET_KEY: 'short' })).toThrow(/32 bytes/);
  });

  it('refuses a key file others can read', () => {
    const db = join(folder(), 'd.duckdb');
    secretBox(db, {});
    chmodSync(keyFilePath(db), 0o644);
    expect(() => secretBox(db, {})).toThrow(/0600/);
    writeFileSync(keyFilePath(db), 'not a key\n', { mode: 0o600 });
    chmodSync(keyFilePath(db), 0o600);
    expect(() => secretBox(db, {})).toThrow(/32-byte/);
    expect(readFileSync(keyFilePath(db), 'utf8')).toBe('not a key\n');
  });
});
