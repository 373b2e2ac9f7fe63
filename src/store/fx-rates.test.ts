import { expect, test } from 'vitest';
import { Database } from './database.ts';
import { listFxRates, setFxRates } from './fx-rates.ts';

test('FX rates are set, updated in place, listed, and checked', async () => {
  const db = await Database.open(':memory:');
  await setFxRates(db, [{ date: '2026-01-01', base: 'usd', quote: 'CNY', rate: '7.12' }]);
  await setFxRates(db, [{ date: '2026-01-01', base: 'USD', quote: 'CNY', rate: '7.1' }, { date: '2026-02-01', base: 'EUR', quote: 'CNY', rate: '7.78' }]);
  expect(await listFxRates(db)).toEqual([
    { date: '2026-02-01', base: 'EUR', quote: 'CNY', rate: '7.78' },
    { date: '2026-01-01', base: 'USD', quote: 'CNY', rate: '7.1' },
  ]);
  await expect(setFxRates(db, [{ date: '2026-01-01', base: 'USD', quote: 'CNY', rate: '-1' }])).rejects.toThrow(/positive number/);
  await expect(setFxRates(db, [{ date: '2026-13-01', base: 'USD', quote: 'CNY', rate: '7' }])).rejects.toThrow(/not a date/);
  await expect(setFxRates(db, [{ date: '2026-01-01', base: 'US', quote: 'CNY', rate: '7' }])).rejects.toThrow(/ISO currency/);
  db.close();
});
