import { expect, test } from 'vitest';
import { formatNumber } from './format.ts';

test.each([
  [14642, 'int', 'zh-CN', undefined, '1.46万'],
  [14642, 'int', 'en', undefined, '14,642'],
  [9999, 'int', 'zh-CN', undefined, '9,999'],
  [48426.66, 'money', 'zh-CN', 'USD', 'US$4.84万'],
  [48426.66, 'money', 'en', 'USD', '$48,426.66'],
  [123456789, 'money', 'zh-CN', 'CNY', '¥1.23亿'],
  [0.1126, 'pct2', 'en', undefined, '11.26%'],
  [null, 'int', 'en', undefined, '—'],
] as const)('%s as %s in %s', (value, format, lang, currency, shown) => {
  expect(formatNumber(value, format, lang, currency)).toBe(shown);
});
