import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildDemoFiles, DEFAULT_TODAY, simulateWorld } from '../../src/demo/index.ts';
import type { AdTypeOption, ImportOptions } from '../../src/ingest/index.ts';

/**
 * A seller's folder of mixed reports (issue 14, "Done when"): a reduced copy of the demo's reports for one
 * store (acme-home, US and DE, October 2026: Business Reports, All Orders, payments, SP/SB/SD ads,
 * inventory, listings, returns, storage fees, Brand Analytics, reviews, products and costs), the SB and
 * SD layouts of test/fixtures/ingest/ads (no public SB or SD download exists, see src/ingest/README.md
 * "Ad type by content"), and real Sponsored Products downloads from ../shared/fixtures/data (read from
 * there, copied only into the temporary folder), among them the SP search-term report whose days the
 * 2022-layout SB search-term files fall into: the sequence of the original bug (SB replacing SP).
 *
 * No two files of one report type, store, marketplace and ad type cover the same day: a later file of
 * the same kind restates the earlier one by design, and then the order would rightly matter.
 */
export interface FolderFile {
  /** the file's name in the folder (unique: the import log names files by it) */
  name: string;
  path: string;
  /** what the seller gives with the file (store, marketplace, from/to, snapshot date) */
  options: ImportOptions;
  /** the ad type the seller gives where the columns cannot tell; without it the file is refused */
  adType?: AdTypeOption;
}

const store = 'acme-home';

/** The demo's files in the folder, by their path under the demo's output folder. */
const demoPicks = [
  'acme-home/master-data/products.csv',
  'acme-home/master-data/costs.csv',
  'acme-home/US/business-report/BusinessReport-2026-10-04.csv',
  'acme-home/US/business-report/BusinessReport-2026-10-11.csv',
  'acme-home/US/orders/All-Orders-2026-10.txt',
  'acme-home/US/payments/Transactions-2026-10.csv',
  'acme-home/US/ads/Sponsored_Products_Search_term_report-2026-10.xlsx',
  'acme-home/US/ads/Sponsored_Products_Advertised_product_report-2026-10.xlsx',
  'acme-home/US/ads/Sponsored_Brands_Campaign_report-2026-10.xlsx',
  'acme-home/US/ads/Sponsored_Display_Advertised_product_report-2026-10.xlsx',
  'acme-home/US/inventory/Manage-FBA-Inventory-2026-10-10.csv',
  'acme-home/US/inventory/All-Listings-Report-2026-11-23.txt',
  'acme-home/US/storage-fees/Monthly-Storage-Fees-2026-10.csv',
  'acme-home/US/returns/FBA-Customer-Returns.csv',
  'acme-home/US/brand-analytics/SQP-WEEK-2026-10-11.json',
  'acme-home/US/brand-analytics/SCP-WEEK-2026-10-11.json',
  'acme-home/reviews/reviews-US.csv',
  'acme-home/DE/business-report/BusinessReport-2026-10-11.csv',
  'acme-home/DE/orders/All-Orders-2026-10.txt',
  'acme-home/DE/ads/Sponsored_Brands_Campaign_report-2026-10.xlsx',
];

/** The demo's SB campaign report has only the columns SB and SD share (new-to-brand, no video): the demo
 * seller says SB, as `asterism demo` does (src/demo/demo-file.ts). */
const demoAdType = (path: string): AdTypeOption | undefined => (/Sponsored_Brands_/.test(path) ? 'sb' : undefined);

const ownAds = (name: string) => resolve('test/fixtures/ingest/ads', name);
const shared = (folder: string, name: string) => resolve('../shared/fixtures/data', folder, name);

/** SB and SD in every layout we have, and real SP downloads (US 2019), with what the seller gives. */
const adsFiles: { path: string; options?: ImportOptions; adType?: AdTypeOption }[] = [
  // 2022 SB search-term layout: every column SP has too (refused without --ad-type)
  { path: ownAds('sb-search-term-2022-daily-us.csv'), adType: 'sb' },
  { path: ownAds('sb-search-term-2022-daily-us-next.csv'), adType: 'sb' },
  { path: ownAds('sb-search-term-2022-daily-us-new-campaign.csv'), adType: 'sb' },
  // SB summary with new-to-brand (UK), SB 2025 campaign with cost type and video, SD with Bid Optimization, SD with cost type and (Click) copies
  { path: ownAds('sb-search-term-summary-uk.csv') },
  { path: ownAds('sb-campaign-2025-daily-us.csv') },
  { path: ownAds('sd-advertised-product-2021-daily-us.csv') },
  { path: ownAds('sd-advertised-product-daily-de.csv'), options: { marketplace: 'DE' } },
  // Ads API v3: SD told by its promoted columns; SB or SD not told (the seller says SB)
  { path: ownAds('ads-api-sd-advertised-product-daily.json') },
  { path: ownAds('ads-api-sb-sd-unclear.json'), options: { marketplace: 'US' }, adType: 'sb' },
  // real SP downloads: search terms 2019-09-28 … 2019-11-26 (the SB files above fall on 2019-11-16 … 19), campaigns, advertised products
  { path: shared('sp-search-term', 'xvr_sp_search_term_report_US_2019-09-28_11-26.xlsx') },
  { path: shared('sp-campaign', 'xvr_sp_campaign_report_US_2019.csv') },
  { path: shared('sp-advertised-product', 'xvr_sp_advertised_product_report_US_monthly.xlsx') },
];

/** Writes the folder under `dir` and lists its files, sorted by name. */
export function writeSellerFolder(dir: string): FolderFile[] {
  mkdirSync(dir, { recursive: true });
  const files: FolderFile[] = [];
  const demo = buildDemoFiles(simulateWorld(1, DEFAULT_TODAY));
  for (const pick of demoPicks) {
    const file = demo.find((f) => f.path === pick);
    if (!file) throw new Error(`the demo no longer writes ${pick}`);
    const name = pick.replace(/\//g, '_');
    const path = join(dir, name);
    writeFileSync(path, file.content);
    const options: ImportOptions = {
      store: file.store, ...(file.marketplace ? { marketplace: file.marketplace } : {}),
      ...(file.from ? { from: file.from } : {}), ...(file.to ? { to: file.to } : {}), ...(file.date ? { date: file.date } : {}),
    };
    const adType = demoAdType(pick);
    files.push({ name, path, options, ...(adType ? { adType } : {}) });
  }
  for (const a of adsFiles) {
    const name = a.path.split('/').pop() ?? a.path;
    const path = join(dir, name);
    copyFileSync(a.path, path);
    files.push({ name, path, options: { store, ...a.options }, ...(a.adType ? { adType: a.adType } : {}) });
  }
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A seeded shuffle (mulberry32 + Fisher–Yates): the same order on every run. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
