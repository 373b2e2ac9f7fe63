import { describe, expect, test } from 'vitest';
import { apiOnMetricScenario } from '../../test/scenarios/api-harness.ts';

/**
 * GET /api/funnel one page at a time (issue 16: 10,000 ASINs are no answer to draw at once). The metric scenario's
 * week 2026-09-27 – 10-03 by marketplace × ASIN: A1 (US) exposure 10,000 from SCP; A2 (US) 4,000 + 1,000 = 5,000
 * from SQP's two queries; A3 (DE, sessions only) and A4 (US, orders only) have no exposure: unknown, sorted last.
 */
const harness = apiOnMetricScenario('funnel-page');
const week = 'from=2026-09-27&to=2026-10-03';

interface Answer { rows: { key: Record<string, string | null>; stages: { stage: string; count: number | null }[] }[]; page?: Record<string, unknown> }
const get = async (query: string) => {
  const res = await harness.api.request(`/api/funnel?${week}&${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Answer;
};
const asins = (a: Answer) => a.rows.map((r) => `${r.key.marketplace}:${r.key.asin}`);
const exposure = (a: Answer) => a.rows.map((r) => r.stages.find((s) => s.stage === 'exposure')?.count ?? null);

describe('GET /api/funnel, paged', () => {
  test('without limit, every row as before and no page', async () => {
    const all = await get('by=asin');
    expect(asins(all)).toEqual(['DE:A3', 'US:A1', 'US:A2', 'US:A4']);
    expect(all.page).toBeUndefined();
  });

  test('sorted by exposure, largest first, unknown last; a page of 2 from offset 0 and 2; the total is every row found', async () => {
    const first = await get('limit=2&sort=exposure');
    expect(asins(first)).toEqual(['US:A1', 'US:A2']);
    expect(exposure(first)).toEqual([10000, 5000]);
    expect(first.page).toEqual({ total: 4, offset: 0, limit: 2, sort: 'exposure', order: 'desc', q: null });
    const second = await get('limit=2&offset=2&sort=exposure');
    // A3 and A4 have no exposure: in the answer's order (DE before US)
    expect(asins(second)).toEqual(['DE:A3', 'US:A4']);
    expect(exposure(second)).toEqual([null, null]);
    const smallest = await get('limit=2&sort=exposure&order=asc');
    expect(exposure(smallest)).toEqual([5000, 10000]);
  });

  test('found by ASIN, SKU or title, any case; the total counts what was found', async () => {
    // "xl" is in A2's title (Yoga mat XL) only
    expect(asins(await get('limit=10&q=xl'))).toEqual(['US:A2']);
    expect((await get('limit=10&q=xl')).page).toMatchObject({ total: 1, q: 'xl' });
    // SKU S4 is A4's; "a3" is an ASIN
    expect(asins(await get('limit=10&q=s4'))).toEqual(['US:A4']);
    expect(asins(await get('limit=10&q=a3'))).toEqual(['DE:A3']);
    // "yoga mat" is the title of A1 and of A2 (Yoga mat XL): sorted by ASIN
    expect(asins(await get('limit=10&q=YOGA%20MAT&sort=asin'))).toEqual(['US:A1', 'US:A2']);
    expect((await get('limit=10&q=nothing-like-it')).page).toMatchObject({ total: 0 });
  });

  test('a limit out of bounds or an unknown sort is refused', async () => {
    expect((await harness.api.request(`/api/funnel?${week}&limit=0`)).status).toBe(400);
    expect((await harness.api.request(`/api/funnel?${week}&limit=2&sort=profit`)).status).toBe(400);
  });

  test('the OpenAPI document says how to ask for a page', async () => {
    const doc = (await (await harness.api.request('/api/openapi.json')).json()) as { paths: Record<string, { get?: { description?: string } }> };
    expect(doc.paths['/api/funnel']?.get?.description).toMatch(/With `limit`.*`page`.*`total`/);
  });
});
