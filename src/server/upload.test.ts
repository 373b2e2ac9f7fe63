import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { apiOnMetricScenario } from '../../test/scenarios/api-harness.ts';
import { formatByteSize, parseByteSize } from './byte-size.ts';

const report = readFileSync(resolve('test/fixtures/ingest/br-child-de.csv'));
// a 516-byte report: one with the form's fields (under 1,000 bytes of headers) fits, ten (5,160 bytes) do not
const maxBytes = 4000;
const harness = apiOnMetricScenario('upload', { uploads: { maxBytes } });
const bigHarness = apiOnMetricScenario('upload-many');
const folder = () => `${harness.asterism.db.path}.uploads`;
const leftInFolder = () => (existsSync(folder()) ? readdirSync(folder()) : []);

function form(copies: number, name = 'BusinessReport.csv'): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries({ marketplace: 'DE', from: '2026-11-01', to: '2026-11-07' })) f.append(k, v);
  for (let i = 0; i < copies; i++) f.append('files', new File([report], name));
  return f;
}

/** The same form sent as a stream of unknown length: no Content-Length to refuse it by. */
async function streamed(body: FormData): Promise<{ body: ReadableStream<Uint8Array>; contentType: string }> {
  const request = new Request('http://localhost/', { method: 'POST', body });
  const bytes = new Uint8Array(await request.arrayBuffer());
  let sent = 0;
  return {
    contentType: request.headers.get('content-type') ?? '',
    body: new ReadableStream({
      pull(controller) {
        if (sent >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(sent, sent + 256));
        sent += 256;
      },
    }),
  };
}

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe('POST /api/upload streams to <db>.uploads/ within --max-upload', () => {
  test('an upload over the limit (by its Content-Length) is a 413 in the caller\'s language, and nothing is kept', async () => {
    const res = await harness.api.request('/api/upload', { method: 'POST', body: form(10), headers: { 'accept-language': 'zh-CN' } });
    expect(res.status).toBe(413);
    const error = await errorOf(res);
    expect(error.code).toBe('upload_too_large');
    expect(error.message).toContain(`上传内容超过本服务允许的大小（${formatByteSize(maxBytes)}）`);
    expect(leftInFolder()).toEqual([]);
  });

  test('an upload of unknown length is stopped once past the limit, and what was written is removed', async () => {
    const { body, contentType } = await streamed(form(10));
    const res = await harness.api.request('/api/upload', { method: 'POST', body, headers: { 'content-type': contentType }, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect((await errorOf(res)).message).toMatch(/larger than this server accepts .*nothing was kept/);
    expect(leftInFolder()).toEqual([]);
  });

  test('under the limit: streamed, imported under the dropped name (UTF-8), and its folder removed after', async () => {
    const { body, contentType } = await streamed(form(1, '业务报告-十一月.csv'));
    const res = await harness.api.request('/api/upload', { method: 'POST', body, headers: { 'content-type': contentType }, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { files: unknown[] }).files).toMatchObject([{ file: '业务报告-十一月.csv', status: 'imported', marketplace: 'DE' }]);
    for (let i = 0; i < 100 && leftInFolder().length > 0; i++) await sleep(10); // removed once the job ended
    expect(leftInFolder()).toEqual([]);
  });

  test('a form cut off mid-file, bad options and a body that is not a form keep nothing', async () => {
    const request = new Request('http://localhost/', { method: 'POST', body: form(1) });
    const contentType = request.headers.get('content-type') ?? '';
    const whole = new Uint8Array(await request.arrayBuffer());
    // the fields and half the file, then the end
    const cut = new ReadableStream<Uint8Array>({ start(c) { c.enqueue(whole.slice(0, whole.length - 300)); c.close(); } });
    const res = await harness.api.request('/api/upload', { method: 'POST', body: cut, headers: { 'content-type': contentType }, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toMatch(/ended before its last file was complete/);
    const bad = form(1);
    bad.set('marketplace', 'XX');
    expect((await harness.api.request('/api/upload', { method: 'POST', body: bad })).status).toBe(400);
    const json = await harness.api.request('/api/upload', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(json.status).toBe(400);
    expect((await errorOf(json)).message).toMatch(/multipart\/form-data/);
    expect(leftInFolder()).toEqual([]);
  });

  test('more files than one upload may hold is refused, not imported in part', async () => {
    const f = new FormData();
    for (let i = 0; i < 1001; i++) f.append('files', new File(['x'], `f${i}.csv`));
    const res = await bigHarness.api.request('/api/upload', { method: 'POST', body: f });
    expect(res.status).toBe(413);
    expect((await errorOf(res)).message).toMatch(/more than 1,000 files/);
    expect(readdirSync(`${bigHarness.asterism.db.path}.uploads`)).toEqual([]);
  });

  test('the ad type and replace fields are passed on to the import', async () => {
    const f = form(1, 'again.csv');
    f.append('store', 'store-adtype');
    f.append('adType', 'sb');
    f.append('replace', 'true');
    const res = await harness.api.request('/api/upload', { method: 'POST', body: f });
    // the options were checked and accepted (ad type and replace are the importer's to use)
    expect(res.status).toBe(200);
    expect(((await res.json()) as { files: unknown[] }).files).toMatchObject([{ file: 'again.csv', store: 'store-adtype' }]);
  });
});

describe('--max-upload sizes', () => {
  test.each([
    ['500MB', 500e6], ['2GB', 2e9], ['2 gb', 2e9], ['1.5GB', 1.5e9], ['1024', 1024], ['1MiB', 1048576], ['10k', 10_000],
  ])('%s → %i bytes', (text, bytes) => expect(parseByteSize(text)).toBe(bytes));
  test.each(['', 'lots', '-1GB', '0', '2 PB', '1e9'])('"%s" is not a size', (text) => expect(parseByteSize(text)).toBeUndefined());
  test('sizes read back as written', () => {
    expect(formatByteSize(2e9)).toBe('2 GB');
    expect(formatByteSize(500e6)).toBe('500 MB');
    expect(formatByteSize(1536)).toBe('1.54 KB');
    expect(formatByteSize(12)).toBe('12 bytes');
  });
});
