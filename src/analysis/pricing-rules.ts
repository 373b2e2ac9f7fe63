import { Decimal } from 'decimal.js';
import { priceForMargin, profitAt, type UnitEconomics } from './pricing.ts';

/**
 * A price suggestion under the seller's rules (SPEC §6). The rules, each a bound on the suggestion:
 * `floor` (break-even + minimum margin: never below), `ceiling`, `map` (minimum advertised price),
 * `max_step` (largest change from the current price, as a fraction), `fx_buffer` (cost as if the
 * purchase currency were dearer by this fraction). Step and ceiling are applied first, then floor
 * and MAP, so a suggestion never goes under cost or MAP to respect a step or a ceiling.
 */
export const pricingRuleNames = ['floor', 'ceiling', 'map', 'max_step', 'fx_buffer'] as const;
export type PricingRuleName = (typeof pricingRuleNames)[number];

export interface PricingRules {
  minMargin?: Decimal.Value | null;
  targetMargin?: Decimal.Value | null;
  ceiling?: Decimal.Value | null;
  map?: Decimal.Value | null;
  maxStep?: Decimal.Value | null;
  fxBuffer?: Decimal.Value | null;
  /** the competitor-anchored price is the competitor's price minus this amount */
  competitorStep?: Decimal.Value | null;
}

export interface SuggestInput {
  economics: UnitEconomics;
  /** the part of the landed cost converted from another currency (what the FX buffer scales) */
  fxExposedCost: Decimal.Value;
  rules: PricingRules;
  currentPrice: Decimal.Value | null;
  competitorPrice: Decimal.Value | null;
}

export type SuggestionBasis = 'target_margin' | 'competitor' | 'current_price' | 'floor';

export interface Suggestion {
  breakEvenPrice: Decimal | null;
  targetMarginPrice: Decimal | null;
  competitorAnchoredPrice: Decimal | null;
  floorPrice: Decimal | null;
  suggestedPrice: Decimal | null;
  basis: SuggestionBasis | null;
  rulesApplied: PricingRuleName[];
  warnings: ('floor_above_ceiling' | 'target_unreachable' | 'no_price')[];
}

const dec = (v: Decimal.Value | null | undefined): Decimal | null => (v === null || v === undefined ? null : new Decimal(v));

export function suggestPrice(input: SuggestInput): Suggestion {
  const buffer = dec(input.rules.fxBuffer) ?? new Decimal(0);
  const exposed = new Decimal(input.fxExposedCost);
  const buffered = buffer.gt(0) && exposed.gt(0);
  const economics = buffered ? { ...input.economics, landedCost: new Decimal(input.economics.landedCost).add(exposed.mul(buffer)) } : input.economics;
  const answer = bounded(input, economics);
  // the FX buffer bounded the suggestion when, without it, the suggestion would differ
  if (buffered) {
    const plain = bounded(input, input.economics);
    if (!eq(plain.suggestedPrice, answer.suggestedPrice)) answer.rulesApplied.push('fx_buffer');
  }
  return { ...answer, breakEvenPrice: priceForMargin(input.economics, 0) };
}

function bounded(input: SuggestInput, economics: UnitEconomics): Suggestion {
  const unit = new Decimal(10).pow(-economics.digits);
  const down = (p: Decimal) => p.div(unit).floor().mul(unit);
  const up = (p: Decimal) => p.div(unit).ceil().mul(unit);
  const { rules } = input;
  const target = dec(rules.targetMargin);
  const targetMarginPrice = target === null ? null : priceForMargin(economics, target);
  const floorPrice = priceForMargin(economics, dec(rules.minMargin) ?? 0);
  const competitor = dec(input.competitorPrice);
  const competitorAnchoredPrice = competitor === null ? null : down(competitor.sub(dec(rules.competitorStep) ?? 0));
  const current = dec(input.currentPrice);
  const start = pickStart(targetMarginPrice, competitorAnchoredPrice, current, floorPrice);
  const applied: PricingRuleName[] = start?.basis === 'floor' ? ['floor'] : [];
  const warnings: Suggestion['warnings'] = [];
  let price = start?.price ?? null;
  const bound = (name: PricingRuleName, next: Decimal) => {
    if (price !== null && !next.eq(price)) {
      price = next;
      if (!applied.includes(name)) applied.push(name);
    }
  };
  const step = dec(rules.maxStep);
  if (price !== null && current !== null && step !== null) {
    bound('max_step', Decimal.min(Decimal.max(price, up(current.mul(new Decimal(1).sub(step)))), down(current.mul(new Decimal(1).add(step)))));
  }
  const ceiling = dec(rules.ceiling);
  if (price !== null && ceiling !== null) bound('ceiling', Decimal.min(price, ceiling));
  if (price !== null && floorPrice !== null) bound('floor', Decimal.max(price, floorPrice));
  const map = dec(rules.map);
  if (price !== null && map !== null) bound('map', Decimal.max(price, map));
  if (floorPrice !== null && ceiling !== null && floorPrice.gt(ceiling)) warnings.push('floor_above_ceiling');
  if (target !== null && targetMarginPrice === null) warnings.push('target_unreachable');
  if (price === null) warnings.push('no_price');
  return {
    breakEvenPrice: null, targetMarginPrice, competitorAnchoredPrice, floorPrice, suggestedPrice: price,
    basis: start?.basis ?? null, rulesApplied: applied, warnings,
  };
}

/** What the suggestion starts from: the target-margin price, else the competitor-anchored price, else the current price, else the floor. */
function pickStart(target: Decimal | null, competitor: Decimal | null, current: Decimal | null, floor: Decimal | null): { price: Decimal; basis: SuggestionBasis } | null {
  if (target) return { price: target, basis: 'target_margin' };
  if (competitor) return { price: competitor, basis: 'competitor' };
  if (current) return { price: current, basis: 'current_price' };
  return floor ? { price: floor, basis: 'floor' } : null;
}

const eq = (a: Decimal | null, b: Decimal | null) => (a === null || b === null ? a === b : a.eq(b));

/** The profit and margin of one unit at the suggested price, on the true (unbuffered) cost. */
export function profitAtSuggestion(input: SuggestInput, s: Suggestion) {
  return s.suggestedPrice === null ? null : profitAt(input.economics, s.suggestedPrice);
}
