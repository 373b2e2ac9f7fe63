import { expect, test } from 'vitest';
import { formatNumber, formatServerChange, headlineFigure } from './format.ts';

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

// Headline cards (issue 27): compact so an eight-digit sum fits its card, the exact value kept for the title and screen readers
test.each([
  // 43,120,245.00 USD: 43.12 million, 3 significant digits in English; 4312.0245 万, 4 significant digits in Chinese
  [43120245, 'money', 'en', 'USD', '$43.1M', '$43,120,245.00'],
  [43120245, 'money', 'zh-CN', 'USD', 'US$4312万', 'US$43,120,245.00'],
  // 1,234,567,890 CNY: 12.345… 亿 → 12.35亿 (4 significant digits); 1.23 billion in English
  [1234567890, 'money', 'zh-CN', 'CNY', '¥12.35亿', '¥1,234,567,890.00'],
  [1234567890, 'money', 'en', 'CNY', 'CN¥1.23B', 'CN¥1,234,567,890.00'],
  // counts: 14,642 sessions is 1.464万 in Chinese; under 100,000 English shows every digit
  [14642, 'int', 'zh-CN', undefined, '1.464万', '14,642'],
  [99999.5, 'money', 'en', 'USD', '$99,999.50', '$99,999.50'],
  [250000, 'int', 'en', undefined, '250K', '250,000'],
  // rates are never compacted; unknown stays unknown
  [0.1126, 'pct2', 'en', undefined, '11.26%', '11.26%'],
  [null, 'money', 'en', 'USD', '—', '—'],
] as const)('headline %s as %s in %s: %s, exactly %s', (value, format, lang, currency, short, exact) => {
  expect(headlineFigure(value, format, lang, currency)).toEqual({ short, exact });
});
