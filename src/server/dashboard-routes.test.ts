import { describe, expect, test } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiOnMetricScenario } from '../../test/scenarios/api-harness.ts';

// Routes the dashboard added: products with names, query with compare, the templates download.
const harness = apiOnMetricScenario('dash-api');

describe('dashboard routes', () => {
  test('GET /api/products: names from the products file, the assignment effective on the day', async () => {
    const body = (await (await harness.api.request('/api/products?on=2026-10-01')).json()) as { products: Record<string, unknown>[] };
    expect(body.products).toHaveLength(4);
    expect(body.products.find((p) => p.sku === 'S1')).toEqual({
      store: 'default', sku: 'S1', asin: 'A1', parent_asin: 'P1', product_code: 'MAT', name: 'Yoga mat', image: null, owner: 'li', product_line: null, tier: 'mature',
    });
    // S1 moved from li to wang on 10-02
    const later = (await (await harness.api.request('/api/products?on=2026-10-05&asin=a1')).json()) as { products: Record<string, unknown>[] };
    expect(later.products).toMatchObject([{ sku: 'S1', owner: 'wang' }]);
    expect((await harness.api.request('/api/products?on=10/05/2026')).status).toBe(400);
  });

  test('a product image from the products file is served beside the name; a value that is no web address is not kept', async () => {
    const file = join(harness.dir, 'products-images.csv');
    writeFileSync(file, 'sku,asin,图片链接\r\nS1,A1,https://m.media-amazon.com/images/I/yoga.jpg\r\nS2,A2,not a picture\r\n');
    const res = await harness.api.request('/api/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ files: [file] }) });
    expect(((await res.json()) as { files: { status: string }[] }).files[0]?.status).toBe('imported');
    const body = (await (await harness.api.request('/api/products?on=2026-10-01')).json()) as { products: Record<string, unknown>[] };
    // the name of the earlier file stays (an empty column is unknown, not "remove")
    expect(body.products.find((p) => p.sku === 'S1')).toMatchObject({ name: 'Yoga mat', image: 'https://m.media-amazon.com/images/I/yoga.jpg' });
    expect(body.products.find((p) => p.sku === 'S2')).toMatchObject({ image: null });
  });

  test('the All Listings report fills name and image where the products file has none; the products file wins', async () => {
    const importFile = async (file: string, options: Record<string, string> = {}) => {
      const res = await harness.api.request('/api/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ files: [file], ...options }) });
      return ((await res.json()) as { files: { status: string; error: string | null }[] }).files[0];
    };
    const products = join(harness.dir, 'products-s1-image.csv');
    writeFileSync(products, 'sku,asin,图片链接\r\nS1,A1,https://m.media-amazon.com/images/I/yoga.jpg\r\n');
    expect((await importFile(products))?.status).toBe('imported');
    const header = ['item-name', 'listing-id', 'seller-sku', 'price', 'quantity', 'open-date', 'image-url', 'asin1', 'fulfillment-channel', 'status'];
    const listings = join(harness.dir, 'All+Listings+Report.txt');
    writeFileSync(listings, [header,
      ['Amazon title of S1', 'L1', 'S1', '19.99', '', '2026-01-05 10:00:00 PST', 'https://m.media-amazon.com/images/I/listing-s1.jpg', 'A1', 'AMAZON_NA', 'Active'],
      ['Amazon title of S2', 'L2', 'S2', '24.99', '', '2026-01-05 10:00:00 PST', 'https://m.media-amazon.com/images/I/listing-s2.jpg', 'A2', 'AMAZON_NA', 'Active'],
      ['Balance board – 平衡板', 'L9', 'LST-9', '35.00', '7', '2026-02-01 10:00:00 PST', '', 'B0LISTONLY', 'DEFAULT', 'Active'],
    ].map((r) => r.join('\t')).join('\n') + '\n');
    const imported = await importFile(listings, { marketplace: 'US', date: '2026-10-31' });
    expect(imported, imported?.error ?? '').toMatchObject({ status: 'imported' });
    const body = (await (await harness.api.request('/api/products?on=2026-10-01')).json()) as { products: Record<string, unknown>[] };
    // S1: name and image from the products file; S2: the file's name, the listing's image (the file gives none)
    expect(body.products.find((p) => p.sku === 'S1')).toMatchObject({ name: 'Yoga mat', image: 'https://m.media-amazon.com/images/I/yoga.jpg' });
    expect(body.products.find((p) => p.sku === 'S2')).toMatchObject({ name: 'Yoga mat XL', image: 'https://m.media-amazon.com/images/I/listing-s2.jpg' });
    // a SKU only the listings report knows is a product too, with its ASIN and title and no image
    const only = (await (await harness.api.request('/api/products?asin=b0listonly')).json()) as { products: Record<string, unknown>[] };
    expect(only.products).toEqual([{
      store: 'default', sku: 'LST-9', asin: 'B0LISTONLY', parent_asin: null, product_code: null, name: 'Balance board – 平衡板', image: null,
      owner: null, product_line: null, tier: null,
    }]);
  });

  test('GET /api/query?compare=previous adds previous and change; a bad kind is a 400', async () => {
    const res = await harness.api.request('/api/query?metric=sessions&asin=A1&from=2026-10-02&to=2026-10-02&compare=previous');
    const body = (await res.json()) as { rows: Record<string, unknown>[]; compare: unknown };
    // 50 sessions on 10-02 against 100 on 10-01 → −50%
    expect(body.rows[0]).toMatchObject({ sessions: 50, previous: { sessions: 100 }, change: { sessions: -0.5 } });
    expect(body.compare).toMatchObject({ kind: 'previous', from: '2026-10-01', to: '2026-10-01' });
    expect((await harness.api.request('/api/query?metric=sessions&compare=qoq')).status).toBe(400);
    expect((await harness.api.request('/api/query?metric=sessions&by=week&from=2026-10-01&to=2026-10-31&compare=wow')).status).toBe(400);
  });

  test('GET /api/templates/targets in zh and en', async () => {
    const zh = await harness.api.request('/api/templates/targets?lang=zh');
    expect(zh.headers.get('content-disposition')).toContain('asterism-targets-template-zh.csv');
    expect(await zh.text()).toMatch(/目标/);
    const en = await (await harness.api.request('/api/templates/targets?lang=en')).text();
    expect(en).toMatch(/target/i);
    expect((await harness.api.request('/api/templates/nothing')).status).toBe(400);
  });
});
