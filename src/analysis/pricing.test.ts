import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import { findCategory } from './fee-estimate.ts';
import { feeModel } from './pricing-fees.ts';
import { breakEvenPrice, priceForMargin, profitAt, type UnitEconomics } from './pricing.ts';
import { suggestPrice, type PricingRules, type SuggestInput } from './pricing-rules.ts';

const s = (d: Decimal | null | undefined) => (d === null || d === undefined ? null : d.toFixed(2));
const us = (landedCost: string, fulfilment = '3.45'): UnitEconomics => ({
  currency: 'USD', vatRate: 0, landedCost, digits: 2, fees: feeModel({ rate: '0.15', minimum: '0.30' }, { fixed: fulfilment }),
});

describe('break-even with a percentage referral fee and its minimum', () => {
  test('percentage branch: P − 0.15 P − 3.45 − 8 = 0 → P = 11.45 / 0.85 = 13.4706 → 13.48', () => {
    expect(s(breakEvenPrice(us('8')))).toBe('13.48');
  });
  test('minimum branch: P − max(0.15 P, 0.30) − 1 = 0; 0.15 × 1.30 = 0.195 < 0.30, so P − 0.30 − 1 = 0 → 1.30', () => {
    expect(s(breakEvenPrice(us('1', '0')))).toBe('1.30');
  });
  test('just above the crossing: with cost 2 the minimum branch gives 2.30 but 0.15 × 2.30 = 0.345 > 0.30, so 2 / 0.85 = 2.353 → 2.36', () => {
    expect(s(breakEvenPrice(us('2', '0')))).toBe('2.36');
  });
  test('EU (DE, VAT 19%): revenue P / 1.19, referral on P: P (1/1.19 − 0.15) = 3 + 10 → P = 13 / 0.690336 = 18.8315 → 18.84', () => {
    const de: UnitEconomics = { currency: 'EUR', vatRate: '0.19', landedCost: '10', digits: 2, fees: feeModel({ rate: '0.15', minimum: '0.30' }, { fixed: '3' }) };
    expect(s(breakEvenPrice(de))).toBe('18.84');
    // target margin 10% of revenue ex VAT: 0.9 P / 1.19 − 0.15 P = 13 → P = 13 / 0.606303 = 21.4414 → 21.45
    expect(s(priceForMargin(de, '0.10'))).toBe('21.45');
    const at = profitAt(de, '21.45');
    // revenue 21.45 / 1.19 = 18.0252; referral 3.2175; profit 18.0252 − 3.2175 − 3 − 10 = 1.8077; margin 0.1003
    expect(at?.revenue.toFixed(4)).toBe('18.0252');
    expect(at?.margin?.toFixed(4)).toBe('0.1003');
  });
  test('target margin 20%: 0.85 P − 11.45 = 0.20 P → P = 11.45 / 0.65 = 17.6154 → 17.62', () => {
    expect(s(priceForMargin(us('8'), '0.20'))).toBe('17.62');
  });
  test('a margin the fees make impossible has no price', () => {
    // 0.85 P − 11.45 ≥ 0.9 P never holds
    expect(priceForMargin(us('8'), '0.90')).toBeNull();
  });
  test('with the FBA table the price band is solved too: the $10–$50 fee applies at the answer', () => {
    const table: UnitEconomics = {
      currency: 'USD', vatRate: 0, landedCost: '8', digits: 2,
      fees: feeModel({ category: findCategory('US', '2026-03-01', 'home_kitchen')! }, { marketplace: 'US', date: '2026-03-01', parcel: { sides: [10, 6, 0.5], dimensionUnit: 'in', weight: 5, weightUnit: 'oz' } }),
    };
    // under $10 (FBA 2.56): 0.85 P = 10.56 → 12.42, not under $10; $10–$50 (FBA 3.45): 11.45 / 0.85 → 13.48
    expect(s(breakEvenPrice(table))).toBe('13.48');
  });
});

describe('suggestion under rules (US: break-even 13.48, floor at 10% = 11.45 / 0.75 = 15.27, target 20% = 17.62)', () => {
  const suggest = (rules: PricingRules, more: Partial<SuggestInput> = {}) =>
    suggestPrice({ economics: us('8'), fxExposedCost: '0', rules, currentPrice: null, competitorPrice: null, ...more });
  const result = (r: ReturnType<typeof suggest>) => ({ price: s(r.suggestedPrice), rules: r.rulesApplied });

  test('an unreachable target margin is flagged, and the suggestion falls back', () => {
    // 0.85 P − 11.45 ≥ 0.9 P never holds: competitor 16 stands
    const r = suggest({ targetMargin: '0.9' }, { competitorPrice: '16' });
    expect(result(r)).toEqual({ price: '16.00', rules: [] });
    expect(r.warnings).toEqual(['target_unreachable']);
  });
  test('without rules: the floor is break-even, and the suggestion starts there', () => {
    expect(suggest({})).toMatchObject({ basis: 'floor', rulesApplied: ['floor'] });
    expect(s(suggest({}).suggestedPrice)).toBe('13.48');
  });
  test('floor fires on a competitor price below it, not above', () => {
    expect(result(suggest({ minMargin: '0.10' }, { competitorPrice: '14' }))).toEqual({ price: '15.27', rules: ['floor'] });
    expect(result(suggest({ minMargin: '0.10' }, { competitorPrice: '16' }))).toEqual({ price: '16.00', rules: [] });
    // competitor-anchored: 16.00 − 0.05 step = 15.95
    expect(result(suggest({ minMargin: '0.10', competitorStep: '0.05' }, { competitorPrice: '16' }))).toEqual({ price: '15.95', rules: [] });
  });
  test('ceiling fires above it, not below; a floor above the ceiling wins and is flagged', () => {
    expect(result(suggest({ targetMargin: '0.20', ceiling: '17' }))).toEqual({ price: '17.00', rules: ['ceiling'] });
    expect(result(suggest({ targetMargin: '0.20', ceiling: '18' }))).toEqual({ price: '17.62', rules: [] });
    const clash = suggest({ targetMargin: '0.20', minMargin: '0.10', ceiling: '15' });
    expect(result(clash)).toEqual({ price: '15.27', rules: ['ceiling', 'floor'] });
    expect(clash.warnings).toEqual(['floor_above_ceiling']);
  });
  test('MAP fires below it, not above', () => {
    expect(result(suggest({}, { competitorPrice: '16', currentPrice: '16' }))).toEqual({ price: '16.00', rules: [] });
    expect(result(suggest({ map: '16.99' }, { competitorPrice: '16' }))).toEqual({ price: '16.99', rules: ['map'] });
    expect(result(suggest({ map: '15' }, { competitorPrice: '16' }))).toEqual({ price: '16.00', rules: [] });
  });
  test('max step fires on a change larger than the step, up or down, not on a smaller one', () => {
    // from 15.00 by at most 5%: up to 15.75
    expect(result(suggest({ targetMargin: '0.20', maxStep: '0.05' }, { currentPrice: '15' }))).toEqual({ price: '15.75', rules: ['max_step'] });
    // from 20.00 by at most 5%: down to 19.00
    expect(result(suggest({ targetMargin: '0.20', maxStep: '0.05' }, { currentPrice: '20' }))).toEqual({ price: '19.00', rules: ['max_step'] });
    // 20% allows 12.00 – 18.00: 17.62 stands
    expect(result(suggest({ targetMargin: '0.20', maxStep: '0.20' }, { currentPrice: '15' }))).toEqual({ price: '17.62', rules: [] });
    // the step never pushes under the floor: from 12.00 by 5% is 12.60, below break-even 13.48
    expect(result(suggest({ targetMargin: '0.20', maxStep: '0.05' }, { currentPrice: '12' }))).toEqual({ price: '13.48', rules: ['max_step', 'floor'] });
  });
  test('FX buffer fires when the cost is converted: 8 × 1.05 = 8.40 → 0.65 P = 11.85 → 18.24; break-even stays 13.48', () => {
    const r = suggest({ targetMargin: '0.20', fxBuffer: '0.05' }, { fxExposedCost: '8' });
    expect(result(r)).toEqual({ price: '18.24', rules: ['fx_buffer'] });
    expect(s(r.breakEvenPrice)).toBe('13.48');
    // not when the cost is already in the marketplace currency, nor when a ceiling decides either way
    expect(result(suggest({ targetMargin: '0.20', fxBuffer: '0.05' }, { fxExposedCost: '0' }))).toEqual({ price: '17.62', rules: [] });
    expect(result(suggest({ targetMargin: '0.20', fxBuffer: '0.05', ceiling: '17' }, { fxExposedCost: '8' }))).toEqual({ price: '17.00', rules: ['ceiling'] });
  });
});
