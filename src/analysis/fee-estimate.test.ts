import { describe, expect, test } from 'vitest';
import { estimateFees, findCategory, referralFee } from './fee-estimate.ts';
import { sizeTierOf, type Parcel } from './fee-tables/index.ts';

const inches = (l: number, w: number, h: number, oz: number): Parcel => ({ sides: [l, w, h], dimensionUnit: 'in', weight: oz, weightUnit: 'oz' });
const usOn = (date: string, price: string, parcel: Parcel, category = 'home_kitchen') => estimateFees({ marketplace: 'US', date, price, category, parcel });

describe('size tier and shipping weight', () => {
  test('small standard prices by unit weight only, even when dimensional weight is higher', () => {
    // 15 × 12 × 0.75 in: dim weight 135 / 139 = 0.971 lb (15.5 oz); unit weight 10 oz decides
    const t = sizeTierOf(inches(15, 12, 0.75, 10));
    expect(t.tier).toBe('small_standard');
    expect(t.shippingLb.toString()).toBe('0.625');
  });
  test('large standard uses dimensional weight L×W×H/139 when it is greater', () => {
    // 12 × 10 × 6 = 720 in³ / 139 = 5.1799 lb > 1 lb unit weight
    const t = sizeTierOf(inches(12, 10, 6, 16));
    expect(t.tier).toBe('large_standard');
    expect(t.shippingLb.toDecimalPlaces(4).toString()).toBe('5.1799');
  });
  test('centimetres and grams convert exactly (2.54 cm, 453.59237 g)', () => {
    // 25.4 × 15.24 × 1.27 cm = 10 × 6 × 0.5 in; 141.74 g = 0.31248 lb
    const t = sizeTierOf({ sides: ['25.4', '15.24', '1.27'], dimensionUnit: 'cm', weight: '141.74', weightUnit: 'g' });
    expect(t.tier).toBe('small_standard');
    expect(t.shippingLb.toDecimalPlaces(5).toString()).toBe('0.31248');
  });
  test('bulky: width and height count as at least 2 in for dimensional weight', () => {
    // 30 × 20 × 10 in fits small bulky (≤ 37 × 28 × 20, length + girth 30 + 60 = 90 ≤ 130); 6000 / 139 = 43.17 lb
    const t = sizeTierOf(inches(30, 20, 10, 160));
    expect(t.tier).toBe('small_bulky');
    expect(t.shippingLb.toDecimalPlaces(2).toString()).toBe('43.17');
  });
});

describe('US FBA fulfilment fee (2026 card from 2026-01-15)', () => {
  test('small standard 4–6 oz at $15: $3.45; referral 15% = $2.25', () => {
    expect(usOn('2026-03-01', '15', inches(10, 6, 0.5, 5))).toMatchObject({ referral: '2.25', fulfilment: '3.45', total: '5.70', currency: 'USD', basis: 'table', sizeTier: 'small_standard' });
  });
  test('low-price FBA under $10: $2.56; over $50: $3.71', () => {
    // referral 15% × 9.99 = 1.4985 → 1.50; total 1.50 + 2.56 = 4.06
    expect(usOn('2026-03-01', '9.99', inches(10, 6, 0.5, 5))).toMatchObject({ referral: '1.50', fulfilment: '2.56', total: '4.06' });
    expect(usOn('2026-03-01', '50', inches(10, 6, 0.5, 5))).toMatchObject({ fulfilment: '3.45' });
    expect(usOn('2026-03-01', '50.01', inches(10, 6, 0.5, 5))).toMatchObject({ fulfilment: '3.71' });
  });
  test('large standard above 3 lb: base + $0.08 per started 4 oz', () => {
    // 5.1799 lb: 6.97 + ceil((5.1799 − 3) / 0.25) = 9 steps × 0.08 = 0.72 → 7.69
    expect(usOn('2026-03-01', '25', inches(12, 10, 6, 16))).toMatchObject({ fulfilment: '7.69', shippingWeightLb: '5.1799' });
  });
  test('small bulky: base + $0.38 per pound above the first', () => {
    // 43.17 lb → 43 started pounds above the first: 7.55 + 43 × 0.38 = 7.55 + 16.34 = 23.89
    expect(usOn('2026-03-01', '100', inches(30, 20, 10, 160))).toMatchObject({ fulfilment: '23.89', sizeTier: 'small_bulky' });
  });
});

describe('peak surcharge and effective dates', () => {
  const light = inches(6, 4, 0.5, 1.5); // small standard, ≤ 2 oz
  test('2025 rates: $3.06, + $0.19 from 2025-10-15 to 2026-01-14; the 2026 card from 2026-01-15', () => {
    expect(usOn('2025-10-14', '20', light)).toMatchObject({ fulfilment: '3.06', versions: ['US-referral-2026', 'US-FBA-2025-01-15'] });
    expect(usOn('2025-10-15', '20', light)).toMatchObject({ fulfilment: '3.25' });
    expect(usOn('2026-01-14', '20', light)?.versions).toEqual(['US-referral-2026', 'US-FBA-2025-01-15', 'US-FBA-peak-2025-10-15']);
    expect(usOn('2026-01-15', '20', light)).toMatchObject({ fulfilment: '3.32', versions: ['US-referral-2026', 'US-FBA-2026-01-15'] });
  });
  test('the 2026–27 peak season has no table: the base rate, with a note saying so', () => {
    const e = usOn('2026-11-20', '20', light);
    expect(e?.fulfilment).toBe('3.32');
    expect(e?.notes.map((n) => n.code)).toEqual(['peak_unknown']);
  });
  test('a weight band the sources did not give is unknown, not guessed', () => {
    // 2025 table: no row for small standard 2–4 oz
    expect(usOn('2025-06-01', '20', inches(6, 4, 0.5, 3))).toMatchObject({ fulfilment: null, total: null, notes: [{ code: 'fulfilment_row_missing' }] });
  });
  test('before the first table, and in a marketplace without tables: no estimate', () => {
    expect(usOn('2024-06-01', '20', light)).toBeNull();
    expect(estimateFees({ marketplace: 'DE', date: '2026-03-01', price: '20', category: 'home_kitchen', parcel: light })).toBeNull();
  });
});

describe('referral fee', () => {
  const cat = (id: string) => findCategory('US', '2026-03-01', id)!;
  test('the per-item minimum when the percentage is below it', () => {
    // 15% × 1.50 = 0.225 < 0.30
    expect(referralFee(cat('home_kitchen'), '1.50').toString()).toBe('0.3');
  });
  test('whole-price tiers (beauty: 8% up to $10, else 15%) and portion tiers (furniture: 15% to $200, 10% above)', () => {
    expect(referralFee(cat('beauty_personal_care'), '10').toString()).toBe('0.8');
    expect(referralFee(cat('beauty_personal_care'), '10.01').toString()).toBe('1.5015');
    // 200 × 0.15 + 100 × 0.10 = 30 + 10 = 40
    expect(referralFee(cat('furniture'), '300').toString()).toBe('40');
  });
  test('categories match by id, English or Chinese name', () => {
    expect(findCategory('US', '2026-03-01', 'Home & Kitchen')?.id).toBe('home_kitchen');
    expect(findCategory('US', '2026-03-01', '家居厨房')?.id).toBe('home_kitchen');
    expect(usOn('2026-03-01', '20', inches(6, 4, 0.5, 1.5), 'Widgets')?.notes.map((n) => n.code)).toEqual(['unknown_category']);
  });
  test('FBM: no FBA fee', () => {
    expect(estimateFees({ marketplace: 'US', date: '2026-03-01', price: '20', category: 'toys', fulfillment: 'FBM' })).toMatchObject({ referral: '3.00', fulfilment: '0.00', total: '3.00' });
  });
});
