import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LocalAsterism } from '../../src/app/local.ts';

/**
 * `asterism serve --tls-cert --tls-key` (issue 20, ASVS 9.1.1): a certificate made for this test by the openssl
 * binary (Node cannot write an X.509 certificate by itself); HTTPS answers with HSTS and a Secure session cookie,
 * only a client trusting that certificate connects, and plain HTTP on the TLS port gets no answer.
 */
const dir = mkdtempSync(join(tmpdir(), 'asterism-tls-'));
const [certPath, keyPath] = [join(dir, 'cert.pem'), join(dir, 'key.pem')];
const made = spawnSync('openssl', [
  'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
  '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', keyPath, '-out', certPath,
], { encoding: 'utf8' });
const haveCert = made.status === 0;
if (!haveCert) console.warn(`serve-tls.test.ts skipped: the openssl binary could not make a certificate (${made.error?.message ?? made.stderr})`);

let server: ChildProcess | undefined;
let url: string;
const dbPath = join(dir, 'tls.duckdb');

function startServe(): Promise<string> {
  return new Promise((done, fail) => {
    server = spawn(process.execPath, [resolve('bin/asterism.js'), 'serve', '--port', '0', '--host', '127.0.0.1', '--db', dbPath, '--tls-cert', certPath, '--tls-key', keyPath],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    server.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const at = /at (https:\/\/\S+)/.exec(out)?.[1];
      if (at) done(at);
    });
    server.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    server.on('exit', (code) => fail(new Error(`serve exited ${code}: ${out}`)));
  });
}

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };
function ask(client: typeof httpsRequest | typeof httpRequest, path: string, o: { method?: string; headers?: Record<string, string>; body?: string; ca?: Buffer } = {}): Promise<Answer> {
  const u = new URL(path, url);
  return new Promise((done, fail) => {
    const req = client({ host: u.hostname, port: u.port, path: u.pathname, method: o.method ?? 'GET', headers: o.headers, ...(o.ca ? { ca: o.ca } : {}) }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', fail);
    req.setTimeout(10_000, () => req.destroy(new Error('no answer')));
    req.end(o.body);
  });
}

beforeAll(async () => {
  if (!haveCert) return;
  const api = await LocalAsterism.open(dbPath);
  await api.run('users_add', { name: 'boss', role: 'owner', password: 'boss-password-1' });
  await api.close();
  url = await startServe();
}, 120_000);
afterAll(async () => {
  if (server && server.exitCode === null) {
    const stopped = new Promise((done) => server?.once('exit', done));
    server.kill('SIGTERM');
    await stopped;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!haveCert)('serving over TLS', () => {
  test('HTTPS with the certificate as CA: HSTS on every answer, a Secure, HttpOnly, SameSite=Strict session cookie', async () => {
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const ca = readFileSync(certPath);
    const health = await ask(httpsRequest, '/api/health', { ca });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ ok: true });
    expect(health.headers['strict-transport-security']).toBe('max-age=31536000');
    const login = await ask(httpsRequest, '/api/auth/login', {
      ca, method: 'POST', body: JSON.stringify({ name: 'boss', password: 'boss-password-1' }),
      headers: { 'content-type': 'application/json', 'x-asterism-request': '1' },
    });
    expect(login.status, login.body).toBe(200);
    const cookie = String(login.headers['set-cookie'] ?? '');
    expect(cookie).toMatch(/asterism_session=[^;]+;/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const session = /asterism_session=[^;]+/.exec(cookie)?.[0] ?? '';
    const metrics = await ask(httpsRequest, '/api/metrics', { ca, headers: { cookie: session } });
    expect(metrics.status).toBe(200);
    expect(metrics.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  test('a client that does not trust the certificate is refused by its own TLS check', async () => {
    await expect(ask(httpsRequest, '/api/health')).rejects.toThrow(/self[- ]signed|certificate/i);
  });

  test('plain HTTP to the TLS port gets no answer', async () => {
    const plain = await ask(httpRequest, '/api/health').then((a) => a.status, (e: Error) => e.message);
    // the TLS server drops a connection that does not begin a handshake (or answers 400): never the health answer
    expect(plain === 400 || typeof plain === 'string').toBe(true);
    expect(plain).not.toBe(200);
  });
});
