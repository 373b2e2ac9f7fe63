import { expect, test } from 'vitest';
import { previousPeriod } from './periods.ts';

test.each([
  // from, to, comparison, previous from, previous to
  ['2026-09-13', '2026-09-19', 'wow', '2026-09-06', '2026-09-12'], // a Brand Analytics week, Sunday to Saturday
  ['2026-03-02', '2026-03-04', 'wow', '2026-02-23', '2026-02-25'], // across a month
  ['2026-03-01', '2026-03-31', 'mom', '2026-02-01', '2026-02-28'], // whole month → whole month
  ['2026-02-01', '2026-02-28', 'mom', '2026-01-01', '2026-01-31'], // Feb's last day → Jan's last day
  ['2026-03-10', '2026-03-16', 'mom', '2026-02-10', '2026-02-16'],
  ['2026-03-31', '2026-03-31', 'mom', '2026-02-28', '2026-02-28'], // clamped to February
  ['2026-01-01', '2026-01-15', 'mom', '2025-12-01', '2025-12-15'], // across a year
  ['2026-09-01', '2026-09-30', 'yoy', '2025-09-01', '2025-09-30'],
  ['2025-02-01', '2025-02-28', 'yoy', '2024-02-01', '2024-02-29'], // the whole February of a leap year
  ['2024-02-29', '2024-02-29', 'yoy', '2023-02-28', '2023-02-28'],
  ['2026-01-01', '2026-12-31', 'yoy', '2025-01-01', '2025-12-31'],
] as const)('%s … %s %s: %s … %s', (from, to, comparison, prevFrom, prevTo) => {
  expect(previousPeriod(from, to, comparison)).toEqual({ from: prevFrom, to: prevTo });
});

test('bad dates are refused with the date in the message', () => {
  expect(() => previousPeriod('2026-02-30', '2026-03-01', 'mom')).toThrow(/2026-02-30/);
  expect(() => previousPeriod('2026-03-05', '2026-03-01', 'wow')).toThrow(/after it ends/);
});
