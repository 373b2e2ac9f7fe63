import { afterEach, describe, expect, test } from 'vitest';
import { addDays } from '../../domain/calendar.ts';
import { todayIn } from '../../domain/local-date.ts';
import { Database } from '../../store/database.ts';
import { storeJp, storeUs, connectBoth, syncWorld, testPlans, type SyncWorld } from '../../../test/fakes/sync-setup.ts';
import { connectStore } from './connect.ts';
import { runSync, syncStatus } from './sync-run.ts';
import { syncReports } from './report-types.ts';
import { adsSyncReports } from './ads-report-types.ts';
import { adsCostOn, rankOf } from '../../../test/fakes/amazon-fake.ts';

let world: SyncWorld | undefined;
let db: Database | undefined;
afterEach(async () => {
  if (db) {
    await db.settled();
    db.close();
  }
  db = undefined;
  await world?.close();
  world = undefined;
});

const st = 'GET_SALES_AND_TRAFFIC_REPORT';
const orders = 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL';
const inventory = 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA';


describe('sync against the local SP-API', () => {
  test('a second run re-pulls only the restatement window, and an unchanged document is not imported twice', async () => {
    world = await syncWorld();
    db = await Database.open(world.db);
    await connectBoth(world, db);
    const to = addDays(todayIn('America/Los_Angeles'), -1);
    await runSync(db, { store: storeUs.store, reports: [st], from: addDays(to, -9), to }, { env: world.env });
    const before = world.fake.callCount(storeUs.store, 'createReport');
    const { runs } = await runSync(db, { store: storeUs.store, reports: [st] }, { env: world.env });
    // the last 3 days again (restatement), the same bytes: unchanged
    expect(world.fake.callCount(storeUs.store, 'createReport') - before).toBe(3);
    expect(runs.map((r) => r.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    const [n] = await db.all('SELECT count(*) AS n FROM br_sales');
    expect(Number(n?.n)).toBe(10 * 2);
  });

  test('CANCELLED is no data, FATAL shows the error document; one failing report type does not stop the others', async () => {
    world = await syncWorld({ outcome: (type) => (type === inventory ? 'FATAL' : type === orders ? 'CANCELLED' : 'DONE') });
    db = await Database.open(world.db);
    await connectBoth(world, db);
    const to = addDays(todayIn('America/Los_Angeles'), -1);
    const { runs } = await runSync(db, { store: storeUs.store, reports: [inventory, orders, st], from: addDays(to, -1), to }, { env: world.env });
    expect(runs.map((r) => [r.report_type, r.status])).toEqual([[inventory, 'error'], [orders, 'no_data'], [st, 'imported'], [st, 'imported']]);
    expect(runs[0]?.error).toContain('the date range is invalid');
    const status = await syncStatus(db);
    expect(status.reports.find((r) => r.report_type === inventory)?.last_error).toContain('FATAL');
    expect(status.reports.find((r) => r.report_type === orders)).toMatchObject({ covered_to: to, last_error: null });
  });

  test('a wrong refresh token: one clear message for that store, nothing else touched, the other store synced', async () => {
    world = await syncWorld();
    db = await Database.open(world.db);
    await connectBoth(world, db);
    // the seller revoked the app: the stored token no longer works
    world.fake.options.stores[0] = { ...storeUs, refreshToken: 'Atzr|revoked' };
    const to = addDays(todayIn('America/Los_Angeles'), -1);
    const { runs } = await runSync(db, { reports: [st], from: to, to }, { env: world.env });
    const bad = runs.filter((r) => r.status === 'error');
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ store: storeUs.store, report_type: null });
    expect(bad[0]?.error).toMatch(/refused the refresh token of SP-API connection "acme-us" \(invalid_grant/);
    expect(runs.filter((r) => r.store === storeJp.store).map((r) => r.status)).toEqual(['imported']);
    expect(world.fake.callCount(storeUs.store, 'createReport')).toBe(0);
    // the reason beside the report type it stopped, in both languages; nothing covered, nothing imported for the store
    const status = (await syncStatus(db)).reports.filter((r) => r.store === storeUs.store);
    expect(status.map((r) => [r.marketplace, r.report_type, r.covered_from, r.covered_to, r.last_success])).toEqual([['US', st, null, null, null]]);
    expect(status[0]?.last_error).toMatch(/^Amazon refused the refresh token of SP-API connection "acme-us" \(invalid_grant/);
    expect(status[0]?.last_error_zh).toMatch(/^亚马逊拒绝了店铺“acme-us”的 SP-API 连接的刷新令牌（invalid_grant/);
    const [imported] = await db.all(`SELECT count(*) AS n FROM br_sales WHERE store = 'acme-us'`);
    expect(Number(imported?.n)).toBe(0);
    // a new token that works: the next run syncs, and the error is cleared
    world.fake.options.stores[0] = storeUs;
    await runSync(db, { store: storeUs.store, reports: [st], from: to, to }, { env: world.env });
    expect((await syncStatus(db)).reports.find((r) => r.store === storeUs.store)).toMatchObject({ covered_from: to, covered_to: to, last_error: null, last_error_zh: null });
  });

  test('an Ads API refresh token refused: one message, its reason beside each Ads report type asked for, in both languages', async () => {
    world = await syncWorld({ stores: [{ ...storeUs, profiles: [{ profileId: '111', countryCode: 'US', name: 'Acme US' }] }, storeJp] });
    db = await Database.open(world.db);
    await connectStore(db, 'ads', { store: storeUs.store, region: 'na', profile: '111', refresh_token: storeUs.refreshToken, client_id: storeUs.clientId, client_secret: storeUs.clientSecret }, world.env);
    world.fake.options.stores[0] = { ...storeUs, refreshToken: 'Atzr|revoked', profiles: [{ profileId: '111', countryCode: 'US', name: 'Acme US' }] };
    const to = addDays(todayIn('America/Los_Angeles'), -1);
    const { runs } = await runSync(db, { reports: ['spCampaigns', 'sbCampaigns'], from: to, to }, { env: world.env, lang: 'zh' });
    expect(runs.map((r) => [r.store, r.report_type, r.status])).toEqual([[storeUs.store, null, 'error']]);
    expect(runs[0]?.error).toMatch(/^亚马逊拒绝了店铺“acme-us”的 Ads API 连接的刷新令牌/);
    const status = (await syncStatus(db)).reports;
    expect(status.map((r) => [r.marketplace, r.report_type, r.covered_to])).toEqual([['US', 'sbCampaigns', null], ['US', 'spCampaigns', null]]);
    for (const r of status) {
      expect(r.last_error).toMatch(/^Amazon refused the refresh token of Ads API connection "acme-us"/);
      expect(r.last_error_zh).toMatch(/^亚马逊拒绝了店铺“acme-us”的 Ads API 连接的刷新令牌/);
    }
    expect(world.fake.adsReports).toHaveLength(0);
  });

  test('an access token revoked mid-sync is refreshed once and the call made again', async () => {
    world = await syncWorld();
    db = await Database.open(world.db);
    await connectBoth(world, db);
    const to = addDays(todayIn('America/Los_Angeles'), -1);
    world.fake.onDownload = (n) => {
      if (n === 1) world?.fake.revokeTokens();
    };
    const { runs } = await runSync(db, { store: storeUs.store, reports: [st], from: addDays(to, -2), to }, { env: world.env });
    expect(runs.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);
  });

  test('429 answers (a plan tighter than the documented burst) are waited out with backoff, and the rate announced is kept to', async () => {
    // Amazon may grant less than documented: burst 2 here, where the table says 15
    world = await syncWorld({ plans: { ...testPlans, createReport: { rate: 1, burst: 2 } } });
    db = await Database.open(world.db);
    await connectBoth(world, db);
    const to = addDays(todayIn('America/Los_Angeles'), -1);
    const { runs } = await runSync(db, { store: storeUs.store, reports: [st], from: addDays(to, -5), to }, { env: world.env });
    expect(runs.map((r) => r.status)).toEqual(Array(6).fill('imported'));
    // the third create came too early once (the burst the client assumed was 15): answered 429, then waited out
    expect(world.fake.overLimit.get(`${storeUs.store} createReport`)).toBeGreaterThanOrEqual(1);
    expect(world.fake.callCount(storeUs.store, 'createReport')).toBe(6 + (world.fake.overLimit.get(`${storeUs.store} createReport`) ?? 0));
  });

  test('every report type reaches its importer, which confirms it (a real document of each)', async () => {
    world = await syncWorld();
    db = await Database.open(world.db);
    await connectBoth(world, db);
    const to = addDays(todayIn('America/Los_Angeles'), -1);
    const types = syncReports.filter((r) => r.kind !== 'listed' && r.reportType !== 'GET_MERCHANT_LISTINGS_ALL_DATA').map((r) => r.reportType);
    const { runs } = await runSync(db, { store: storeUs.store, reports: types, from: addDays(to, -13), to }, { env: world.env });
    const failed = runs.filter((r) => r.status === 'error');
    expect(failed.map((r) => `${r.report_type}: ${r.error}`)).toEqual([]);
    expect(new Set(runs.map((r) => r.report_type))).toEqual(new Set(types));
    // the listings file is a Japanese store's (Shift_JIS, yen)
    const jp = await runSync(db, { store: storeJp.store, reports: ['GET_MERCHANT_LISTINGS_ALL_DATA'] }, { env: world.env });
    expect(jp.runs.map((r) => [r.status, r.error])).toEqual([['imported', null]]);
  });

  test('Ads API v3: each report type created with the profile as scope, polled, its GZIP JSON imported by the Ads API importer; the last 14 days re-pulled', async () => {
    world = await syncWorld({ stores: [{ ...storeUs, profiles: [{ profileId: '111', countryCode: 'US', name: 'Acme US' }] }, storeJp] });
    db = await Database.open(world.db);
    await connectStore(db, 'ads', { store: storeUs.store, region: 'na', profile: '111', refresh_token: storeUs.refreshToken, client_id: storeUs.clientId, client_secret: storeUs.clientSecret }, world.env);
    const to = addDays(todayIn('America/Los_Angeles'), -1);
    const from = addDays(to, -19);
    const types = adsSyncReports.map((r) => r.reportType);
    const { runs } = await runSync(db, { reports: types, from, to }, { env: world.env });
    expect(runs.map((r) => [r.report_type, r.status, r.error])).toEqual(types.map((t) => [t, 'imported', null]));
    // SP campaigns: two campaigns a day, 20 days; a day's spend is 1.25 + 2.50 + 2 × (day of month ÷ 100)
    const spend = await db.all(`SELECT CAST(date_from AS VARCHAR) AS day, sum(spend) AS spend, count(*) AS n FROM ads WHERE ad_type = 'SP' AND level = 'campaign' GROUP BY ALL ORDER BY day`);
    expect(spend).toHaveLength(20);
    for (const d of spend) {
      expect(Number(d.n)).toBe(2);
      expect(Number(d.spend)).toBeCloseTo(adsCostOn(String(d.day), 0) + adsCostOn(String(d.day), 1), 6);
    }
    expect((await db.all(`SELECT DISTINCT ad_type FROM ads ORDER BY 1`)).map((r) => r.ad_type)).toEqual(['SB', 'SD', 'SP']);
    // purchased products (halo), 2 rows a day for 20 days each: SP's other-SKU sales (20 + 21) × 20 = 820 and purchases
    // (1 + 2) × 20 = 60; SB's sales14d the same 820, orders14d 60; each bought ASIN kept
    const halo = await db.all(`SELECT ad_type, count(*) AS n, sum(sales_other_sku) AS other, sum(sales) AS sales, sum(orders) AS orders,
        string_agg(DISTINCT purchased_asin ORDER BY purchased_asin) AS bought, min(attribution_days) AS days
      FROM ads WHERE level = 'purchased_product' GROUP BY ad_type ORDER BY ad_type`);
    expect(halo).toEqual([
      { ad_type: 'SB', n: '40', other: null, sales: '820.0000', orders: '60', bought: 'B0HALO0001,B0HALO0002', days: 14 },
      { ad_type: 'SP', n: '40', other: '820.0000', sales: null, orders: '60', bought: 'B0HALO0001,B0HALO0002', days: 7 },
    ]);
    // the reports were asked for as documented: grouped by asin (SP) and purchasedAsin (SB)
    const asked = world.fake.adsReports.filter((r) => /PurchasedProduct$/.test(String(r.configuration.reportTypeId)));
    expect(asked.map((r) => [r.configuration.reportTypeId, r.configuration.groupBy])).toEqual([['spPurchasedProduct', ['asin']], ['sbPurchasedProduct', ['purchasedAsin']]]);
    // the next run: the attribution window again (14 days), the same numbers: unchanged, nothing doubled
    const again = await runSync(db, { reports: ['spCampaigns'] }, { env: world.env });
    expect(again.runs.map((r) => [r.from, r.to, r.status])).toEqual([[addDays(to, -13), to, 'imported']]);
    const [n] = await db.all(`SELECT count(*) AS n FROM ads WHERE ad_type = 'SP' AND level = 'campaign'`);
    expect(Number(n?.n)).toBe(40);
  });

  test('the market around each own ASIN, daily: BSR per category and the offers, a hijacker seen', async () => {
    world = await syncWorld();
    db = await Database.open(world.db);
    await connectBoth(world, db);
    const to = addDays(todayIn('America/Los_Angeles'), -1);
    // the store's own ASINs come from its sales: the fixture's two child ASINs
    await runSync(db, { store: storeUs.store, reports: [st], from: to, to }, { env: world.env });
    const asins = (await db.all('SELECT DISTINCT asin FROM br_sales ORDER BY asin')).map((r) => String(r.asin));
    expect(asins).toHaveLength(2);
    world.fake.unknownAsins.add(asins[1] ?? '');
    world.fake.hijacked.add(asins[0] ?? '');
    const { runs } = await runSync(db, { store: storeUs.store, reports: ['CATALOG_SALES_RANKS', 'PRODUCT_OFFERS'] }, { env: world.env });
    const today = todayIn('America/Los_Angeles');
    // the catalog does not know the second ASIN: skipped, one written
    expect(runs.map((r) => [r.report_type, r.status, r.rows, r.from])).toEqual([['CATALOG_SALES_RANKS', 'imported', 1, today], ['PRODUCT_OFFERS', 'imported', 2, today]]);
    const ranks = await db.all('SELECT asin, kind, category, rank FROM sales_ranks ORDER BY kind');
    // rank = the ASIN's character codes summed; the display group's is 40 times it
    const rank = rankOf(asins[0] ?? '');
    expect(ranks).toEqual([
      { asin: asins[0], kind: 'classification', category: 'Kitchen Rugs', rank },
      { asin: asins[0], kind: 'display_group', category: 'Home & Kitchen', rank: rank * 40 },
    ]);
    const offers = await db.all('SELECT asin, offers, buy_box_price, currency, seller_has_buy_box, seller_offers FROM offer_snapshots ORDER BY asin');
    expect(offers).toEqual([
      { asin: asins[0], offers: 2, buy_box_price: '27.4900', currency: 'USD', seller_has_buy_box: false, seller_offers: 1 },
      { asin: asins[1], offers: 1, buy_box_price: '29.9900', currency: 'USD', seller_has_buy_box: true, seller_offers: 1 },
    ]);
    // getItemOffers' burst is 1 (its documented plan): no call came early
    expect(world.fake.totalOverLimit()).toBe(0);
  });
});
