import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalAsterism } from '../app/local.ts';
import { maxImageBytes } from '../app/image-proxy.ts';
import { createApi } from './app.ts';

/**
 * GET /api/image (issue 20): product images through the server. A server on 127.0.0.1 stands in for Amazon's image
 * host (ASTERISM_IMAGE_ENDPOINT, as the sync's endpoints are set in tests) and counts every request it gets.
 */
const mat = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]);
const hits: string[] = [];
let host: Server;
let dir: string;
let api: LocalAsterism;
let app: ReturnType<typeof createApi>;

beforeAll(async () => {
  host = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/images/I/mat.jpg') return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(mat);
    if (req.url === '/images/I/page.jpg') return res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>');
    if (req.url === '/images/I/moved.jpg') return res.writeHead(302, { location: `http://127.0.0.1:${port()}/images/I/mat.jpg` }).end();
    if (req.url === '/images/I/huge.jpg') {
      // announced as nothing (chunked), then more than the bound
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      for (let sent = 0; sent <= maxImageBytes; sent += 64 * 1024) res.write(Buffer.alloc(64 * 1024));
      return res.end();
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((done) => host.listen(0, '127.0.0.1', done));
  process.env.ASTERISM_IMAGE_ENDPOINT = `http://127.0.0.1:${port()}`;
  dir = mkdtempSync(join(tmpdir(), 'asterism-images-'));
  api = await LocalAsterism.open(join(dir, 'shop.duckdb'));
  app = createApi(api);
});
afterAll(async () => {
  delete process.env.ASTERISM_IMAGE_ENDPOINT;
  await api.close();
  await new Promise((done) => host.close(done));
  rmSync(dir, { recursive: true, force: true });
});

function port(): number {
  const a = host.address();
  return typeof a === 'object' && a ? a.port : 0;
}
const image = (src: string) => app.request(`/api/image?src=${encodeURIComponent(src)}`, { headers: { 'accept-language': 'zh-CN' } });

describe('the image proxy', () => {
  test('an image of Amazon\'s host is fetched once, then served from the cache beside the database', async () => {
    const first = await image('https://m.media-amazon.com/images/I/mat.jpg');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await first.arrayBuffer())).toEqual(mat);
    const again = await image('https://m.media-amazon.com/images/I/mat.jpg');
    expect(Buffer.from(await again.arrayBuffer())).toEqual(mat);
    expect(hits.filter((h) => h === '/images/I/mat.jpg')).toHaveLength(1);
    expect(existsSync(`${api.db.path}.images`) && readdirSync(`${api.db.path}.images`).length).toBe(2);
  });

  test('any other host, scheme, port, user or path is refused before any request is made (no SSRF)', async () => {
    const before = hits.length;
    for (const src of [
      `http://127.0.0.1:${port()}/images/I/mat.jpg`, 'https://evil.example/images/I/mat.jpg', 'https://m.media-amazon.com.evil.example/images/I/mat.jpg',
      'http://m.media-amazon.com/images/I/mat.jpg', 'https://m.media-amazon.com:8443/images/I/mat.jpg', 'https://me@m.media-amazon.com/images/I/mat.jpg',
      'https://m.media-amazon.com/admin', 'file:///etc/passwd', 'not a url',
    ]) {
      const res = await image(src);
      expect(res.status, src).toBe(400);
      const body = (await res.json()) as { error: { message: string; message_en: string } };
      expect(body.error.message).toContain('只获取亚马逊图片服务器');
      expect(body.error.message_en).toContain('only https images under /images/');
    }
    expect(hits.length).toBe(before);
  });

  test('a redirect is not followed; an answer that is not an image, or larger than 2 MB, is refused and not cached', async () => {
    const moved = await image('https://images-na.ssl-images-amazon.com/images/I/moved.jpg');
    expect(moved.status).toBe(502);
    expect(((await moved.json()) as { error: { message_en: string } }).error.message_en).toContain('answered 302');
    const page = await image('https://m.media-amazon.com/images/I/page.jpg');
    expect(page.status).toBe(502);
    expect(((await page.json()) as { error: { message_en: string } }).error.message_en).toContain('not an image');
    const huge = await image('https://images-eu.ssl-images-amazon.com/images/I/huge.jpg');
    expect(huge.status).toBe(502);
    expect(((await huge.json()) as { error: { message: string } }).error.message).toContain('图片超过 2 MB');
    // the redirect's target was never asked; only the mat is in the cache
    expect(hits.filter((h) => h === '/images/I/mat.jpg')).toHaveLength(1);
    expect(readdirSync(`${api.db.path}.images`)).toHaveLength(2);
  });
});
