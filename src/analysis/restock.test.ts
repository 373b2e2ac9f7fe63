import { describe, expect, test } from 'vitest';
import { addDays, forecastDemand, velocityOf, type DemandDay, type DemandHistory } from './demand-forecast.ts';
import { restockPlan, roundOrder, safetyStock, zOfServiceLevel } from './restock.ts';

const asOf = '2026-11-30';
/** `n` days ending the day before `until`, each selling `units` */
function run(until: string, n: number, units: number): DemandDay[] {
  return Array.from({ length: n }, (_, i) => ({ date: addDays(until, -n + i), units }));
}
const history = (days: DemandDay[], extra: Partial<DemandHistory> = {}): DemandHistory => ({
  days, stockoutDays: new Set(), eventDays: new Set(), firstDay: days[0]?.date ?? null, ...extra,
});

describe('velocity leaves stock-out and event days out', () => {
  test('10 days: 6 selling 4 a day, 3 out of stock (0 sold), 1 deal day selling 20 → 24 ÷ 6 = 4 a day, not 44 ÷ 10', () => {
    const days = run(asOf, 10, 4);
    for (const d of days.slice(7)) d.units = 0; // 2026-11-27..29 out of stock
    days[6]!.units = 20; // 2026-11-26 a deal
    const v = velocityOf(history(days, { stockoutDays: new Set(days.slice(7).map((d) => d.date)), eventDays: new Set([days[6]!.date]) }), asOf, 10);
    // counted: 6 days × 4 = 24 → 24 / 6 = 4; σd of six equal days = 0
    expect(v).toEqual({ velocity: 4, sd: 0, counted_days: 6, stockout_days: 3, event_days: 1 });
  });

  test('days before the first sale are no history; a counted day without a sale is 0', () => {
    const days = [{ date: addDays(asOf, -4), units: 3 }, { date: addDays(asOf, -2), units: 5 }];
    // counted: 3, 0, 5, 0 (4 days from the first) → 8 / 4 = 2; σd = √(((1)²+(2)²+(3)²+(2)²)/3) = √(18/3) = √6
    const v = velocityOf(history(days), asOf, 30);
    expect(v.velocity).toBe(2);
    expect(v.sd).toBeCloseTo(Math.sqrt(6), 9);
    expect(v.counted_days).toBe(4);
  });
});

describe('forecast', () => {
  test('a seasonal SKU: last year the next 30 days sold 3× its trailing 28 → today\'s 4 a day forecast at 12', () => {
    const lastYear = addDays(asOf, -364);
    const days = [
      ...run(addDays(lastYear, -28), 60, 1), // older history, so the year is reached
      ...run(lastYear, 28, 2), // last year, the 28 days before: 2 a day
      ...run(addDays(lastYear, 30), 30, 6), // last year, the 30 days after: 6 a day (the season)
      ...run(asOf, 28, 4), // this year, the trailing 28 days: 4 a day
    ];
    const f = forecastDemand(history(days), asOf, 28, 30);
    // shape = 6 / 2 = 3; forecast = 4 × 3 = 12
    expect(f).toMatchObject({ method: 'seasonal', velocity: 4, shape: 3, forecast_daily: 12 });
  });

  test('under a year of history: the trailing rate; its error on the window just past', () => {
    // 28 days at 2 a day, then 28 at 4: one window back the method said 2, the window then sold 4 → |2 − 4| / 4 = 0.5
    const days = [...run(addDays(asOf, -28), 28, 2), ...run(asOf, 28, 4)];
    expect(forecastDemand(history(days), asOf, 28, 30)).toMatchObject({ method: 'trailing', forecast_daily: 4, shape: null, error: 0.5 });
  });
});

describe('safety stock, reorder point, order quantity', () => {
  test('z of a 95% service level is 1.6449 (the normal table); 50% is 0', () => {
    expect(zOfServiceLevel(0.95)).toBeCloseTo(1.644854, 5);
    expect(zOfServiceLevel(0.99)).toBeCloseTo(2.326348, 5);
    expect(zOfServiceLevel(0.5)).toBeCloseTo(0, 9);
  });

  test('worked example: z 1.6449, d 10, σd 3, LT 30, σLT 5 → 1.6449 × √(30×9 + 100×25) = 1.6449 × √2770 = 1.6449 × 52.631 = 86.57', () => {
    expect(safetyStock(zOfServiceLevel(0.95), 10, 3, 30, 5)).toBeCloseTo(86.57, 2);
  });

  test('MOQ and carton: 130 units → MOQ 500 → 21 cartons of 24 = 504; 12.2 with neither → 13; nothing needed → 0', () => {
    expect(roundOrder(130, 500, 24)).toBe(504);
    expect(roundOrder(620, 500, 24)).toBe(624); // 620 / 24 = 25.8 → 26 cartons
    expect(roundOrder(12.2, null, null)).toBe(13);
    expect(roundOrder(-5, 500, 24)).toBe(0);
  });

  test('the floor of 6 weeks wins over 86.57; below the reorder point: order now, up to one cycle more', () => {
    const plan = restockPlan({ asOf, daily: 10, dailySd: 3, leadTime: 30, leadTimeSd: 5, available: 300, inbound: 100, onOrder: 0, moq: 500, carton: 24 });
    // floor 6 × 7 × 10 = 420 > 86.57 → 420; ROP = 10 × 30 + 420 = 720; position 300 + 100 + 0 = 400 ≤ 720
    // need = 720 + 10 × 30 − 400 = 620 → 26 cartons of 24 = 624
    expect(plan).toMatchObject({ floor: 420, safety_stock: 420, reorder_point: 720, position: 400, order_quantity: 624, order_by: asOf, reason: 'below_reorder_point' });
  });

  test('above the reorder point: the day stock will reach it, and the cycle\'s order if that is within the cycle', () => {
    const plan = restockPlan({ asOf, daily: 10, dailySd: 3, leadTime: 30, leadTimeSd: 5, available: 800, inbound: 0, onOrder: 100, moq: null, carton: 10 });
    // position 900; (900 − 720) / 10 = 18 days → 2026-12-18; need 720 + 300 − 900 = 120 → 12 cartons of 10 = 120
    expect(plan).toMatchObject({ position: 900, order_by: '2026-12-18', order_quantity: 120, reason: 'reorder_within_cycle' });
    const covered = restockPlan({ asOf, daily: 10, dailySd: 3, leadTime: 30, leadTimeSd: 5, available: 1100, inbound: 0, onOrder: 0, moq: null, carton: null });
    // 1100 ≥ 720 + 300: nothing to order; the reorder day is (1100 − 720) / 10 = 38 days out → 2027-01-07
    expect(covered).toMatchObject({ order_quantity: 0, order_by: '2027-01-07', reason: 'covered' });
  });
});
