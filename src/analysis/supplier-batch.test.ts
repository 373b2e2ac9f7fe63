import { describe, expect, test } from 'vitest';
import { addDays } from './demand-forecast.ts';
import { poissonTail, traceBatches, type SoldLine } from './batch-quality.ts';
import { supplierScores } from './supplier-scorecard.ts';

describe('supplier scorecard', () => {
  test('a late supplier: 1 of 3 promised lines on time, lead times 40/50/60, 90% fulfilled', () => {
    const scores = supplierScores([
      { supplier: 'LATE', sku: 'A', ordered_date: '2026-01-01', promised_date: '2026-02-05', received_date: '2026-02-10', quantity: 100, received_quantity: 100 }, // 40 days, 5 late
      { supplier: 'LATE', sku: 'A', ordered_date: '2026-03-01', promised_date: '2026-04-05', received_date: '2026-04-20', quantity: 100, received_quantity: 80 }, // 50 days, 15 late
      { supplier: 'LATE', sku: 'B', ordered_date: '2026-05-01', promised_date: '2026-07-01', received_date: '2026-06-30', quantity: 100, received_quantity: 90 }, // 60 days, 1 early
      { supplier: 'LATE', sku: 'B', ordered_date: '2026-09-01', promised_date: '2026-10-01', received_date: null, quantity: 50, received_quantity: null }, // open
      { supplier: 'GOOD', sku: 'C', ordered_date: '2026-01-01', promised_date: '2026-02-01', received_date: '2026-02-01', quantity: 10, received_quantity: 10 },
    ]);
    const late = scores.find((s) => s.supplier === 'LATE');
    // on time 1 / 3; days late (5 + 15) / 2 = 10; lead time mean (40 + 50 + 60) / 3 = 50, variance (100 + 0 + 100) / 2 = 100
    // fulfilment (100 + 80 + 90) / (100 + 100 + 100) = 270 / 300 = 0.9
    expect(late).toMatchObject({ lines: 4, received_lines: 3, open_lines: 1, late_lines: 2, mean_days_late: 10, lead_time_mean: 50, lead_time_variance: 100, ordered_units: 300, received_units: 270, fulfilment_rate: 0.9 });
    expect(late?.on_time_rate).toBeCloseTo(1 / 3, 12);
    expect(scores.find((s) => s.supplier === 'GOOD')).toMatchObject({ on_time_rate: 1, late_lines: 0, lead_time_variance: null, fulfilment_rate: 1 });
  });
});

describe('batches by FIFO over receipts', () => {
  // three batches of 100, received 01-01, 02-01, 03-01; ten-unit orders: O1–O10 from 01-02, O11–O20 from 02-02, O21–O25 from 03-02
  const receipts = [
    { batch_id: 'B1', units: 100, received_date: '2026-01-01' },
    { batch_id: 'B2', units: 100, received_date: '2026-02-01' },
    { batch_id: 'B3', units: 100, received_date: '2026-03-01' },
  ];
  const orders = (from: number, to: number, start: string): SoldLine[] =>
    Array.from({ length: to - from + 1 }, (_, i) => ({ order_id: `O${from + i}`, date: addDays(start, i), units: 10 }));
  const sales = [{ order_id: 'O0', date: '2025-12-30', units: 4 }, ...orders(1, 10, '2026-01-02'), ...orders(11, 20, '2026-02-02'), ...orders(21, 25, '2026-03-02')];

  test('a bad batch: B2\'s returns 12 / 100 = 12% against 3 / 150 = 2% for the others: 6×', () => {
    const returns = [
      { order_id: 'O1', units: 1, reason: 'UNWANTED_ITEM', disposition: 'SELLABLE' }, { order_id: 'O5', units: 1, reason: 'UNWANTED_ITEM', disposition: 'SELLABLE' },
      ...[11, 12, 13, 14, 15, 16].map((n) => ({ order_id: `O${n}`, units: 2, reason: 'DEFECTIVE', disposition: 'DEFECTIVE' })),
      { order_id: 'O21', units: 1, reason: 'NOT_AS_DESCRIBED', disposition: 'SELLABLE' },
      { order_id: 'O0', units: 1, reason: 'DEFECTIVE', disposition: 'DEFECTIVE' }, // sold before the first batch: unmatched
      { order_id: null, units: 1, reason: null, disposition: null },
    ];
    const reviews = [{ date: '2026-02-05', rating: 1 }, { date: '2026-02-20', rating: 2 }, { date: '2026-02-06', rating: 5 }, { date: '2026-01-03', rating: 2 }];
    const traced = traceBatches(receipts, sales, returns, reviews);
    const [b1, b2, b3] = traced.batches;
    // B1: O1–O10 = 100 sold, 2 returned → 2%; others (12 + 1) / (100 + 50) = 8.67% → 0.23×
    expect(b1).toMatchObject({ sold_units: 100, returned_units: 2, return_rate: 0.02, first_sale: '2026-01-02', last_sale: '2026-01-11', low_star_reviews: 1, bad: false });
    // B2: O11–O20 = 100 sold, 6 × 2 = 12 defective → 12%; others (2 + 1) / 150 = 2% → 6× ≥ 2, 12 ≥ 5 returns,
    // expected 100 × 2% = 2 → P(Poisson(2) ≥ 12) = 1.4e-6 < 1e-4: bad
    expect(b2).toMatchObject({ sold_units: 100, returned_units: 12, defect_units: 12, return_rate: 0.12, low_star_reviews: 2, bad: true });
    expect(b2?.vs_sku).toBeCloseTo(6, 12);
    // B3: O21–O25 = 50 sold, 1 returned → 2%
    expect(b3).toMatchObject({ sold_units: 50, returned_units: 1, return_rate: 0.02, bad: false });
    // the SKU: 15 / 250 = 6%; O0 (before B1) and the return without an order: 2 unmatched
    expect(traced.sku_return_rate).toBeCloseTo(0.06, 12);
    expect(traced).toMatchObject({ unmatched_returns: 2, unbatched_units: 0 });
  });

  test('a small batch with a few more returns than usual is not called bad: chance explains them', () => {
    // B1 200 sold, 4 returned (2%). B2 30 sold, 6 returned (20%, 10×): expected 30 × 2% = 0.6, P(Poisson(0.6) ≥ 6) = 3.9e-5: bad;
    // 5 returned (16.7%, 8.3×): P(≥ 5) = 3.9e-4, chance enough: not bad; 6 of 100 (6%, 3×): expected 2, P(≥ 6) = 0.017: not bad
    const two = (b2Sold: number, b2Returns: number) => traceBatches(
      [{ batch_id: 'B1', units: 200, received_date: '2026-01-01' }, { batch_id: 'B2', units: b2Sold, received_date: '2026-02-01' }],
      [{ order_id: 'X1', date: '2026-01-05', units: 200 }, { order_id: 'X2', date: '2026-02-05', units: b2Sold }],
      [{ order_id: 'X1', units: 4, reason: null, disposition: null }, { order_id: 'X2', units: b2Returns, reason: 'DEFECTIVE', disposition: null }], []);
    expect(two(30, 6).batches[1]?.bad).toBe(true);
    expect(two(30, 5).batches[1]?.bad).toBe(false);
    expect(two(100, 6).batches[1]).toMatchObject({ return_rate: 0.06, bad: false });
  });

  test('the Poisson tail: P(X ≥ 0) = 1; P(X ≥ 1 | 2) = 1 − e⁻² = 0.8647', () => {
    expect(poissonTail(0, 2)).toBe(1);
    expect(poissonTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 12);
  });

  test('units sold after a batch runs out and before the next arrives are unbatched', () => {
    const traced = traceBatches([{ batch_id: 'B1', units: 15, received_date: '2026-01-01' }, { batch_id: 'B2', units: 50, received_date: '2026-02-01' }],
      [...orders(1, 2, '2026-01-02'), ...orders(3, 3, '2026-02-02')], [], []);
    // O1 10 + O2 5 from B1 (15), O2's other 5 unbatched; O3 from B2
    expect(traced.batches.map((b) => b.sold_units)).toEqual([15, 10]);
    expect(traced.unbatched_units).toBe(5);
  });
});
