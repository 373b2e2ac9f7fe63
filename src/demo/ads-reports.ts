/** Ads console reports (XLSX, Daily time unit): SP advertised product and search term, SB campaign, SD advertised product. */
import type { Listing } from './catalog.ts';
import { adFacts, type AdFact, type Campaign } from './ad-metrics.ts';
import { monthsOf, type DemoFile } from './demo-file.ts';
import { excelSerial } from './dates.ts';
import { minorDigits } from './format.ts';
import { markets, type MarketCode } from './markets.ts';
import { Random } from './random.ts';
import type { World } from './world.ts';
import { xlsx, type Cell, type CellStyle } from './xlsx.ts';

export const spAdvertisedProductHeader = ['Date', 'Portfolio name', 'Currency', 'Campaign Name', 'Ad Group Name', 'Advertised SKU',
  'Advertised ASIN', 'Impressions', 'Clicks', 'Click-Thru Rate (CTR)', 'Cost Per Click (CPC)', 'Spend', '7 Day Total Sales ',
  'Total Advertising Cost of Sales (ACoS) ', 'Total Return on Advertising Spend (RoAS)', '7 Day Total Orders (#)', '7 Day Total Units (#)',
  '7 Day Conversion Rate', '7 Day Advertised SKU Units (#)', '7 Day Other SKU Units (#)', '7 Day Advertised SKU Sales ', '7 Day Other SKU Sales '];

export const spSearchTermHeader = ['Date', 'Portfolio name', 'Currency', 'Campaign Name', 'Ad Group Name', 'Targeting', 'Match Type',
  'Customer Search Term', 'Impressions', 'Clicks', 'Click-Thru Rate (CTR)', 'Cost Per Click (CPC)', 'Spend', '7 Day Total Sales ',
  'Total Advertising Cost of Sales (ACOS) ', 'Total Return on Advertising Spend (ROAS)', '7 Day Total Orders (#)', '7 Day Total Units (#)',
  '7 Day Conversion Rate', '7 Day Advertised SKU Units (#)', '7 Day Other SKU Units (#)', '7 Day Advertised SKU Sales ', '7 Day Other SKU Sales '];

export const sbCampaignHeader = ['Date', 'Portfolio name', 'Currency', 'Campaign Name', 'Impressions', 'Clicks', 'Click-Thru Rate (CTR)',
  'Cost Per Click (CPC)', 'Spend', 'Total Advertising Cost of Sales (ACOS)', 'Total Return on Advertising Spend (ROAS)', '14 Day Total Sales',
  '14 Day Total Orders (#)', '14 Day Total Units (#)', '14 Day Conversion Rate', '14 Day New-to-brand Orders (#)',
  '14 Day % of Orders New-to-brand', '14 Day New-to-brand Sales', '14 Day % of Sales New-to-brand', '14 Day New-to-brand Units (#)',
  '14 Day % of Units New-to-brand', '14 Day New-to-brand Order Rate'];

export const sdAdvertisedProductHeader = ['Date', 'Currency', 'Campaign Name', 'Portfolio name', 'Cost Type', 'Ad Group Name',
  'Bid Optimization', 'Advertised SKU', 'Advertised ASIN', 'Impressions', 'Viewable Impressions', 'Clicks', 'Click-Thru Rate (CTR)',
  '14 Day Detail Page Views (DPV)', 'Spend', 'Cost Per Click (CPC)', 'Cost per 1,000 viewable impressions (VCPM)',
  'Total Advertising Cost of Sales (ACOS)', 'Total Return on Advertising Spend (ROAS)', '14 Day Total Orders (#)', '14 Day Total Units (#)',
  '14 Day Total Sales', '14 Day New-to-brand Orders (#)', '14 Day New-to-brand Sales', '14 Day New-to-brand Units (#)'];

const campaignNames: Record<Campaign, (l: Listing) => [string, string]> = {
  'sp-auto': (l) => [`${l.familyCode} - SP - Auto`, 'Auto'],
  'sp-exact': (l) => [`${l.familyCode} - SP - Exact`, 'Exact KW'],
  sd: (l) => [`${l.familyCode} - SD - Product Targeting`, 'Competitor ASINs'],
  sb: (l) => [`${l.familyCode} - SB - Headline`, ''],
};

class Cells {
  constructor(private currency: 'USD' | 'EUR' | 'JPY') {}
  int(n: number): Cell { return { value: n, style: 'int' }; }
  money(minor: number): Cell {
    return { value: minor / 10 ** minorDigits(this.currency), style: this.currency as CellStyle };
  }
  /** Ratios are blank where their denominator is 0, as the console leaves them. */
  pct(a: number, b: number): Cell { return b > 0 ? { value: a / b, style: 'percent' } : null; }
  moneyRatio(a: number, b: number): Cell { return b > 0 ? this.money(Math.round(a / b)) : null; }
  ratio(a: number, b: number): Cell { return b > 0 ? { value: Math.round((a / b) * 100) / 100, style: 'decimal' } : null; }
  date(day: string): Cell { return { value: excelSerial(day), style: 'date' }; }
}

function portfolio(l: Listing): string {
  return l.familyCode === 'BM' || l.familyCode === 'CC' ? 'Hero products' : 'Not grouped';
}

function spAdvertisedRow(c: Cells, f: AdFact, day: string): Cell[] {
  const [campaign, adGroup] = campaignNames[f.campaign](f.listing);
  const sales = f.salesMinor + f.otherSalesMinor;
  return [c.date(day), portfolio(f.listing), f.listing.currency, campaign, adGroup, f.listing.sku, f.listing.asin, c.int(f.impressions),
    c.int(f.clicks), c.pct(f.clicks, f.impressions), c.moneyRatio(f.spendMinor, f.clicks), c.money(f.spendMinor), c.money(sales),
    c.pct(f.spendMinor, sales), c.ratio(sales, f.spendMinor), c.int(f.orders + f.otherOrders), c.int(f.units + f.otherUnits),
    c.pct(f.orders + f.otherOrders, f.clicks), c.int(f.units), c.int(f.otherUnits), c.money(f.salesMinor), c.money(f.otherSalesMinor)];
}

/** Split a campaign-day over search terms: only terms with clicks appear, as in the real report. */
function searchTermRows(c: Cells, f: AdFact, day: string, rng: Random): Cell[][] {
  const [campaign, adGroup] = campaignNames[f.campaign](f.listing);
  const auto = f.campaign === 'sp-auto';
  // the auto campaign's shoppers come from one rival's product page (the same ASIN every day, so it can be harvested);
  // the draw the rival's ASIN once took from this stream is still made, so every other figure stays as it was
  rng.chars(8);
  const rival = `b0${Random.stream(20261123, `rival:${f.listing.familyCode}`).chars(8).toLowerCase()}`;
  const terms = auto ? [...f.listing.keywords, `${f.listing.keywords[0] ?? 'item'} for home`, rival] : f.listing.keywords;
  if (terms.length === 0 || f.clicks === 0) return [];
  const clicks = terms.map(() => 0);
  for (let k = 0; k < f.clicks; k += 1) clicks[Math.min(terms.length - 1, Math.floor(rng.next() ** 1.6 * terms.length))]! += 1;
  const orders = terms.map(() => 0);
  const units = terms.map(() => 0);
  // the story an ads specialist acts on (issue 21): the auto campaign's "… for home" term draws clicks and never sells
  const wasted = auto ? f.listing.keywords.length : -1;
  // a day whose only clicks fell on it still sells: those clicks go to the first keyword instead (totals unchanged)
  if (auto && f.orders > 0 && clicks.every((n, i) => n === 0 || i === wasted)) {
    clicks[0] = (clicks[0] ?? 0) + (clicks[wasted] ?? 0);
    clicks[wasted] = 0;
  }
  for (let k = 0; k < f.orders; k += 1) {
    const withClicks = clicks.map((n, i) => (n > 0 ? i : -1)).filter((i) => i >= 0);
    const selling = withClicks.filter((i) => i !== wasted);
    const i = rng.pick(selling.length > 0 ? selling : withClicks);
    orders[i]! += 1;
    units[i]! += 1;
  }
  const firstWithOrder = orders.findIndex((o) => o > 0);
  if (firstWithOrder >= 0) units[firstWithOrder] = (units[firstWithOrder] ?? 0) + f.units - f.orders;
  const unitPrice = f.units > 0 ? f.salesMinor / f.units : 0;
  return terms.flatMap((term, i) => {
    const n = clicks[i] ?? 0;
    if (n === 0) return [];
    const impressions = Math.max(n, Math.round((f.impressions * n) / f.clicks));
    const spend = Math.round((f.spendMinor * n) / f.clicks);
    const sales = Math.round(unitPrice * (units[i] ?? 0));
    return [[c.date(day), portfolio(f.listing), f.listing.currency, campaign, adGroup, auto ? '*' : term, auto ? '-' : 'EXACT', term,
      c.int(impressions), c.int(n), c.pct(n, impressions), c.moneyRatio(spend, n), c.money(spend), c.money(sales), c.pct(spend, sales),
      c.ratio(sales, spend), c.int(orders[i] ?? 0), c.int(units[i] ?? 0), c.pct(orders[i] ?? 0, n), c.int(units[i] ?? 0), c.int(0),
      c.money(sales), c.money(0)]];
  });
}

function sbRow(c: Cells, f: AdFact, day: string): Cell[] {
  const ntbOrders = Math.round(f.orders * 0.7);
  const ntbUnits = Math.round(f.units * 0.7);
  const ntbSales = Math.round(f.salesMinor * 0.7);
  return [c.date(day), portfolio(f.listing), f.listing.currency, campaignNames.sb(f.listing)[0], c.int(f.impressions), c.int(f.clicks),
    c.pct(f.clicks, f.impressions), c.moneyRatio(f.spendMinor, f.clicks), c.money(f.spendMinor), c.pct(f.spendMinor, f.salesMinor),
    c.ratio(f.salesMinor, f.spendMinor), c.money(f.salesMinor), c.int(f.orders), c.int(f.units), c.pct(f.orders, f.clicks),
    c.int(ntbOrders), c.pct(ntbOrders, f.orders), c.money(ntbSales), c.pct(ntbSales, f.salesMinor), c.int(ntbUnits),
    c.pct(ntbUnits, f.units), c.pct(ntbOrders, f.clicks)];
}

function sdRow(c: Cells, f: AdFact, day: string): Cell[] {
  const [campaign, adGroup] = campaignNames.sd(f.listing);
  const viewable = Math.round(f.impressions * 0.68);
  return [c.date(day), f.listing.currency, campaign, portfolio(f.listing), 'CPC', adGroup, 'Optimize for page visits', f.listing.sku,
    f.listing.asin, c.int(f.impressions), c.int(viewable), c.int(f.clicks), c.pct(f.clicks, f.impressions),
    c.int(Math.round(f.clicks * 1.25)), c.money(f.spendMinor), c.moneyRatio(f.spendMinor, f.clicks),
    c.moneyRatio(f.spendMinor * 1000, viewable), c.pct(f.spendMinor, f.salesMinor), c.ratio(f.salesMinor, f.spendMinor),
    c.int(f.orders), c.int(f.units), c.money(f.salesMinor), c.int(Math.round(f.orders * 0.6)),
    c.money(Math.round(f.salesMinor * 0.6)), c.int(Math.round(f.units * 0.6))];
}

export function writeAdsReports(world: World, store: string, code: MarketCode, facts = adFacts(world)): DemoFile[] {
  const c = new Cells(markets[code].currency);
  const rng = Random.stream(world.seed, `search-terms:${store}:${code}`);
  const mine = [...facts.values()].filter((f) => f.listing.store === store && f.listing.market === code && f.impressions > 0)
    .sort((a, b) => a.day - b.day || a.campaign.localeCompare(b.campaign) || a.listing.sku.localeCompare(b.listing.sku));
  const files: DemoFile[] = [];
  const months = monthsOf(world.days);
  const last = months[months.length - 1];
  // Monthly downloads, plus the current month to date.
  const periods = [...months, ...(last ? [{ month: 'mtd', first: last.last + 1, last: world.days.length - 1 }] : [])];
  for (const p of periods) {
    const inPeriod = mine.filter((f) => f.day >= p.first && f.day <= p.last);
    const dayOf = (f: AdFact) => world.days[f.day] ?? '';
    const label = p.month === 'mtd' ? (world.days[p.first] ?? '').slice(0, 7) : p.month;
    const base = { store, marketplace: code };
    const sp = inPeriod.filter((f) => f.campaign === 'sp-auto' || f.campaign === 'sp-exact');
    files.push({ ...base, type: 'sp_advertised_product', path: `${store}/${code}/ads/Sponsored_Products_Advertised_product_report-${label}.xlsx`,
      content: xlsx('Sponsored Product Advertised Product Report', spAdvertisedProductHeader, sp.map((f) => spAdvertisedRow(c, f, dayOf(f)))) });
    files.push({ ...base, type: 'sp_search_term', path: `${store}/${code}/ads/Sponsored_Products_Search_term_report-${label}.xlsx`,
      content: xlsx('Sponsored Product Search Term Report', spSearchTermHeader, sp.flatMap((f) => searchTermRows(c, f, dayOf(f), rng))) });
    files.push({ ...base, type: 'sb_campaign', path: `${store}/${code}/ads/Sponsored_Brands_Campaign_report-${label}.xlsx`,
      content: xlsx('Sponsored Brands Campaign Report', sbCampaignHeader, inPeriod.filter((f) => f.campaign === 'sb').map((f) => sbRow(c, f, dayOf(f)))) });
    files.push({ ...base, type: 'sd_advertised_product', path: `${store}/${code}/ads/Sponsored_Display_Advertised_product_report-${label}.xlsx`,
      content: xlsx('Sponsored Display Advertised Product Report', sdAdvertisedProductHeader, inPeriod.filter((f) => f.campaign === 'sd').map((f) => sdRow(c, f, dayOf(f)))) });
  }
  return files;
}
