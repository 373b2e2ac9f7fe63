import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { addDays } from '../domain/calendar.ts';
import { runQuery } from '../metrics/query.ts';
import { Database } from '../store/database.ts';
import { evaluateAlerts } from './alert-evaluate.ts';

/**
 * The return-rate spike names the reason that rose. One ASIN, 100 units ordered each week (Sunday
 * 2026-08-30 to Saturday 2026-10-31); each of the 8 weeks before the last: 1 DEFECTIVE return and 1 or 2
 * NOT_AS_DESCRIBED (alternating); the last week: 10 DEFECTIVE and 2 NOT_AS_DESCRIBED. Each return is
 * dated 2 days after its order, inside the same week.
 */
let db: Database;
beforeEach(async () => {
  db = await Database.open(join(mkdtempSync(join(tmpdir(), 'asterism-alert-reasons-')), 'a.duckdb'));
  let n = 0;
  const order = async (day: string, returns: [string, number][]) => {
    const id = `O${++n}`;
    await db.run(`INSERT INTO order_items (channel, store, marketplace, order_id, order_date, sku, asin, quantity, fulfillment, currency, import_id)
      VALUES ('Amazon.com', 'default', 'US', $1, $2::DATE, 'RUG1', 'B0RUG00001', 100, 'AFN', 'USD', 1)`, [id, day]);
    for (const [reason, quantity] of returns) {
      await db.run(`INSERT INTO returns (store, marketplace, return_date, channel, order_id, sku, asin, quantity, reason, import_id)
        VALUES ('default', 'US', $1::DATE, 'FBA', $2, 'RUG1', 'B0RUG00001', $3, $4, 1)`, [addDays(day, 2), id, quantity, reason]);
    }
  };
  for (let week = 0; week < 8; week++) {
    await order(addDays('2026-08-30', week * 7), [['DEFECTIVE', 1], ['NOT_AS_DESCRIBED', week % 2 ? 2 : 1]]);
  }
  await order('2026-10-25', [['DEFECTIVE', 10], ['NOT_AS_DESCRIBED', 2]]);
});
afterEach(() => db.close());

it('returned units split by reason in the metric catalog (the rate by reason is null with its reason: units ordered have no return reason)', async () => {
  const answer = await runQuery(db, { metrics: ['returned_units', 'return_rate'], by: ['return_reason'], from: '2026-10-25', to: '2026-10-31' });
  expect(answer.rows.map((r) => [r.return_reason, r.returned_units, r.return_rate])).toEqual([['DEFECTIVE', 10, null], ['NOT_AS_DESCRIBED', 2, null]]);
});

it('the return-rate spike says which reason rose, with the numbers', async () => {
  const [spike, ...more] = (await evaluateAlerts(db, '2026-10-31')).filter((f) => f.detector === 'return_rate_spike');
  expect(more).toEqual([]);
  expect(spike!.scope).toEqual({ store: 'default', marketplace: 'US', asin: 'B0RUG00001' });
  expect(spike!.evidence.map((e) => e.en)).toEqual([
    '2026-10-25 – 2026-10-31',
    // weekly rates 2%, 3%, 2%, 3%, …: median 2.5%, each 0.5 pts away, scaled MAD 0.005 × 1.4826 = 0.007413;
    // this week (10 + 2) / 100 = 12%: (0.12 − 0.025) / 0.007413 = 12.8; 0.12 / 0.025 − 1 = +380%
    'Return rate 12.0% against a median of 2.5% over the 8 weeks before (robust score 12.8, +380.0%)',
    // DEFECTIVE: 10 / 100 = 10% against 8 / 800 = 1%: +9 pts; NOT_AS_DESCRIBED: 2 / 100 = 2% against 12 / 800 = 1.5%: +0.5 pts
    'Return reason DEFECTIVE rose most: 10.0% of units ordered (10 of 100) against 1.0% (8 of 800) over the 8 weeks before, +9.0 pts',
    'The others: NOT_AS_DESCRIBED 2.0% (2)',
  ]);
  expect(spike!.evidence[2]!.zh).toBe('退货原因 DEFECTIVE 升幅最大：占订购件数的 10.0%（100 件中 10 件），此前 8 周为 1.0%（800 件中 8 件），+9.0 个百分点');
});

it('a week like the ones before raises nothing', async () => {
  // as of 2026-10-24 the last week holds 1 + 2 = 3 returns, under the 5 the detector needs, and a rate like the others
  expect((await evaluateAlerts(db, '2026-10-24')).filter((f) => f.detector === 'return_rate_spike')).toEqual([]);
});
