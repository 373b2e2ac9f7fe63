import { Decimal } from 'decimal.js';
import { currencyDigits } from '../domain/marketplaces.ts';
import { say, type Texts } from '../domain/messages.ts';
import { adsRules, autoTargets, placementKinds } from './ads-rules.ts';
import { clicksToJudge, type SkuAdEconomics } from './ads-economics.ts';
import { round4 } from './ratio.ts';

/**
 * The changes an ads specialist makes each week (issue 21), as pure functions over the period's ad rows of ONE ad
 * type and attribution window (the caller groups them: SP, SB and SD are never summed across windows), judged
 * against each SKU's economics (ads-economics.ts). Thresholds: ads-rules.ts. Each suggestion names its scope, the
 * evidence it rests on and the change for the bulk file; terms judged and left alone say why.
 */
export interface AdFigures {
  impressions: number | null;
  clicks: number;
  spend: string;
  sales: string;
  orders: number;
}

/** A row of the search-term, targeting or placement report, summed over the period. */
export interface AdRow extends AdFigures {
  portfolio: string | null;
  campaign: string;
  ad_group: string | null;
  targeting: string | null;
  match_type: string | null;
  search_term: string | null;
  placement: string | null;
}

export interface BudgetRow {
  portfolio: string | null;
  campaign: string;
  budget: string | null;
  recommended_budget: string | null;
  avg_time_in_budget: number | null;
  spend: string | null;
  sales: string | null;
  missed_sales_min: string | null;
  missed_sales_max: string | null;
  days: number;
}

export interface AdGroupRef {
  campaign: string;
  ad_group: string;
}

export interface SuggestionContext {
  store: string;
  marketplace: string;
  ad_type: string;
  attribution_days: number | null;
  currency: string;
  from: string;
  to: string;
  /** each ad group's advertised SKUs (advertised product report), most spend first */
  skusOf: (g: AdGroupRef) => string[];
  economics: ReadonlyMap<string, SkuAdEconomics>;
  /** the store's own target ACoS, when no SKU says otherwise */
  storeTarget: number | null;
  /** the account's conversion rate in this ad type and window, for SKUs without their own */
  accountConversionRate: number | null;
}

export type SuggestionKind = 'harvest_keyword' | 'harvest_product' | 'negative_keyword' | 'negative_product' | 'bid' | 'placement' | 'budget';

export interface BulkChange {
  entity: 'Keyword' | 'Negative Keyword' | 'Product Targeting' | 'Negative Product Targeting' | 'Bidding Adjustment' | 'Campaign';
  operation: 'Create' | 'Update';
  campaign: string;
  ad_group: string | null;
  keyword_text?: string;
  match_type?: string;
  expression?: string;
  bid?: string;
  placement?: string;
  percentage?: number;
  daily_budget?: string;
}

export interface AdSuggestion {
  /** the same change asked twice has the same key (the approval list keeps one) */
  key: string;
  kind: SuggestionKind;
  scope: Record<string, string | number | null>;
  evidence: Record<string, string | number | null>;
  change: BulkChange;
}

export interface LeftAlone {
  kind: SuggestionKind;
  scope: Record<string, string | number | null>;
  reason: Texts;
}

export interface Suggestions {
  suggestions: AdSuggestion[];
  left_alone: LeftAlone[];
}

const asinTerm = /^b0[0-9a-z]{8}$/i;
const norm = (s: string | null | undefined) => (s ?? '').trim().toLowerCase();
const isAuto = (targeting: string | null) => (autoTargets as readonly string[]).includes(norm(targeting)) || norm(targeting).startsWith('category=');
const isNegative = (matchType: string | null) => norm(matchType).startsWith('negative');
const acosOf = (r: AdFigures) => (new Decimal(r.sales).isZero() ? null : new Decimal(r.spend).div(r.sales));
const pct = (v: Decimal | number | null) => (v === null ? '—' : `${new Decimal(v).mul(100).toDecimalPlaces(1).toString()}%`);

function figures(r: AdFigures, digits: number) {
  const acos = acosOf(r);
  return {
    impressions: r.impressions, clicks: r.clicks, spend: new Decimal(r.spend).toFixed(digits), sales: new Decimal(r.sales).toFixed(digits), orders: r.orders,
    acos: acos === null ? null : round4(acos.toNumber()),
    cpc: r.clicks ? new Decimal(r.spend).div(r.clicks).toFixed(digits) : null,
    conversion_rate: r.clicks ? round4(r.orders / r.clicks) : null,
  };
}

function base(c: SuggestionContext) {
  return { store: c.store, marketplace: c.marketplace, ad_type: c.ad_type, attribution_days: c.attribution_days };
}

function period(c: SuggestionContext) {
  return { currency: c.currency, from: c.from, to: c.to };
}

/** The SKU whose economics judge an ad group (its first advertised SKU), and its target ACoS. */
function judgeOf(c: SuggestionContext, g: AdGroupRef | null) {
  const sku = g ? c.skusOf(g)[0] ?? null : null;
  const e = sku ? c.economics.get(sku) ?? null : null;
  const target = e?.target_acos ?? c.storeTarget;
  return { sku, economics: e, target: target === null ? null : new Decimal(target), conversionRate: e?.conversion_rate ?? c.accountConversionRate };
}

/** bid = target ACoS × sales per click: at that cost per click the clicks' sales come in at the target. */
function bidToward(target: Decimal, r: AdFigures, digits: number): Decimal {
  const bid = target.mul(r.sales).div(r.clicks).toDecimalPlaces(digits, Decimal.ROUND_DOWN);
  const floor = new Decimal(1).div(10 ** digits).mul(2);
  return Decimal.max(bid, floor);
}

/** Sum rows (one term's rows across days are already summed; this sums a term across ad groups). */
function sum(rows: readonly AdFigures[]): AdFigures {
  return rows.reduce<AdFigures>((a, r) => ({
    impressions: a.impressions === null || r.impressions === null ? null : a.impressions + r.impressions,
    clicks: a.clicks + r.clicks, spend: new Decimal(a.spend).add(r.spend).toString(), sales: new Decimal(a.sales).add(r.sales).toString(), orders: a.orders + r.orders,
  }), { impressions: 0, clicks: 0, spend: '0', sales: '0', orders: 0 });
}

/**
 * Harvesting: a customer search term with ≥ harvestMinOrders orders at an ACoS below target, not yet an exact
 * keyword in a manual campaign, becomes an exact keyword (an ASIN becomes a product target), bid toward target, in
 * the manual ad group that already holds exact keywords for the SKU, else in the manual ad group it came from.
 */
export function harvestTerms(c: SuggestionContext, searchTerms: readonly AdRow[], targets: readonly AdRow[]): Suggestions {
  const digits = currencyDigits(c.currency);
  const known = [...targets, ...searchTerms];
  const exact = new Set(known.filter((r) => norm(r.match_type) === 'exact' && !isAuto(r.targeting)).map((r) => norm(r.targeting)));
  const productTargets = new Set(known.filter((r) => /^asin="/i.test(r.targeting ?? '')).map((r) => norm(r.targeting)));
  const exactGroups = groupsWith(known, (r) => norm(r.match_type) === 'exact');
  const out: Suggestions = { suggestions: [], left_alone: [] };
  for (const [term, rows] of byKey(searchTerms.filter((r) => r.search_term), (r) => norm(r.search_term))) {
    const total = sum(rows);
    const source = [...rows].sort((a, b) => b.orders - a.orders || b.clicks - a.clicks)[0]!;
    const group = source.ad_group ? { campaign: source.campaign, ad_group: source.ad_group } : null;
    const judge = judgeOf(c, group);
    const product = asinTerm.test(term);
    const kind: SuggestionKind = product ? 'harvest_product' : 'harvest_keyword';
    const scope = { ...base(c), search_term: source.search_term, campaign: source.campaign, ad_group: source.ad_group, targeting: source.targeting, sku: judge.sku };
    if (total.orders < 1) continue; // not a harvesting question (negatives judge it)
    const leave = (reason: Texts) => out.left_alone.push({ kind, scope, reason });
    if (product ? productTargets.has(`asin="${term}"`) : exact.has(term)) { leave(say('ads_left_exact_exists')); continue; }
    if (total.orders < adsRules.harvestMinOrders) { leave(say('ads_left_few_orders', { orders: total.orders, min: adsRules.harvestMinOrders })); continue; }
    if (judge.target === null) { leave(say('ads_left_no_target')); continue; }
    const acos = acosOf(total);
    if (acos === null || acos.gte(judge.target)) { leave(say('ads_left_acos_high', { acos: pct(acos), target: pct(judge.target) })); continue; }
    const destination = destinationFor(c, judge.sku, exactGroups, rows);
    if (!destination) { leave(say('ads_left_no_destination')); continue; }
    const bid = bidToward(judge.target, total, digits);
    const change: BulkChange = product
      ? { entity: 'Product Targeting', operation: 'Create', ...destination, expression: `asin="${term.toUpperCase()}"`, bid: bid.toFixed(digits) }
      : { entity: 'Keyword', operation: 'Create', ...destination, keyword_text: source.search_term ?? term, match_type: 'exact', bid: bid.toFixed(digits) };
    out.suggestions.push({
      key: keyOf(c, kind, [destination.campaign, destination.ad_group, term]), kind, scope,
      evidence: { ...figures(total, digits), target_acos: round4(judge.target.toNumber()), target_source: judge.economics?.target_source ?? (c.storeTarget === null ? null : 'store'),
        break_even_acos: judge.economics?.break_even_acos ?? null, sales_per_click: new Decimal(total.sales).div(total.clicks).toFixed(digits),
        rule: `orders ≥ ${adsRules.harvestMinOrders}, ACoS < target; bid = target ACoS × sales ÷ clicks`, ...period(c) },
      change,
    });
  }
  return out;
}

/**
 * Negatives: a search term with no order after enough clicks (clicksToJudge at the SKU's conversion rate) and at
 * least the minimum spend, or one whose ACoS is negativeAcosMultiple × break-even or more, becomes a negative exact
 * (an ASIN: a negative product target) in the ad group where it spent. Wasted spend: all of it without orders; with
 * orders, the spend above what break-even allows (spend − sales × break-even ACoS).
 */
export function negativeTerms(c: SuggestionContext, searchTerms: readonly AdRow[]): Suggestions {
  const digits = currencyDigits(c.currency);
  const minSpend = new Decimal(digits === 0 ? adsRules.negativeMinSpend.zeroDecimals : adsRules.negativeMinSpend.default);
  const out: Suggestions = { suggestions: [], left_alone: [] };
  const noOrder: { campaign: string; ad_group: string | null; term: string; spend: Decimal; clicks: number }[] = [];
  for (const [, rows] of byKey(searchTerms.filter((r) => r.search_term && !isNegative(r.match_type)), (r) => `${r.campaign}\t${r.ad_group}\t${norm(r.search_term)}`)) {
    const total = sum(rows);
    const r = rows[0]!;
    const term = norm(r.search_term);
    const product = asinTerm.test(term);
    const kind: SuggestionKind = product ? 'negative_product' : 'negative_keyword';
    const group = r.ad_group ? { campaign: r.campaign, ad_group: r.ad_group } : null;
    const judge = judgeOf(c, group);
    const scope = { ...base(c), search_term: r.search_term, campaign: r.campaign, ad_group: r.ad_group, targeting: r.targeting, sku: judge.sku };
    const leave = (reason: Texts) => out.left_alone.push({ kind, scope, reason });
    const spend = new Decimal(total.spend);
    let wasted: Decimal;
    let rule: string;
    const needed = clicksToJudge(judge.conversionRate, adsRules.noOrderChance);
    if (total.orders === 0) {
      if (total.clicks === 0) continue;
      if (needed === null) { leave(say('ads_left_no_rate')); continue; }
      if (total.clicks < needed) { leave(say('ads_left_few_clicks', { clicks: total.clicks, cvr: pct(judge.conversionRate), needed })); continue; }
      if (spend.lt(minSpend)) { leave(say('ads_left_low_spend', { spend: spend.toFixed(digits), min: minSpend.toFixed(digits), currency: c.currency })); continue; }
      wasted = spend;
      rule = `0 orders after ≥ ${needed} clicks (⌈ln ${adsRules.noOrderChance} ÷ ln(1 − ${judge.conversionRate})⌉), spend ≥ ${minSpend.toFixed(digits)}`;
    } else {
      const breakEven = judge.economics?.break_even_acos ?? null;
      const acos = acosOf(total);
      if (breakEven === null || breakEven <= 0 || acos === null || acos.lt(new Decimal(breakEven).mul(adsRules.negativeAcosMultiple))) continue;
      wasted = spend.sub(new Decimal(total.sales).mul(breakEven));
      rule = `ACoS ≥ ${adsRules.negativeAcosMultiple} × break-even ACoS ${pct(breakEven)}`;
    }
    const destination = { campaign: r.campaign, ad_group: r.ad_group };
    const change: BulkChange = product
      ? { entity: 'Negative Product Targeting', operation: 'Create', ...destination, expression: `asin="${term.toUpperCase()}"` }
      : { entity: 'Negative Keyword', operation: 'Create', ...destination, keyword_text: r.search_term ?? term, match_type: 'negativeExact' };
    if (total.orders === 0 && !product) noOrder.push({ campaign: r.campaign, ad_group: r.ad_group, term, spend, clicks: total.clicks });
    out.suggestions.push({
      key: keyOf(c, kind, [r.campaign, r.ad_group ?? '', term]), kind, scope,
      evidence: { ...figures(total, digits), wasted_spend: wasted.toFixed(digits), clicks_needed: needed, conversion_rate_used: judge.conversionRate,
        conversion_rate_source: judge.economics?.conversion_rate != null ? 'sku' : 'account', break_even_acos: judge.economics?.break_even_acos ?? null, rule, ...period(c) },
      change,
    });
  }
  out.suggestions.push(...negativePhrases(c, noOrder, searchTerms.filter((r) => r.orders > 0).map((r) => ` ${norm(r.search_term)} `), digits));
  return out;
}

/**
 * Negative phrase: a two-word sequence shared by ≥ phraseMinTerms terms of one ad group that each earned a negative
 * exact for spending without an order, and found in no term that converted, blocks the whole family of such searches.
 * Its wasted spend is the sum of those terms' spend; the terms are its evidence.
 */
function negativePhrases(c: SuggestionContext, noOrder: readonly { campaign: string; ad_group: string | null; term: string; spend: Decimal; clicks: number }[],
  converting: readonly string[], digits: number): AdSuggestion[] {
  const out: AdSuggestion[] = [];
  for (const [, terms] of byKey(noOrder, (t) => `${t.campaign}\t${t.ad_group}`)) {
    const covered = new Set<string>();
    const pairs = new Map<string, typeof terms>();
    for (const t of terms) {
      const words = t.term.split(/\s+/).filter(Boolean);
      for (const pair of new Set(words.slice(1).map((w, i) => `${words[i]} ${w}`))) pairs.set(pair, [...(pairs.get(pair) ?? []), t]);
    }
    const ranked = [...pairs.entries()].filter(([pair, list]) => list.length >= adsRules.phraseMinTerms && !converting.some((x) => x.includes(` ${pair} `)))
      .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
    for (const [pair, list] of ranked) {
      const key = list.map((t) => t.term).sort().join('\u001e');
      if (covered.has(key)) continue;
      covered.add(key);
      const first = list[0]!;
      out.push({
        key: keyOf(c, 'negative_keyword', [first.campaign, first.ad_group ?? '', `phrase:${pair}`]), kind: 'negative_keyword',
        scope: { ...base(c), search_term: pair, campaign: first.campaign, ad_group: first.ad_group, targeting: null, sku: null },
        evidence: { clicks: list.reduce((a, t) => a + t.clicks, 0), orders: 0, wasted_spend: list.reduce((a, t) => a.add(t.spend), new Decimal(0)).toFixed(digits),
          terms: list.map((t) => t.term).join(' | '), rule: `"${pair}" in ≥ ${adsRules.phraseMinTerms} terms negated for no order, in no converting term`, ...period(c) },
        change: { entity: 'Negative Keyword', operation: 'Create', campaign: first.campaign, ad_group: first.ad_group, keyword_text: pair, match_type: 'negativePhrase' },
      });
    }
  }
  return out;
}

/**
 * Bids: a keyword or product target with ≥ bidMinClicks clicks and ≥ bidMinOrders orders gets the bid that brings its
 * ACoS to target (target × sales ÷ clicks), moved at most bidMaxStep from today's CPC, when it moves by bidMinChange or more.
 */
export function bidTargets(c: SuggestionContext, targets: readonly AdRow[]): Suggestions {
  const digits = currencyDigits(c.currency);
  const out: Suggestions = { suggestions: [], left_alone: [] };
  for (const r of targets) {
    if (!r.targeting || isNegative(r.match_type) || r.clicks < adsRules.bidMinClicks || r.orders < adsRules.bidMinOrders) continue;
    const judge = judgeOf(c, r.ad_group ? { campaign: r.campaign, ad_group: r.ad_group } : null);
    const scope = { ...base(c), campaign: r.campaign, ad_group: r.ad_group, targeting: r.targeting, match_type: r.match_type, sku: judge.sku };
    if (judge.target === null) { out.left_alone.push({ kind: 'bid', scope, reason: say('ads_left_no_target') }); continue; }
    const cpc = new Decimal(r.spend).div(r.clicks);
    const ideal = bidToward(judge.target, r, digits);
    const step = new Decimal(adsRules.bidMaxStep);
    const bid = Decimal.min(Decimal.max(ideal, cpc.mul(new Decimal(1).sub(step))), cpc.mul(new Decimal(1).add(step))).toDecimalPlaces(digits, Decimal.ROUND_DOWN);
    if (bid.sub(cpc).abs().lt(cpc.mul(adsRules.bidMinChange))) continue;
    const product = /^asin="/i.test(r.targeting) || isAuto(r.targeting);
    out.suggestions.push({
      key: keyOf(c, 'bid', [r.campaign, r.ad_group ?? '', norm(r.targeting), norm(r.match_type)]), kind: 'bid', scope,
      evidence: { ...figures(r, digits), target_acos: round4(judge.target.toNumber()), ideal_bid: ideal.toFixed(digits),
        rule: `bid = target ACoS × sales ÷ clicks, at most ±${adsRules.bidMaxStep * 100}% of CPC`, ...period(c) },
      change: product
        ? { entity: 'Product Targeting', operation: 'Update', campaign: r.campaign, ad_group: r.ad_group, expression: r.targeting, bid: bid.toFixed(digits) }
        : { entity: 'Keyword', operation: 'Update', campaign: r.campaign, ad_group: r.ad_group, keyword_text: r.targeting, match_type: norm(r.match_type), bid: bid.toFixed(digits) },
    });
  }
  return out;
}

/**
 * Placement multipliers: per campaign, a placement's sales per click against rest of search's says what a click
 * there is worth; the bid adjustment is (its sales per click ÷ rest of search's − 1) × 100 %, 0–900 %, for
 * placements (and a base) with ≥ placementMinClicks clicks and an order.
 */
export function placementMultipliers(c: SuggestionContext, placements: readonly AdRow[]): Suggestions {
  const digits = currencyDigits(c.currency);
  const out: Suggestions = { suggestions: [], left_alone: [] };
  for (const [campaign, rows] of byKey(placements, (r) => r.campaign)) {
    const of = (kind: string) => sum(rows.filter((r) => placementKinds.find((p) => p.report.includes(norm(r.placement)))?.kind === kind));
    const rest = of('rest_of_search');
    const judged = (r: AdFigures) => r.clicks >= adsRules.placementMinClicks && r.orders >= 1;
    if (!judged(rest)) continue;
    const restPerClick = new Decimal(rest.sales).div(rest.clicks);
    for (const kind of ['top_of_search', 'product_pages'] as const) {
      const p = of(kind);
      if (!judged(p)) continue;
      const perClick = new Decimal(p.sales).div(p.clicks);
      const percent = Math.min(adsRules.placementMaxPercent, Math.max(0, perClick.div(restPerClick).sub(1).mul(100).toDecimalPlaces(0, Decimal.ROUND_DOWN).toNumber()));
      out.suggestions.push({
        key: keyOf(c, 'placement', [campaign, kind]), kind: 'placement',
        scope: { ...base(c), campaign, placement: kind },
        evidence: { ...figures(p, digits), sales_per_click: perClick.toFixed(digits), rest_of_search_sales_per_click: restPerClick.toFixed(digits),
          rule: '(sales per click ÷ rest of search sales per click − 1) × 100 %, 0–900 %', ...period(c) },
        change: { entity: 'Bidding Adjustment', operation: 'Update', campaign, ad_group: null, placement: kind, percentage: percent },
      });
    }
  }
  return out;
}

/**
 * Budget pacing (the Budget report): a campaign in budget less than budgetMinTimeInBudget of the time, at an ACoS
 * at or below target, gets Amazon's recommended budget (else budget ÷ time in budget, rounded up to a whole unit);
 * the evidence carries the missed sales range and the spend run-rate (spend ÷ days against the daily budget).
 */
export function budgetPacing(c: SuggestionContext, budgets: readonly BudgetRow[], campaignSkus: (campaign: string) => string[]): Suggestions {
  const digits = currencyDigits(c.currency);
  const out: Suggestions = { suggestions: [], left_alone: [] };
  for (const b of budgets) {
    if (b.budget === null || b.avg_time_in_budget === null || b.avg_time_in_budget >= adsRules.budgetMinTimeInBudget) continue;
    const sku = campaignSkus(b.campaign)[0] ?? null;
    const e = sku ? c.economics.get(sku) ?? null : null;
    const targetValue = e?.target_acos ?? c.storeTarget;
    const scope = { ...base(c), campaign: b.campaign, portfolio: b.portfolio, sku };
    const acos = b.spend !== null && b.sales !== null && !new Decimal(b.sales).isZero() ? new Decimal(b.spend).div(b.sales) : null;
    if (targetValue === null) { out.left_alone.push({ kind: 'budget', scope, reason: say('ads_left_no_target') }); continue; }
    if (acos === null || acos.gt(targetValue)) {
      out.left_alone.push({ kind: 'budget', scope, reason: say('ads_left_budget_acos', { share: pct(1 - b.avg_time_in_budget), acos: pct(acos), target: pct(targetValue) }) });
      continue;
    }
    const proposed = b.recommended_budget !== null && new Decimal(b.recommended_budget).gt(b.budget)
      ? new Decimal(b.recommended_budget) : new Decimal(b.budget).div(Math.max(b.avg_time_in_budget, 0.01)).toDecimalPlaces(0, Decimal.ROUND_UP);
    const runRate = b.spend !== null && b.days > 0 ? new Decimal(b.spend).div(b.days) : null;
    out.suggestions.push({
      key: keyOf(c, 'budget', [b.campaign]), kind: 'budget', scope,
      evidence: {
        budget: new Decimal(b.budget).toFixed(digits), recommended_budget: b.recommended_budget === null ? null : new Decimal(b.recommended_budget).toFixed(digits),
        avg_time_in_budget: b.avg_time_in_budget, spend: b.spend === null ? null : new Decimal(b.spend).toFixed(digits), sales: b.sales === null ? null : new Decimal(b.sales).toFixed(digits),
        acos: acos === null ? null : round4(acos.toNumber()), target_acos: targetValue,
        missed_sales_min: b.missed_sales_min, missed_sales_max: b.missed_sales_max, days: b.days, spend_per_day: runRate === null ? null : runRate.toFixed(digits),
        rule: `time in budget < ${adsRules.budgetMinTimeInBudget * 100}%, ACoS ≤ target → recommended budget, else budget ÷ time in budget`, ...period(c),
      },
      change: { entity: 'Campaign', operation: 'Update', campaign: b.campaign, ad_group: null, daily_budget: proposed.toFixed(digits) },
    });
  }
  return out;
}

function keyOf(c: SuggestionContext, kind: SuggestionKind, parts: readonly string[]): string {
  return [c.store, c.marketplace, c.ad_type, c.attribution_days ?? '', kind, ...parts].join('\u001f');
}

function byKey<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** Manual ad groups holding rows that pass the test (exact keywords), as `campaign\tad group`. */
function groupsWith(rows: readonly AdRow[], test: (r: AdRow) => boolean): AdGroupRef[] {
  const seen = new Map<string, AdGroupRef>();
  for (const r of rows) if (r.ad_group && !isAuto(r.targeting) && test(r)) seen.set(`${r.campaign}\t${r.ad_group}`, { campaign: r.campaign, ad_group: r.ad_group });
  return [...seen.values()];
}

function destinationFor(c: SuggestionContext, sku: string | null, exactGroups: readonly AdGroupRef[], sources: readonly AdRow[]): AdGroupRef | null {
  const exactForSku = sku ? exactGroups.find((g) => c.skusOf(g).includes(sku)) : undefined;
  if (exactForSku) return exactForSku;
  const manual = sources.find((r) => r.ad_group && r.targeting && !isAuto(r.targeting) && !/^asin="/i.test(r.targeting));
  return manual?.ad_group ? { campaign: manual.campaign, ad_group: manual.ad_group } : null;
}
