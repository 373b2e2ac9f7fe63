import { Decimal } from 'decimal.js';
import { marketplaceByCode } from '../domain/marketplaces.ts';
import { skuAdEconomics, type SkuAdEconomics } from '../analysis/ads-economics.ts';
import {
  bidTargets, budgetPacing, harvestTerms, negativeTerms, placementMultipliers,
  type AdRow, type AdSuggestion, type LeftAlone, type SuggestionContext, type Suggestions,
} from '../analysis/ads-suggestions.ts';
import { round4 } from '../analysis/ratio.ts';
import type { Database } from '../store/database.ts';
import { adLevelRows, adSpan, budgetFacts, listAdTargets, skuTiers, type AdFactRow, type AdTarget } from '../store/ad-facts.ts';
import { saveAdSuggestions, type AdSuggestionRecord } from '../store/ad-suggestions.ts';
import { answerQuery } from './answer-query.ts';

/**
 * `asterism ads terms|negatives|bids|budgets` (issue 21): reads the period's ads reports per store and marketplace,
 * works out each advertised SKU's economics (break-even ACoS from the profit module, target ACoS, break-even CPC),
 * runs the suggestion rules per ad type and attribution window (never summed across them), and keeps the
 * suggestions in the approval list, where each has its id and status.
 */
export const adsQuestions = {
  terms: ['harvest_keyword', 'harvest_product'],
  negatives: ['negative_keyword', 'negative_product'],
  bids: ['bid', 'placement'],
  budgets: ['budget'],
} as const;
export type AdsQuestion = keyof typeof adsQuestions;

export interface AdsRequest {
  question: AdsQuestion;
  store?: string | undefined;
  marketplace?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  ad_type?: string | undefined;
  campaign?: string | undefined;
  user?: string | undefined;
}

export interface AdsAnswer {
  suggestions: PresentedAdSuggestion[];
  left_alone: (LeftAlone & { evidence?: undefined })[];
  economics: (SkuAdEconomics & { store: string; marketplace: string; ad_type: string; attribution_days: number | null })[];
  periods: { store: string; marketplace: string; from: string; to: string }[];
}

export async function adsSuggestions(db: Database, r: AdsRequest): Promise<AdsAnswer> {
  const answer: AdsAnswer = { suggestions: [], left_alone: [], economics: [], periods: [] };
  const fresh: AdSuggestion[] = [];
  const owners: { store: string; marketplace: string; currency: string; from: string; to: string }[] = [];
  for (const span of await adSpan(db, r.store ?? null, r.marketplace ?? null)) {
    const f = { store: span.store, marketplace: span.marketplace, from: r.from ?? span.from, to: r.to ?? span.to };
    answer.periods.push(f);
    const [searchTerms, targets, placements, products, budgets] = await Promise.all([
      adLevelRows(db, f, 'search_term'), adLevelRows(db, f, 'targeting'), adLevelRows(db, f, 'placement'), adLevelRows(db, f, 'advertised_product'),
      r.question === 'budgets' ? budgetFacts(db, f) : Promise.resolve([]),
    ]);
    const breakEven = await breakEvenBySku(db, f);
    const targetsSet = await listAdTargets(db, f.store);
    const tiers = await skuTiers(db, f.store);
    const fallbackCurrency = marketplaceByCode(f.marketplace)?.currency ?? 'USD';
    for (const g of windows([...searchTerms, ...targets, ...placements, ...products])) {
      if (r.ad_type && g.ad_type !== r.ad_type.toUpperCase()) continue;
      const inGroup = (x: AdFactRow) => x.ad_type === g.ad_type && x.attribution_days === g.attribution_days;
      const rows = { searchTerms: searchTerms.filter(inGroup), targets: targets.filter(inGroup), placements: placements.filter(inGroup), products: products.filter(inGroup) };
      const currency = [...rows.searchTerms, ...rows.targets, ...rows.products, ...rows.placements].find((x) => x.currency)?.currency ?? fallbackCurrency;
      const economics = skuEconomics(rows.products, currency, breakEven, targetsSet, tiers);
      for (const e of economics.values()) answer.economics.push({ ...e, store: f.store, marketplace: f.marketplace, ad_type: g.ad_type, attribution_days: g.attribution_days });
      const context: SuggestionContext = {
        ...f, ad_type: g.ad_type, attribution_days: g.attribution_days, currency,
        skusOf: (ref) => rows.products.filter((p) => p.campaign === ref.campaign && p.ad_group === ref.ad_group && p.advertised_sku)
          .sort((a, b) => new Decimal(b.spend).cmp(a.spend)).map((p) => p.advertised_sku as string),
        economics, storeTarget: storeTarget(targetsSet), accountConversionRate: conversionRate(rows.products.length ? rows.products : rows.targets),
      };
      const campaignSkus = (campaign: string) => rows.products.filter((p) => p.campaign === campaign && p.advertised_sku).map((p) => p.advertised_sku as string);
      const made = run(r.question, context, rows, budgets.filter((b) => b.attribution_days === g.attribution_days || b.attribution_days === null), campaignSkus);
      const keep = (s: { scope: Record<string, unknown> }) => !r.campaign || s.scope.campaign === r.campaign;
      fresh.push(...made.suggestions.filter(keep));
      answer.left_alone.push(...made.left_alone.filter(keep));
      owners.push(...made.suggestions.filter(keep).map(() => ({ ...f, currency })));
    }
  }
  const saved = await saveAdSuggestions(db, fresh.map((s, i) => ({
    key: s.key, kind: s.kind, store: owners[i]!.store, marketplace: owners[i]!.marketplace, ad_type: String(s.scope.ad_type),
    attribution_days: s.scope.attribution_days === null ? null : Number(s.scope.attribution_days), currency: owners[i]!.currency,
    from: owners[i]!.from, to: owners[i]!.to, scope: s.scope, evidence: s.evidence, change: { ...s.change }, created_by: r.user ?? null,
  })));
  answer.suggestions = saved.map(presentAdSuggestion);
  return answer;
}

function run(question: AdsQuestion, c: SuggestionContext, rows: { searchTerms: AdFactRow[]; targets: AdFactRow[]; placements: AdFactRow[] },
  budgets: Parameters<typeof budgetPacing>[1], campaignSkus: (campaign: string) => string[]): Suggestions {
  const both = (a: Suggestions, b: Suggestions): Suggestions => ({ suggestions: [...a.suggestions, ...b.suggestions], left_alone: [...a.left_alone, ...b.left_alone] });
  const st = rows.searchTerms as AdRow[];
  switch (question) {
    case 'terms': return harvestTerms(c, st, rows.targets);
    case 'negatives': return negativeTerms(c, st);
    case 'bids': return both(bidTargets(c, rows.targets.length ? rows.targets : []), placementMultipliers(c, rows.placements));
    case 'budgets': return budgetPacing(c, budgets, campaignSkus);
  }
}

/** The ad types and windows present, each judged on its own. */
function windows(rows: readonly AdFactRow[]): { ad_type: string; attribution_days: number | null }[] {
  const seen = new Map<string, { ad_type: string; attribution_days: number | null }>();
  for (const x of rows) seen.set(`${x.ad_type}:${x.attribution_days}`, { ad_type: x.ad_type, attribution_days: x.attribution_days });
  return [...seen.values()];
}

/** The profit module's break-even ACoS (profit before ads ÷ revenue) per SKU over the period; none when it cannot answer. */
async function breakEvenBySku(db: Database, f: { store: string; marketplace: string; from: string; to: string }): Promise<Map<string, number | null>> {
  try {
    const answer = await answerQuery(db, { metrics: ['break_even_acos'], by: ['sku'], store: f.store, marketplace: f.marketplace, from: f.from, to: f.to });
    return new Map(answer.rows.map((row) => [String(row.sku), typeof row.break_even_acos === 'number' ? row.break_even_acos : null]));
  } catch {
    // no profit facts for the period: every SKU's break-even is unknown, and says so (skuAdEconomics)
    return new Map();
  }
}

function skuEconomics(products: readonly AdFactRow[], currency: string, breakEven: ReadonlyMap<string, number | null>, targets: readonly AdTarget[], tiers: ReadonlyMap<string, string>): Map<string, SkuAdEconomics> {
  const bySku = new Map<string, { sales: Decimal; orders: number; clicks: number }>();
  for (const p of products) {
    if (!p.advertised_sku) continue;
    const t = bySku.get(p.advertised_sku) ?? { sales: new Decimal(0), orders: 0, clicks: 0 };
    bySku.set(p.advertised_sku, { sales: t.sales.add(p.sales), orders: t.orders + p.orders, clicks: t.clicks + p.clicks });
  }
  const out = new Map<string, SkuAdEconomics>();
  for (const [sku, t] of bySku) {
    const own = targets.find((x) => x.scope === 'sku' && x.key === sku);
    const tier = tiers.get(sku);
    const ofTier = tier ? targets.find((x) => x.scope === 'tier' && x.key === tier) : undefined;
    const store = targets.find((x) => x.scope === 'store');
    const chosen = own ?? ofTier ?? store;
    out.set(sku, skuAdEconomics({
      sku, currency, breakEvenAcos: breakEven.get(sku) ?? null, target: chosen ? { acos: chosen.target_acos, source: chosen.scope } : null,
      adSales: t.sales.toString(), adOrders: t.orders, adClicks: t.clicks,
    }));
  }
  return out;
}

const storeTarget = (targets: readonly AdTarget[]) => {
  const t = targets.find((x) => x.scope === 'store');
  return t ? Number(t.target_acos) : null;
};

function conversionRate(rows: readonly AdFactRow[]): number | null {
  const clicks = rows.reduce((a, x) => a + x.clicks, 0);
  return clicks ? round4(rows.reduce((a, x) => a + x.orders, 0) / clicks) : null;
}

/** The CLI contract's shape (`{id, kind, scope, evidence, change, status}`), then who decided, when and why. */
export function presentAdSuggestion(s: AdSuggestionRecord) {
  return {
    id: s.id, kind: s.kind, scope: s.scope, evidence: s.evidence, change: s.change, status: s.status,
    decided_by: s.decided_by, decided_at: s.decided_at, note: s.note, exported_at: s.exported_at, created_at: s.created_at,
  };
}
export type PresentedAdSuggestion = ReturnType<typeof presentAdSuggestion>;
