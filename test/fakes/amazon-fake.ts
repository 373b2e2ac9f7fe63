import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * A local stand-in for Login with Amazon, the SP-API Reports API 2021-06-30 and the Ads API profiles, on 127.0.0.1, for
 * the sync's tests (nothing reaches the internet). It keeps Amazon's documented contract and its failure modes: token
 * exchange and expiry, the report lifecycle with delays (IN_QUEUE, IN_PROGRESS, DONE / CANCELLED / FATAL with an error
 * document), GZIP documents behind pre-signed URLs that expire, nextToken pages, usage plans answered by 429 with
 * x-amzn-RateLimit-Limit, and bursts of 5xx. It counts every call per store and operation, and every call made faster
 * than the plan allows. Documents are built from the real layouts in ../shared/fixtures/data, read when the test runs.
 */
// beside the repository, as the other tests find it (../shared from the checkout)
const fixtures = resolve('../shared/fixtures/data');
export const fixtureFile = (path: string): string => resolve(fixtures, path);

export interface FakeStore {
  store: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** Ads API profiles of this account */
  profiles?: { profileId: string; countryCode: string; name: string }[];
}

export interface Plan {
  rate: number;
  burst: number;
}

export interface FakeOptions {
  stores: FakeStore[];
  /** the usage plans the fake enforces and announces (the documented ones, scaled so a test runs in seconds) */
  plans: Record<string, Plan>;
  /** getReport polls a report answers IN_QUEUE / IN_PROGRESS before it is done */
  pollsBeforeDone?: number;
  /** access tokens' lifetime */
  tokenSeconds?: number;
  /** what a report ends as, by type (default DONE) */
  outcome?: (reportType: string, from: string | undefined, to: string | undefined) => 'DONE' | 'CANCELLED' | 'FATAL';
  /** settlement documents listed per page (nextToken for the rest) */
  pageSize?: number;
  /** settlements the fake lists, per store (documents built from the fixture) */
  settlements?: Record<string, { reportId: string; start: string; end: string }[]>;
}

interface Report {
  id: string;
  store: string;
  reportType: string;
  marketplaceId: string;
  from: string | undefined;
  to: string | undefined;
  polls: number;
  status: 'DONE' | 'CANCELLED' | 'FATAL';
}

const marketplaceIds: Record<string, { code: string; channel: string; currency: string; offset: string }> = {
  ATVPDKIKX0DER: { code: 'US', channel: 'Amazon.com', currency: 'USD', offset: '-08:00' },
  A1F83G8C2ARO7P: { code: 'UK', channel: 'Amazon.co.uk', currency: 'GBP', offset: '+00:00' },
  A1VC38T7YXB528: { code: 'JP', channel: 'Amazon.co.jp', currency: 'JPY', offset: '+09:00' },
};

export class AmazonFake {
  /** calls per "store operation" */
  readonly calls = new Map<string, number>();
  /** calls that came faster than the plan allows (each answered 429) */
  readonly overLimit = new Map<string, number>();
  readonly reports: Report[] = [];
  /** document downloads served */
  downloads = 0;
  /** hook: after each document served */
  onDownload: ((count: number) => void) | undefined;
  /** ASINs the Catalog Items API does not know (404) */
  readonly unknownAsins = new Set<string>();
  /** ASINs on which another seller offers too, and holds the Buy Box (跟卖) */
  readonly hijacked = new Set<string>();
  /** the next N SP-API calls answer 503 */
  failNext = 0;
  /** the next N document URLs handed out are already expired */
  expireNextUrls = 0;
  private server: Server | undefined;
  private tokens = new Map<string, { store: string; expires: number }>();
  private buckets = new Map<string, { tokens: number; at: number }>();
  private tokenCount = 0;
  url = '';

  constructor(readonly options: FakeOptions) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => send(res, 500, { errors: [{ code: 'InternalFailure', message: String(e) }] }));
    });
    await new Promise<void>((done) => this.server?.listen(0, '127.0.0.1', done));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((done) => this.server?.close(() => done()));
  }

  /** every access token handed out so far stops working (the client must refresh on 401/403) */
  revokeTokens(): void {
    this.tokens.clear();
  }

  callCount(store: string, op: string): number {
    return this.calls.get(`${store} ${op}`) ?? 0;
  }

  totalOverLimit(): number {
    return [...this.overLimit.values()].reduce((a, b) => a + b, 0);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const body = await readBody(req);
    if (req.method === 'POST' && url.pathname === '/auth/o2/token') return this.token(res, new URLSearchParams(body));
    if (url.pathname.startsWith('/download/')) return this.download(res, url);
    const store = this.caller(req);
    if (!store) return send(res, 403, { errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: 'The access token you provided is revoked, malformed or invalid.' }] });
    const op = operationOf(req.method ?? 'GET', url.pathname);
    if (!op) return send(res, 404, { errors: [{ code: 'NotFound', message: `no route ${req.method} ${url.pathname}` }] });
    const key = `${store} ${op}`;
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
    const plan = this.options.plans[op] ?? { rate: 100, burst: 100 };
    const headers = { 'x-amzn-RateLimit-Limit': String(plan.rate) };
    if (!this.allowed(key, plan)) {
      this.overLimit.set(key, (this.overLimit.get(key) ?? 0) + 1);
      return send(res, 429, { errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.' }] }, headers);
    }
    if (this.failNext > 0 && op !== 'adsProfiles') {
      this.failNext--;
      return send(res, 503, { errors: [{ code: 'ServiceUnavailable', message: 'Service temporarily unavailable' }] }, headers);
    }
    switch (op) {
      case 'createReport': return this.createReport(res, store, JSON.parse(body) as Record<string, unknown>, headers);
      case 'getReport': return this.getReport(res, store, decodeURIComponent(url.pathname.split('/').at(-1) ?? ''), headers);
      case 'getReports': return this.getReports(res, store, url, headers);
      case 'getReportDocument': return this.getDocument(res, decodeURIComponent(url.pathname.split('/').at(-1) ?? ''), headers);
      case 'getCatalogItem': {
        const asin = decodeURIComponent(url.pathname.split('/').at(-1) ?? '');
        const marketplaceId = url.searchParams.get('marketplaceIds') ?? '';
        if (this.unknownAsins.has(asin)) return send(res, 404, { errors: [{ code: 'NOT_FOUND', message: `Requested item '${asin}' not found in marketplace '${marketplaceId}'` }] }, headers);
        return send(res, 200, catalogItem(asin, marketplaceId), headers);
      }
      case 'getItemOffers': {
        const asin = decodeURIComponent(url.pathname.split('/').at(-2) ?? '');
        return send(res, 200, itemOffers(asin, url.searchParams.get('MarketplaceId') ?? '', this.hijacked.has(asin)), headers);
      }
      case 'adsCreateReport':
      case 'adsGetReport': {
        const s = this.options.stores.find((x) => x.store === store);
        const scope = req.headers['amazon-advertising-api-scope'];
        if (!s?.profiles?.some((p) => p.profileId === scope)) return send(res, 401, { code: 'UNAUTHORIZED', details: 'Not authorized to access scope ' + String(scope) }, headers);
        if (op === 'adsCreateReport') return this.createAdsReport(res, store, JSON.parse(body) as Record<string, unknown>, headers);
        return this.getAdsReport(res, store, decodeURIComponent(url.pathname.split('/').at(-1) ?? ''), headers);
      }
      case 'adsProfiles': {
        const s = this.options.stores.find((x) => x.store === store);
        return send(res, 200, (s?.profiles ?? []).map((p) => ({ profileId: Number(p.profileId), countryCode: p.countryCode, currencyCode: 'USD', timezone: 'America/Los_Angeles', accountInfo: { marketplaceStringId: 'ATVPDKIKX0DER', id: 'A1', type: 'seller', name: p.name } })), headers);
      }
    }
  }

  readonly adsReports: { id: string; store: string; from: string; to: string; configuration: Record<string, unknown>; polls: number }[] = [];

  private createAdsReport(res: ServerResponse, store: string, body: Record<string, unknown>, headers: Record<string, string>): void {
    const id = `ads-${this.adsReports.length + 1}`;
    this.adsReports.push({ id, store, from: String(body.startDate), to: String(body.endDate), configuration: body.configuration as Record<string, unknown>, polls: 0 });
    send(res, 200, { reportId: id, status: 'PENDING' }, headers);
  }

  private getAdsReport(res: ServerResponse, store: string, id: string, headers: Record<string, string>): void {
    const r = this.adsReports.find((x) => x.id === id && x.store === store);
    if (!r) return send(res, 404, { code: 'NOT_FOUND', details: `report ${id}` }, headers);
    r.polls++;
    const done = r.polls > (this.options.pollsBeforeDone ?? 2);
    send(res, 200, { reportId: id, status: done ? 'COMPLETED' : r.polls === 1 ? 'PENDING' : 'PROCESSING', ...(done ? { url: `${this.url}/download/${id}?X-Amz-Expires=${Date.now() + 300_000}` } : {}) }, headers);
  }

  private token(res: ServerResponse, form: URLSearchParams): void {
    const s = this.options.stores.find((x) => x.clientId === form.get('client_id'));
    if (!s || s.clientSecret !== form.get('client_secret')) return send(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed' });
    if (form.get('grant_type') !== 'refresh_token' || s.refreshToken !== form.get('refresh_token')) {
      return send(res, 400, { error: 'invalid_grant', error_description: 'The request has an invalid grant parameter : refresh_token' });
    }
    const seconds = this.options.tokenSeconds ?? 3600;
    const token = `Atza|fake-${s.store}-${++this.tokenCount}`;
    this.tokens.set(token, { store: s.store, expires: Date.now() + seconds * 1000 });
    send(res, 200, { access_token: token, refresh_token: s.refreshToken, token_type: 'bearer', expires_in: seconds });
  }

  private caller(req: IncomingMessage): string | undefined {
    const token = (req.headers['x-amz-access-token'] as string | undefined) ?? (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const t = this.tokens.get(token);
    return t && t.expires > Date.now() ? t.store : undefined;
  }

  /** the plan as Amazon meters it: a bucket of `burst` calls refilled at `rate` per second */
  private allowed(key: string, plan: Plan): boolean {
    const now = Date.now();
    const b = this.buckets.get(key) ?? { tokens: plan.burst, at: now };
    b.tokens = Math.min(plan.burst, b.tokens + ((now - b.at) / 1000) * plan.rate);
    b.at = now;
    this.buckets.set(key, b);
    // a small allowance for timer granularity on both sides (a few ms early is not a faster rate)
    if (b.tokens < 0.98) return false;
    b.tokens = Math.max(0, b.tokens - 1);
    return true;
  }

  private createReport(res: ServerResponse, store: string, body: Record<string, unknown>, headers: Record<string, string>): void {
    const reportType = String(body.reportType);
    const marketplaceId = Array.isArray(body.marketplaceIds) ? String(body.marketplaceIds[0]) : '';
    const from = typeof body.dataStartTime === 'string' ? body.dataStartTime.slice(0, 10) : undefined;
    const to = typeof body.dataEndTime === 'string' ? body.dataEndTime.slice(0, 10) : undefined;
    const id = String(50000 + this.reports.length);
    this.reports.push({ id, store, reportType, marketplaceId, from, to, polls: 0, status: this.options.outcome?.(reportType, from, to) ?? 'DONE' });
    send(res, 202, { reportId: id }, headers);
  }

  private getReport(res: ServerResponse, store: string, id: string, headers: Record<string, string>): void {
    const r = this.reports.find((x) => x.id === id && x.store === store);
    if (!r) return send(res, 404, { errors: [{ code: 'NotFound', message: `report ${id} not found` }] }, headers);
    r.polls++;
    const wait = this.options.pollsBeforeDone ?? 2;
    const status = r.polls <= wait ? (r.polls === 1 ? 'IN_QUEUE' : 'IN_PROGRESS') : r.status;
    const done = status === 'DONE' || status === 'FATAL';
    send(res, 200, {
      reportId: r.id, reportType: r.reportType, marketplaceIds: [r.marketplaceId], processingStatus: status, createdTime: new Date().toISOString(),
      ...(r.from ? { dataStartTime: r.from, dataEndTime: r.to } : {}), ...(done ? { reportDocumentId: `doc-${r.id}` } : {}),
    }, headers);
  }

  private getReports(res: ServerResponse, store: string, url: URL, headers: Record<string, string>): void {
    const list = this.options.settlements?.[store] ?? [];
    const start = Number(url.searchParams.get('nextToken') ?? '0');
    if (!url.searchParams.get('nextToken') && !url.searchParams.get('reportTypes')) return send(res, 400, { errors: [{ code: 'InvalidInput', message: 'reportTypes or nextToken is required' }] }, headers);
    if (url.searchParams.get('nextToken') && url.searchParams.get('reportTypes')) return send(res, 400, { errors: [{ code: 'InvalidInput', message: 'with nextToken, no other filter may be given' }] }, headers);
    const size = this.options.pageSize ?? 1;
    const page = list.slice(start, start + size);
    send(res, 200, {
      reports: page.map((s) => ({ reportId: s.reportId, reportType: 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2', dataStartTime: s.start, dataEndTime: s.end, processingStatus: 'DONE', reportDocumentId: `settlement-${store}-${s.reportId}` })),
      ...(start + size < list.length ? { nextToken: String(start + size) } : {}),
    }, headers);
  }

  private getDocument(res: ServerResponse, docId: string, headers: Record<string, string>): void {
    const expired = this.expireNextUrls > 0;
    if (expired) this.expireNextUrls--;
    const expires = expired ? Date.now() - 1000 : Date.now() + 300_000;
    // odd report ids come GZIP-compressed, as Amazon does for larger documents
    const gzip = /[13579]$/.test(docId);
    send(res, 200, { reportDocumentId: docId, url: `${this.url}/download/${encodeURIComponent(docId)}?X-Amz-Expires=${expires}`, ...(gzip ? { compressionAlgorithm: 'GZIP' } : {}) }, headers);
  }

  private download(res: ServerResponse, url: URL): void {
    if (Number(url.searchParams.get('X-Amz-Expires')) < Date.now()) {
      res.writeHead(403, { 'content-type': 'application/xml' }).end('<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>');
      return;
    }
    const docId = decodeURIComponent(url.pathname.slice('/download/'.length));
    const text = this.documentBytes(docId);
    // Ads API v3 documents are always GZIP_JSON; SP-API ones when their id is odd, as Amazon does for larger ones
    const bytes = docId.startsWith('ads-') || /[13579]$/.test(docId) ? gzipSync(text) : text;
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes);
    this.downloads++;
    this.onDownload?.(this.downloads);
  }

  private documentBytes(docId: string): Buffer {
    const ads = this.adsReports.find((x) => x.id === docId);
    if (ads) return Buffer.from(JSON.stringify(adsRows(ads.configuration, ads.from, ads.to)));
    if (docId.startsWith('settlement-')) return readFileSync(fixtureFile('settlement-v2/airbyte_GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_fixture.tsv'));
    const r = this.reports.find((x) => `doc-${x.id}` === docId);
    if (!r) return Buffer.alloc(0);
    if (r.status === 'FATAL') return Buffer.from(JSON.stringify({ errorDetails: `The report could not be generated for ${r.reportType}: the date range is invalid` }));
    return documentFor(r.reportType, marketplaceIds[r.marketplaceId] ?? { code: 'US', channel: 'Amazon.com', currency: 'USD', offset: '-08:00' }, r.from, r.to, r.store);
  }
}

function operationOf(method: string, path: string): string | undefined {
  if (method === 'POST' && path === '/reports/2021-06-30/reports') return 'createReport';
  if (method === 'GET' && path === '/reports/2021-06-30/reports') return 'getReports';
  if (method === 'GET' && path.startsWith('/reports/2021-06-30/reports/')) return 'getReport';
  if (method === 'GET' && path.startsWith('/reports/2021-06-30/documents/')) return 'getReportDocument';
  if (method === 'GET' && path === '/v2/profiles') return 'adsProfiles';
  if (method === 'GET' && path.startsWith('/catalog/2022-04-01/items/')) return 'getCatalogItem';
  if (method === 'GET' && /^\/products\/pricing\/v0\/items\/[^/]+\/offers$/.test(path)) return 'getItemOffers';
  if (method === 'POST' && path === '/reporting/reports') return 'adsCreateReport';
  if (method === 'GET' && path.startsWith('/reporting/reports/')) return 'adsGetReport';
  return undefined;
}

/** The documents, from the fixtures' layouts, their values made to depend on the day (so a doubled or missing day shows). */
export function documentFor(reportType: string, m: { code: string; channel: string; currency: string; offset: string }, from: string | undefined, to: string | undefined, store: string): Buffer {
  switch (reportType) {
    case 'GET_SALES_AND_TRAFFIC_REPORT': return Buffer.from(salesAndTraffic(m, from ?? '', to ?? from ?? ''));
    case 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL': return Buffer.from(allOrders(m, from ?? '', to ?? from ?? '', store));
    default: {
      const file = realDocuments[reportType];
      return file ? readFileSync(fixtureFile(file)) : Buffer.alloc(0);
    }
  }
}

/** the other report types: a real document of that report, as it is (its bytes: the JP ones are Shift_JIS) */
const realDocuments: Record<string, string> = {
  GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA: 'fba-manage-inventory/xvr_manage_fba_inventory_US_2020-03.csv',
  GET_DATE_RANGE_FINANCIAL_TRANSACTION_DATA: 'payments-date-range-transactions/xvr_custom_transaction_US_2020-02.csv',
  GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: 'fba-customer-returns/xvr_fba_customer_returns_US_201810-201912.csv',
  GET_MERCHANT_LISTINGS_ALL_DATA: 'all-listings/brussliu_all_listings_JP_2022-10-29.txt',
  GET_FBA_STORAGE_FEE_CHARGES_DATA: 'fba-storage-fees/xvr_fba_monthly_storage_fees_US_2019.csv',
  GET_FBA_INVENTORY_PLANNING_DATA: '_header-only-fixtures/airbyte_GET_FBA_INVENTORY_PLANNING_DATA_header.tsv',
  GET_V2_SELLER_PERFORMANCE_REPORT: 'account-health-json/airbyte_GET_V2_SELLER_PERFORMANCE_REPORT_fixture.json',
  GET_BRAND_ANALYTICS_SEARCH_QUERY_PERFORMANCE_REPORT: 'brand-analytics-sqp/official_schema_example_GET_BRAND_ANALYTICS_SEARCH_QUERY_PERFORMANCE_REPORT.json',
  GET_BRAND_ANALYTICS_SEARCH_CATALOG_PERFORMANCE_REPORT: 'brand-analytics-scp/official_schema_example_GET_BRAND_ANALYTICS_SEARCH_CATALOG_PERFORMANCE_REPORT.json',
  GET_BRAND_ANALYTICS_REPEAT_PURCHASE_REPORT: 'brand-analytics-repeat-purchase/official_schema_example_GET_BRAND_ANALYTICS_REPEAT_PURCHASE_REPORT.json',
};

/** units of a child ASIN on a day: 1 + (day of month mod 3) + (its index), so each day's total is known by hand */
export const unitsOn = (day: string, asinIndex: number): number => 1 + (Number(day.slice(8, 10)) % 3) + asinIndex;

function salesAndTraffic(m: { code: string; currency: string }, from: string, to: string): string {
  const fixture = JSON.parse(readFileSync(fixtureFile('sp-api-sales-and-traffic-json/airbyte_GET_SALES_AND_TRAFFIC_REPORT_fixture.json'), 'utf8')) as Record<string, unknown>;
  const ids: Record<string, string> = { US: 'ATVPDKIKX0DER', UK: 'A1F83G8C2ARO7P', JP: 'A1VC38T7YXB528' };
  const entries = (fixture.salesAndTrafficByAsin as Record<string, unknown>[]).map((e, i) => {
    const units = unitsOn(from, i);
    const sales = e.salesByAsin as Record<string, unknown>;
    const unitPrice = m.currency === 'JPY' ? 1680 : 16.79;
    return {
      ...e,
      salesByAsin: { ...sales, unitsOrdered: units, totalOrderItems: units, orderedProductSales: { amount: Math.round(units * unitPrice * 100) / 100, currencyCode: m.currency } },
    };
  });
  return JSON.stringify({
    ...fixture,
    reportSpecification: { ...(fixture.reportSpecification as object), dataStartTime: from, dataEndTime: to, marketplaceIds: [ids[m.code] ?? 'ATVPDKIKX0DER'], reportOptions: { dateGranularity: 'DAY', asinGranularity: 'CHILD' } },
    salesAndTrafficByDate: [],
    salesAndTrafficByAsin: entries,
  });
}

/** one order a day, noon local time, from the US fixture's first Amazon-channel line */
function allOrders(m: { code: string; channel: string; currency: string; offset: string }, from: string, to: string, store: string): string {
  const lines = readFileSync(fixtureFile('all-orders/xvr_all_orders_US_2019-11.txt'), 'utf8').split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t');
  const col = (name: string) => header.findIndex((h) => h.trim() === name);
  const template = lines.slice(1).map((l) => l.split('\t')).find((cells) => cells[col('sales-channel')]?.startsWith('Amazon.') && cells[col('item-price')]) ?? [];
  const out = [lines[0] ?? ''];
  for (let day = from; day <= to; day = nextDay(day)) {
    const cells = [...template];
    cells[col('amazon-order-id')] = `111-${store.length}${day.replace(/-/g, '').slice(2)}-${m.code.charCodeAt(0)}0000`;
    cells[col('purchase-date')] = `${day}T12:00:00${m.offset}`;
    cells[col('last-updated-date')] = `${day}T13:00:00${m.offset}`;
    cells[col('sales-channel')] = m.channel;
    cells[col('currency')] = m.currency;
    cells[col('quantity')] = String(unitsOn(day, 0));
    cells[col('item-price')] = m.currency === 'JPY' ? String(1680 * unitsOn(day, 0)) : (16.79 * unitsOn(day, 0)).toFixed(2);
    out.push(cells.join('\t'));
  }
  return out.join('\n') + '\n';
}

/** rank of an ASIN: the sum of its character codes (a number worked out by hand from the ASIN) */
export const rankOf = (asin: string): number => [...asin].reduce((a, c) => a + c.charCodeAt(0), 0);

/** Catalog Items API 2022-04-01 getCatalogItem with includedData=salesRanks (the model's Item / ItemSalesRanksByMarketplace) */
function catalogItem(asin: string, marketplaceId: string): unknown {
  return {
    asin,
    salesRanks: [{
      marketplaceId,
      classificationRanks: [{ classificationId: '3744171', title: 'Kitchen Rugs', link: 'https://www.amazon.com/gp/bestsellers/kitchen/3744171', rank: rankOf(asin) }],
      displayGroupRanks: [{ websiteDisplayGroup: 'home_garden_display_on_website', title: 'Home & Kitchen', link: 'https://www.amazon.com/gp/bestsellers/home-garden', rank: rankOf(asin) * 40 }],
    }],
  };
}

/** Product Pricing API v0 getItemOffers (GetOffersResponse): the seller's own offer, and a hijacker's when there is one */
function itemOffers(asin: string, marketplaceId: string, hijacked: boolean): unknown {
  const mine = { SellerId: 'A1SELF', MyOffer: true, IsBuyBoxWinner: !hijacked, IsFulfilledByAmazon: true, SubCondition: 'new', ListingPrice: { CurrencyCode: 'USD', Amount: 29.99 }, Shipping: { CurrencyCode: 'USD', Amount: 0 } };
  const other = { SellerId: 'A2OTHER', MyOffer: false, IsBuyBoxWinner: true, IsFulfilledByAmazon: false, SubCondition: 'new', ListingPrice: { CurrencyCode: 'USD', Amount: 27.49 }, Shipping: { CurrencyCode: 'USD', Amount: 0 } };
  const offers = hijacked ? [mine, other] : [mine];
  const winner = hijacked ? other : mine;
  return {
    payload: {
      ASIN: asin, marketplaceId, ItemCondition: 'New', status: 'Success',
      Summary: {
        TotalOfferCount: offers.length,
        NumberOfOffers: [{ condition: 'new', fulfillmentChannel: 'Amazon', OfferCount: 1 }],
        BuyBoxPrices: [{ condition: 'New', LandedPrice: { CurrencyCode: 'USD', Amount: winner.ListingPrice.Amount }, ListingPrice: winner.ListingPrice, Shipping: winner.Shipping }],
      },
      Offers: offers,
    },
  };
}

/**
 * Ads API v3 rows with exactly the requested columns (the layout of ../shared/fixtures/data/ads-api-v3-json): two
 * campaigns a day, cost 1.25 × (campaign + 1) + day of month ÷ 100, so a day's spend is known by hand.
 */
export function adsRows(configuration: Record<string, unknown>, from: string, to: string): Record<string, unknown>[] {
  const columns = Array.isArray(configuration.columns) ? configuration.columns.map(String) : [];
  const rows: Record<string, unknown>[] = [];
  for (let day = from; day <= to; day = nextDay(day)) {
    for (let c = 0; c < 2; c++) {
      const row: Record<string, unknown> = {};
      for (const col of columns) row[col] = adsValue(col, day, c);
      rows.push(row);
    }
  }
  return rows;
}

export const adsCostOn = (day: string, campaign: number): number => Math.round((1.25 * (campaign + 1) + Number(day.slice(8, 10)) / 100) * 100) / 100;

function adsValue(col: string, day: string, c: number): unknown {
  if (col === 'date') return day;
  if (col === 'cost') return adsCostOn(day, c);
  if (col === 'campaignName') return `Campaign ${c + 1}`;
  if (col === 'campaignStatus') return 'ENABLED';
  if (col === 'adGroupName') return `Ad group ${c + 1}`;
  if (col === 'matchType') return 'EXACT';
  if (col === 'targeting' || col === 'searchTerm') return `mat ${c + 1}`;
  if (col === 'advertisedAsin') return `B0TEST000${c + 1}`;
  if (col === 'advertisedSku') return `SKU-${c + 1}`;
  if (col === 'purchasedAsin') return `B0HALO000${c + 1}`;
  if (col === 'keyword') return `bath mat ${c + 1}`;
  if (col === 'keywordType') return 'BROAD';
  if (col === 'attributionType') return c === 0 ? 'Promoted' : 'Brand Halo';
  if (col === 'productName') return `Halo product ${c + 1}`;
  if (/Id$/.test(col)) return 158410630682980 + c;
  if (col === 'impressions') return 1000 + c;
  if (col === 'clicks') return 10 + c;
  if (/^sales/.test(col)) return 20 + c;
  return 1 + c;
}

const nextDay = (d: string): string => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => done(text));
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}
