import { describe, expect, test } from 'vitest';
import { chunksFor, checkRange, coveredAfter, localStart } from './plan.ts';
import { syncReport } from './report-types.ts';
import type { SyncState } from '../../store/sync-state.ts';

const report = (type: string) => {
  const r = syncReport(type);
  if (!r) throw new Error(type);
  return r;
};
const state = (from: string, to: string): SyncState => ({ store: 's', marketplace: 'US', report_type: 'x', covered_from: from, covered_to: to, last_success: null, last_error: null, last_error_zh: null, next_run: null });

describe('what a sync asks Amazon for', () => {
  test('a first sync: the last 90 days to yesterday, cut by the report\'s longest range (orders: 30 days)', () => {
    const chunks = chunksFor(report('GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL'), undefined, {}, '2026-12-07');
    // 2026-09-08 .. 2026-12-06 is 90 days: three 30-day requests
    expect(chunks).toEqual([{ from: '2026-09-08', to: '2026-10-07' }, { from: '2026-10-08', to: '2026-11-06' }, { from: '2026-11-07', to: '2026-12-06' }]);
  });

  test('later syncs start inside the restatement window: sales and traffic re-pulls its last 3 days, one request a day', () => {
    const chunks = chunksFor(report('GET_SALES_AND_TRAFFIC_REPORT'), state('2026-10-01', '2026-12-04'), {}, '2026-12-07');
    // covered to the 4th: the 2nd, 3rd and 4th again, then the 5th and 6th
    expect(chunks.map((c) => c.from)).toEqual(['2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
  });

  test('a backfill is chunked by the report\'s range, the last chunk cut at --to', () => {
    const chunks = chunksFor(report('GET_DATE_RANGE_FINANCIAL_TRANSACTION_DATA'), state('2026-10-01', '2026-12-04'), { from: '2025-01-01', to: '2025-03-05' }, '2026-12-07');
    expect(chunks).toEqual([{ from: '2025-01-01', to: '2025-01-30' }, { from: '2025-01-31', to: '2025-03-01' }, { from: '2025-03-02', to: '2025-03-05' }]);
  });

  test('Brand Analytics: whole Sunday–Saturday weeks, once the week has closed', () => {
    // Monday 2026-12-07: the week of Sunday 11-29 .. Saturday 12-05 has closed, the one of 12-06 has not
    const chunks = chunksFor(report('GET_BRAND_ANALYTICS_SEARCH_QUERY_PERFORMANCE_REPORT'), undefined, { from: '2026-11-15', to: '2026-12-06' }, '2026-12-07');
    expect(chunks).toEqual([{ from: '2026-11-15', to: '2026-11-21' }, { from: '2026-11-22', to: '2026-11-28' }, { from: '2026-11-29', to: '2026-12-05' }]);
  });

  test('snapshots are today\'s, whatever the range', () => {
    expect(chunksFor(report('GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA'), undefined, { from: '2026-01-01', to: '2026-01-31' }, '2026-12-07')).toEqual([{ from: '2026-12-07', to: '2026-12-07' }]);
  });

  test('the covered range never claims a day that was not pulled', () => {
    // adjoining: grows
    expect(coveredAfter({ from: '2026-10-01', to: '2026-10-31' }, { from: '2026-11-01', to: '2026-11-30' })).toEqual({ from: '2026-10-01', to: '2026-11-30' });
    // a backfill's first chunk, long before: kept as it was (the days between are not covered)
    expect(coveredAfter({ from: '2026-10-01', to: '2026-10-31' }, { from: '2026-01-01', to: '2026-01-30' })).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    // after a gap: the newest stretch is what is known
    expect(coveredAfter({ from: '2026-10-01', to: '2026-10-31' }, { from: '2026-11-05', to: '2026-11-30' })).toEqual({ from: '2026-11-05', to: '2026-11-30' });
    expect(coveredAfter({ from: null, to: null }, { from: '2026-11-05', to: '2026-11-30' })).toEqual({ from: '2026-11-05', to: '2026-11-30' });
  });

  test('--from and --to: both, in order, at most two years', () => {
    expect(() => checkRange({ from: '2026-01-01' })).toThrow(/--from and --to go together/);
    expect(() => checkRange({ from: '2026-02-01', to: '2026-01-01' })).toThrow(/after --to/);
    // 2024-01-01 .. 2026-01-01 is 732 days
    expect(() => checkRange({ from: '2024-01-01', to: '2026-01-01' })).toThrow(/longer than two years \(732 days\)/);
    expect(() => checkRange({ from: '2024-01-02', to: '2026-01-01' })).not.toThrow();
  });

  test('a local day starts at the marketplace\'s midnight (Pacific time in winter and summer, Tokyo)', () => {
    expect(localStart('2026-12-07', 'America/Los_Angeles')).toBe('2026-12-07T00:00:00-08:00');
    expect(localStart('2026-07-07', 'America/Los_Angeles')).toBe('2026-07-07T00:00:00-07:00');
    expect(localStart('2026-07-07', 'Asia/Tokyo')).toBe('2026-07-07T00:00:00+09:00');
    expect(localStart('2026-01-07', 'Europe/London')).toMatch(/^2026-01-07T00:00:00(Z|\+00:00)$/);
  });
});
