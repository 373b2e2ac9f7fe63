import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Database } from '../../src/store/database.ts';
import { startServer, type RunningServer } from '../../src/server/serve.ts';
import { loadMetricScenario } from '../scenarios/metric-scenario.ts';
import { runCli } from '../cli/run-cli.ts';

/** `asterism serve` as a user starts it (no --import-dir), on 127.0.0.1, asked with real HTTP. */
let dir: string;
let dbPath: string;
let server: RunningServer;
const report = resolve('test/fixtures/ingest/br-child-de.csv');
const maxUpload = 100_000;
const uploads = () => `${dbPath}.uploads`;
const leftInUploads = () => (existsSync(uploads()) ? readdirSync(uploads()) : []);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-trust-e2e-'));
  dbPath = join(dir, 'shop.duckdb');
  const db = await Database.open(dbPath);
  await loadMetricScenario(db);
  db.close();
  // what a crash during an upload left behind
  mkdirSync(join(uploads(), 'upload-crashed', '0'), { recursive: true });
  writeFileSync(join(uploads(), 'upload-crashed', '0', 'half.csv'), 'a,b\n1,');
  server = await startServer({ dbPath, port: 0, host: '127.0.0.1', maxUpload });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Node's http client: sends the Host and Origin given, as a rebinding page or another site's would. */
function raw(path: string, method: string, headers: Record<string, string>, body?: Uint8Array): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const url = new URL(path, server.url);
  return new Promise((done, fail) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method, headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

async function formBytes(files: number): Promise<{ body: Uint8Array<ArrayBuffer>; contentType: string }> {
  const form = new FormData();
  for (const [k, v] of Object.entries({ marketplace: 'DE', from: '2026-11-01', to: '2026-11-07' })) form.append(k, v);
  for (let i = 0; i < files; i++) form.append('files', new File([readFileSync(report)], 'BusinessReport.csv'));
  const request = new Request('http://x/', { method: 'POST', body: form });
  return { body: new Uint8Array(await request.arrayBuffer()), contentType: request.headers.get('content-type') ?? '' };
}
const sources = async () => ((await (await fetch(`${server.url}/api/sources`)).json()) as { sources: unknown[] }).sources.length;

describe('a running server trusts only its own pages', () => {
  test('the temporary upload folder a crash left is gone after the start', () => {
    expect(existsSync(join(uploads(), 'upload-crashed'))).toBe(false);
  });

  test('a foreign Host (DNS rebinding) is refused; the served address and localhost answer', async () => {
    const port = new URL(server.url).port;
    const evil = await raw('/api/sources', 'GET', { host: `evil.example:${port}` });
    expect(evil.status).toBe(421);
    expect(JSON.parse(evil.body)).toMatchObject({ error: { code: 'misdirected_request' } });
    expect((await raw('/api/health', 'GET', { host: `localhost:${port}` })).status).toBe(200);
    expect((await raw('/api/health', 'GET', { host: `127.0.0.1:${port}` })).status).toBe(200);
    expect((await raw('/api/health', 'GET', { host: '127.0.0.1:1' })).status).toBe(421);
  });

  test('a cross-origin upload and one without the header are refused and import nothing', async () => {
    const before = await sources();
    const { body, contentType } = await formBytes(1);
    // what `fetch(url, {method: 'POST', mode: 'no-cors', body: form})` from another site sends
    const crossSite = await raw('/api/upload', 'POST', { host: new URL(server.url).host, origin: 'http://evil.example', 'content-type': contentType, 'content-length': String(body.length) }, body);
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers['access-control-allow-origin']).toBeUndefined();
    const noHeader = await fetch(`${server.url}/api/upload`, { method: 'POST', body: new Blob([body]), headers: { 'content-type': contentType } });
    expect(noHeader.status).toBe(403);
    expect(await sources()).toBe(before);
    expect(leftInUploads()).toEqual([]);
  });

  test('the dashboard\'s upload (same Origin, the header) imports', async () => {
    const { body, contentType } = await formBytes(1);
    const res = await fetch(`${server.url}/api/upload`, { method: 'POST', body: new Blob([body]), headers: { 'content-type': contentType, origin: server.url, 'x-asterism-request': '1' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { files: unknown[] }).files).toMatchObject([{ file: 'BusinessReport.csv', status: 'imported', marketplace: 'DE' }]);
  });

  test('uploads over --max-upload: 413, by Content-Length or once the stream passes it, and nothing left on disk', async () => {
    const { body, contentType } = await formBytes(300); // 300 × 516 bytes = 154,800 > 100,000
    const declared = await fetch(`${server.url}/api/upload`, { method: 'POST', body: new Blob([body]), headers: { 'content-type': contentType, 'x-asterism-request': '1' } });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: { message: string } }).error.message).toMatch(/larger than this server accepts \(100 KB\)/);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent >= body.length) return c.close();
        c.enqueue(body.subarray(sent, sent + 8192));
        sent += 8192;
      },
    });
    const chunked = await fetch(`${server.url}/api/upload`, { method: 'POST', body: stream, headers: { 'content-type': contentType, 'x-asterism-request': '1' }, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(leftInUploads()).toEqual([]);
  });

  test('by path: refused (no --import-dir), saying to upload instead', async () => {
    const res = await fetch(`${server.url}/api/import`, { method: 'POST', body: JSON.stringify({ files: ['/etc/passwd'] }), headers: { 'content-type': 'application/json', 'x-asterism-request': '1' } });
    expect(res.status).toBe(403);
    const text = await res.text();
    expect(text).toMatch(/--import-dir DIR/);
    expect(text).not.toMatch(/root:/);
  });

  test('the CLI on the same database imports through the server by uploading', async () => {
    const r = await runCli(['import', report, resolve(dir, 'missing.csv'), '--store', 'cli-store', '--marketplace', 'DE', '--from', '2026-11-01', '--to', '2026-11-07', '--json', '--db', dbPath]);
    expect(r.code).toBe(1); // the missing file fails alone
    const answer = JSON.parse(r.stdout) as { files: { file: string; status: string; store: string; error: string | null }[] };
    expect(answer.files).toMatchObject([
      { file: report, status: 'imported', store: 'cli-store' },
      { file: resolve(dir, 'missing.csv'), status: 'error' },
    ]);
    expect(answer.files[1]?.error).toMatch(/cannot read .*missing\.csv/);
    const listed = await runCli(['sources', '--json', '--db', dbPath]);
    expect((JSON.parse(listed.stdout) as { sources: { store: string; file: string }[] }).sources).toContainEqual(expect.objectContaining({ store: 'cli-store', file: 'br-child-de.csv' }));
    expect(leftInUploads()).toEqual([]);
  });

  test('serve refuses a size it cannot read and an --import-dir that is not a folder, before opening anything', async () => {
    const other = join(dir, 'other.duckdb');
    const size = await runCli(['serve', '--port', '0', '--max-upload', 'lots', '--db', other]);
    expect(size.code).toBe(1);
    expect(size.stderr).toMatch(/--max-upload "lots" is not a size: write e\.g\. 500MB, 2GB/);
    const folder = await runCli(['serve', '--port', '0', '--import-dir', join(dir, 'no-such-folder'), '--db', other]);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toMatch(/--import-dir ".*no-such-folder" is not a folder/);
    expect(existsSync(other)).toBe(false);
  });
});
