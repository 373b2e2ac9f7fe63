import { expect, test } from 'vitest';
import { atStakeReasons, type AtStake } from '../analysis/index.ts';
import { stakeText } from './at-stake-text.ts';

const formula = { zh: '', en: '' };
const known: AtStake = { amount: 90.86, currency: 'USD', lost_purchases: 3.4961, formula, reason: null, reporting: null };

test('the amount with its currency and its currency\'s digits; converted beside it; the reason\'s code when unknown', () => {
  expect(stakeText(known, 'en')).toBe('90.86 USD');
  expect(stakeText({ ...known, amount: 6732, currency: 'JPY' }, 'en')).toBe('6732 JPY'); // no minor unit
  expect(stakeText({ ...known, amount: 19.9, currency: 'USD' }, 'en')).toBe('19.90 USD');
  const converted = { ...known, reporting: { amount: 645.11, currency: 'CNY', rate: '7.1', rate_date: '2026-09-30', reason: null } };
  expect(stakeText(converted, 'en')).toBe('90.86 USD (645.11 CNY)');
  expect(stakeText(converted, 'zh')).toBe('90.86 USD（645.11 CNY）');
  const noRate = { ...known, reporting: { amount: null, currency: 'CNY', rate: null, rate_date: null, reason: { code: 'no_rate' as const, ...atStakeReasons.no_rate } } };
  expect(stakeText(noRate, 'en')).toBe('90.86 USD (— no_rate)');
  expect(stakeText({ ...known, amount: null, reason: { code: 'no_price', ...atStakeReasons.no_price } }, 'zh')).toBe('— no_price');
});
