import { expect, test } from 'vitest';
import { formatTimestamp } from './time.ts';

// 2026-11-24 16:05 UTC is 2026-11-25 00:05 in Beijing (UTC+8) and 08:05 in Los Angeles (PST, UTC−8)
test.each([
  ['beijing', 'US', 'zh-CN', '2026-11-25 00:05 北京时间'],
  ['site', 'US', 'en', '2026-11-24 08:05 US site time'],
  ['site', 'JP', 'en', '2026-11-25 01:05 JP site time'],
  ['site', null, 'en', '2026-11-24 16:05 UTC'],
] as const)('%s time for %s in %s', (mode, marketplace, lang, shown) => {
  expect(formatTimestamp('2026-11-24T16:05:00', mode, marketplace, lang)).toBe(shown);
});
