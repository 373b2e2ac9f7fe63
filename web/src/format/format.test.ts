import { expect, test } from 'vitest';
import { formatNumber, formatServerChange } from './format.ts';

test.each([
  [14642, 'int', 'zh-CN', undefined, '1.46万'],
  [14642, 'int', 'en', undefined, '14,642'],
  [9999, 'int', 'zh-CN', undefined, '9,999'],
  [48426.66, 'money', 'zh-CN', 'USD', 'US$4.84万'],
  [48426.66, 'money', 'en', 'USD', '$48,426.66'],
  [123456789, 'money', 'zh-CN', 'CNY', '¥1.23亿'],
  // each currency's ISO 4217 digits: whole yen, three places for the Kuwaiti dinar, cents even where the value has none
  [8490, 'money', 'en', 'JPY', '¥8,490'],
  [1.25, 'money', 'en', 'KWD', 'KWD\u00a01.250'],
  [3.5, 'money', 'en', 'USD', '$3.50'],
  [0.1126, 'pct2', 'en', undefined, '11.26%'],
  [null, 'int', 'en', undefined, '—'],
] as const)('%s as %s in %s', (value, format, lang, currency, shown) => {
  expect(formatNumber(value, format, lang, currency)).toBe(shown);
});

test.each([
  [0.0734, 'relative', 'en', '+7.3%'],
  [-0.5, 'relative', 'zh-CN', '−50%'],
  [0.0088, 'difference', 'en', '+0.88 pp'], // ACoS 19.4% → 20.3%: a ratio moves in points
  [0, 'relative', 'en', '±0%'],
  [null, 'relative', 'en', '—'],
] as const)('the server\'s change %s (%s) in %s reads %s', (change, basis, lang, shown) => {
  expect(formatServerChange(change, basis, lang)).toBe(shown);
});
