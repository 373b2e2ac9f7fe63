import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { AsterismError } from '../domain/errors.ts';
import { say } from '../domain/messages.ts';

/**
 * Secrets at rest (refresh tokens, client secrets, webhook URLs and signing secrets): AES-256-GCM, each
 * sealed value with its own random 96-bit nonce and bound to where it is stored (the additional data), so
 * a sealed value copied into another row does not open. The key is `$ASTERISM_SECRET_KEY` (32 bytes, hex
 * or base64) or a key file created beside the database with mode 0600 on first use. Node's crypto:
 * https://nodejs.org/api/crypto.html#class-cipher (GCM nonce and tag sizes: NIST SP 800-38D).
 */
export interface SecretBox {
  /** `v1:` + base64(nonce ‖ tag ‖ ciphertext) */
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
}

const version = 'v1:';
const nonceBytes = 12;
const tagBytes = 16;

/** The box for a database file (`:memory:` databases get a key that lives as long as the process). */
export function secretBox(databasePath: string, env: NodeJS.ProcessEnv = process.env): SecretBox {
  const key = secretKey(databasePath, env);
  return {
    seal(plain, context) {
      const nonce = randomBytes(nonceBytes);
      const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: tagBytes });
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return version + Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64');
    },
    open(sealed, context) {
      if (!sealed.startsWith(version)) throw unreadable();
      const raw = Buffer.from(sealed.slice(version.length), 'base64');
      if (raw.length < nonceBytes + tagBytes) throw unreadable();
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, nonceBytes), { authTagLength: tagBytes });
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(raw.subarray(nonceBytes, nonceBytes + tagBytes));
        return Buffer.concat([decipher.update(raw.subarray(nonceBytes + tagBytes)), decipher.final()]).toString('utf8');
      } catch {
        throw unreadable();
      }
    },
  };
}

/**
 * Personal data never kept (issue 23): a customer's e-mail becomes HMAC-SHA-256 under a key derived (HKDF) from the
 * same installation key, so the same customer gets the same pseudonym across imports, and nobody without the key can
 * recompute it from a list of addresses. `context` names what is hashed (e.g. `customer:email`).
 */
export function keyedHash(databasePath: string, env: NodeJS.ProcessEnv = process.env): (value: string, context: string) => string {
  const key = Buffer.from(hkdfSync('sha256', secretKey(databasePath, env), Buffer.alloc(0), 'asterism personal data v1', 32));
  return (value, context) => createHmac('sha256', key).update(context).update('\0').update(value).digest('base64url');
}

/** The key file's path for a database: beside it, so a backup of the folder keeps both. */
export const keyFilePath = (databasePath: string): string => `${databasePath}.key`;

const memoryKey = randomBytes(32);

function secretKey(databasePath: string, env: NodeJS.ProcessEnv): Buffer {
  const given = env.ASTERISM_SECRET_KEY?.trim();
  if (given) return parseKey(given) ?? fail(new AsterismError('bad_request', say('secret_key_bad')));
  if (databasePath === ':memory:') return memoryKey;
  const path = keyFilePath(databasePath);
  try {
    writeFileSync(path, randomBytes(32).toString('base64') + '\n', { flag: 'wx', mode: 0o600 });
    chmodSync(path, 0o600); // the umask may have taken bits away, never added: this makes it exact
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const key = parseKey(readFileSync(path, 'utf8').trim());
  const othersMayRead = process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0;
  if (!key || othersMayRead) throw new AsterismError('bad_request', say('secret_key_file_bad', { path }));
  return key;
}

function parseKey(text: string): Buffer | undefined {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/]{43}=?$/.test(text)) {
    const key = Buffer.from(text, 'base64');
    if (key.length === 32) return key;
  }
  return undefined;
}

const unreadable = (): AsterismError => new AsterismError('bad_request', say('secret_unreadable'));

function fail(e: AsterismError): never {
  throw e;
}
