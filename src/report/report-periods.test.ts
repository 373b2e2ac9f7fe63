import { describe, expect, test } from 'vitest';
import { comparisonPeriods, defaultPeriodText, reportPeriod } from './report-periods.ts';

describe('report periods', () => {
  test.each([
    // [kind, last day with data, default period]
    ['daily', '2026-10-15', '2026-10-15'],
    ['weekly', '2026-10-18', '2026-W42'], // Sunday: W42 (10-12 … 10-18) is complete
    ['weekly', '2026-10-17', '2026-W41'], // Saturday: W42 is not complete yet
    ['weekly', '2027-01-03', '2026-W53'], // 2026 has 53 ISO weeks; 2027-01-03 is its last Sunday
    ['monthly', '2026-10-31', '2026-10'],
    ['monthly', '2026-10-30', '2026-09'],
    ['monthly', '2026-01-15', '2025-12'],
  ] as const)('%s, data to %s → %s', (kind, last, period) => {
    expect(defaultPeriodText(kind, last)).toBe(period);
  });

  test('period texts', () => {
    expect(reportPeriod('weekly', '2026-W42')).toEqual({ label: '2026-W42', from: '2026-10-12', to: '2026-10-18' });
    // a day: its Sunday-to-Saturday week, as Business Reports count weeks (2026-10-15 is a Thursday)
    expect(reportPeriod('weekly', '2026-10-15')).toEqual({ label: '2026-10-11~2026-10-17', from: '2026-10-11', to: '2026-10-17' });
    expect(reportPeriod('monthly', '2026-02')).toEqual({ label: '2026-02', from: '2026-02-01', to: '2026-02-28' });
    expect(() => reportPeriod('monthly', '2026-W42')).toThrow(/not a month such as 2026-10/);
    expect(() => reportPeriod('daily', '2026-13-01')).toThrow();
  });

  test('comparisons: the day before, 7 days, a month, and a year (52 weeks for days and weeks, so weekdays line up)', () => {
    expect(comparisonPeriods('daily', { from: '2026-10-15', to: '2026-10-15' })).toEqual([
      { id: 'dod', from: '2026-10-14', to: '2026-10-14' }, { id: 'wow', from: '2026-10-08', to: '2026-10-08' }, { id: 'yoy', from: '2025-10-16', to: '2025-10-16' },
    ]);
    expect(comparisonPeriods('monthly', { from: '2026-03-01', to: '2026-03-31' })).toEqual([
      { id: 'mom', from: '2026-02-01', to: '2026-02-28' }, { id: 'yoy', from: '2025-03-01', to: '2025-03-31' },
    ]);
  });
});
