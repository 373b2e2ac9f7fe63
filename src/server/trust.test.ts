import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { apiOnMetricScenario } from '../../test/scenarios/api-harness.ts';
import { AllowedHosts } from './allowed-hosts.ts';
import { answerLanguage } from './refusals.ts';

const harness = apiOnMetricScenario('trust');

/** The app without the harness's dashboard header: requests exactly as written here. */
const bare = (path: string, init: RequestInit = {}) => Object.getPrototypeOf(harness.api).request(path, init) as Promise<Response>;

function allOrdersForm(): FormData {
  const form = new FormData();
  form.append('files', new File([readFileSync(resolve('test/fixtures/ingest/br-child-de.csv'))], 'BusinessReport.csv'));
  for (const [k, v] of Object.entries({ marketplace: 'DE', from: '2026-11-01', to: '2026-11-07' })) form.append(k, v);
  return form;
}
const sourceCount = async () => ((await (await bare('/api/sources')).json()) as { sources: unknown[] }).sources.length;
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe('the server trusts only its own pages (in-process)', () => {
  test('a foreign Host is refused with 421 and a JSON error, in Chinese when asked', async () => {
    const res = await bare('/api/health', { headers: { host: 'evil.example:8080', 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' } });
    expect(res.status).toBe(421);
    const error = await errorOf(res);
    expect(error.code).toBe('misdirected_request');
    expect(error.message).toMatch(/本服务只响应自己的地址.*evil\.example:8080.*--allowed-host/);
    // DNS rebinding sends the attacker's name to 127.0.0.1: reading is refused too
    expect((await bare('/api/sources', { headers: { host: 'rebind.evil.example' } })).status).toBe(421);
  });

  test('a cross-origin upload (a no-cors form post from another site) is refused and imports nothing', async () => {
    const before = await sourceCount();
    const res = await bare('/api/upload', { method: 'POST', body: allOrdersForm(), headers: { origin: 'http://evil.example' } });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).message).toMatch(/another site \(http:\/\/evil\.example\)/);
    // even with the header (which such a page cannot send without a preflight), a foreign Origin is refused
    const withHeader = await bare('/api/upload', { method: 'POST', body: allOrdersForm(), headers: { origin: 'http://evil.example', 'x-asterism-request': '1' } });
    expect(withHeader.status).toBe(403);
    expect((await bare('/api/fx', { method: 'PUT', headers: { origin: 'null', 'x-asterism-request': '1', 'content-type': 'application/json' }, body: '{"rates":[]}' })).status).toBe(403);
    expect(await sourceCount()).toBe(before);
  });

  test('a state change without X-Asterism-Request is refused; reading needs no header', async () => {
    const before = await sourceCount();
    const res = await bare('/api/upload', { method: 'POST', body: allOrdersForm() });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).message).toMatch(/X-Asterism-Request: 1/);
    const wrong = await bare('/api/upload', { method: 'POST', body: allOrdersForm(), headers: { 'x-asterism-request': 'yes' } });
    expect(wrong.status).toBe(403);
    expect(await sourceCount()).toBe(before);
    expect((await bare('/api/health')).status).toBe(200);
  });

  test('a preflight gets no CORS permission', async () => {
    const res = await bare('/api/upload', { method: 'OPTIONS', headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-asterism-request' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-headers')).toBeNull();
  });

  test('the dashboard\'s own request (same Origin, the header) is accepted', async () => {
    const before = await sourceCount();
    const res = await bare('/api/upload', { method: 'POST', body: allOrdersForm(), headers: { origin: 'http://localhost', 'x-asterism-request': '1' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { files: unknown[] }).files).toMatchObject([{ file: 'BusinessReport.csv', status: 'imported', marketplace: 'DE' }]);
    expect(await sourceCount()).toBe(before + 1);
    // the CLI sends no Origin at all
    const fx = await bare('/api/fx', { method: 'PUT', headers: { 'x-asterism-request': '1', 'content-type': 'application/json' }, body: JSON.stringify({ rates: [{ date: '2026-11-01', base: 'EUR', quote: 'CNY', rate: '7.7' }] }) });
    expect(fx.status).toBe(200);
  });

  test('the OpenAPI document declares the header on every state-changing route', async () => {
    const doc = (await (await bare('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { parameters?: { name: string; in: string; required?: boolean }[] }>> };
    const changing = Object.values(doc.paths).flatMap((item) => Object.entries(item).filter(([m]) => !['get', 'head', 'options'].includes(m)).map(([, op]) => op));
    expect(changing.length).toBeGreaterThan(10);
    for (const op of changing) expect(op.parameters).toContainEqual(expect.objectContaining({ name: 'X-Asterism-Request', in: 'header', required: true }));
    expect(doc.paths['/api/health']?.get?.parameters ?? []).not.toContainEqual(expect.objectContaining({ name: 'X-Asterism-Request' }));
  });
});

describe('the names the server answers to', () => {
  test('a loopback bind: its address and the loopback spellings at its port, nothing else', () => {
    const hosts = new AllowedHosts();
    expect(hosts.allowsAuthority('127.0.0.1:8080')).toBe(false); // not listening yet
    hosts.serveAt('127.0.0.1', 8080);
    for (const ok of ['127.0.0.1:8080', 'localhost:8080', 'LOCALHOST:8080', '[::1]:8080']) expect(hosts.allowsAuthority(ok)).toBe(true);
    for (const no of ['127.0.0.1:9090', 'localhost', 'evil.example:8080', 'evil@127.0.0.1:8080', '127.0.0.1:8080/x', '', 'a b:8080']) expect(hosts.allowsAuthority(no)).toBe(false);
  });

  test('an IPv6 loopback bind answers to its loopback spellings', () => {
    const hosts = new AllowedHosts();
    hosts.serveAt('::1', 9000);
    expect(hosts.allowsAuthority('[::1]:9000')).toBe(true);
    expect(hosts.allowsAuthority('localhost:9000')).toBe(true);
    expect(hosts.allowsAuthority('[::2]:9000')).toBe(false);
  });

  test('--allowed-host: a bare name at any port, a name with a port at that port only', () => {
    const hosts = new AllowedHosts(['Asterism.lan', 'shop.example:443']);
    hosts.serveAt('0.0.0.0', 8080);
    expect(hosts.allowsAuthority('asterism.lan:8080')).toBe(true);
    expect(hosts.allowsAuthority('asterism.lan')).toBe(true); // behind a proxy on port 80
    expect(hosts.allowsAuthority('shop.example', '443')).toBe(true); // an https Origin with the default port
    expect(hosts.allowsAuthority('shop.example:8443')).toBe(false);
    expect(hosts.allowsAuthority('0.0.0.0:8080')).toBe(true); // the address in the server file the CLI reads
    expect(hosts.allowsAuthority('localhost:8080')).toBe(true);
    expect(() => new AllowedHosts(['http://x/'])).toThrow(/--allowed-host "http:\/\/x\/" is not a host name/);
  });

  test('the language of a refusal follows Accept-Language, English unless Chinese is preferred', () => {
    expect(answerLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(answerLanguage('en-US,en;q=0.9,zh-CN;q=0.8')).toBe('en');
    expect(answerLanguage('de-DE,zh-TW;q=0.5')).toBe('zh');
    expect(answerLanguage('zh;q=0,en')).toBe('en');
    expect(answerLanguage(undefined)).toBe('en');
  });
});
