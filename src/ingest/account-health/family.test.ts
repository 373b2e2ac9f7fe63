import { describe, expect, test } from 'vitest';
import type { Database } from '../../store/database.ts';
import { importFiles } from '../import-files.ts';
import { familyContract, haveSharedFixtures, ownFixture, sharedFixture, withTempDb } from '../testing.ts';
import { accountHealth } from './family.ts';

const own = (name: string) => ownFixture(`account-health/${name}`);

familyContract(accountHealth, {
  good: own('uk-2026-03-01.json'),
  badValue: { file: own('bad-rate.json'), column: 'performanceMetrics[0].lateShipmentRate.rate' },
  other: ownFixture('brand-analytics/scp-uk-two-weeks.json'),
});

const rows = (db: Database) => db.all(`SELECT metric, fulfillment, CAST(date_from AS VARCHAR) AS date_from, CAST(date_to AS VARCHAR) AS date_to,
  rate, defects, orders, status FROM account_health ORDER BY metric, fulfillment`);

describe('account health', () => {
  test('ODR and its parts per FBA/FBM, the other rates with their own windows', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [own('uk-2026-03-01.json')])).files;
      // rows are dated by the last day of their window: all end on 2026-03-01
      expect(r).toMatchObject({ status: 'imported', marketplace: 'UK', rows: 12, from: '2026-03-01', to: '2026-03-01' });
      const odr = { date_from: '2026-01-01', date_to: '2026-03-01' };
      expect(await rows(db)).toEqual([
        { metric: 'a_to_z', fulfillment: 'FBA', ...odr, rate: null, defects: '5', orders: '4000', status: 'NONE' },
        { metric: 'a_to_z', fulfillment: 'FBM', ...odr, rate: null, defects: '2', orders: '500', status: 'NONE' },
        { metric: 'account_health_rating', fulfillment: null, date_from: '2025-09-03', date_to: '2026-03-01', rate: null, defects: null, orders: null, status: 'GREAT' },
        { metric: 'chargeback', fulfillment: 'FBA', ...odr, rate: null, defects: '1', orders: '4000', status: 'NONE' },
        { metric: 'chargeback', fulfillment: 'FBM', ...odr, rate: null, defects: '0', orders: '500', status: 'NONE' },
        { metric: 'late_shipment', fulfillment: null, date_from: '2026-01-31', date_to: '2026-03-01', rate: '0.018750', defects: '9', orders: '480', status: 'GOOD' },
        { metric: 'negative_feedback', fulfillment: 'FBA', ...odr, rate: null, defects: '6', orders: '4000', status: 'NONE' },
        { metric: 'negative_feedback', fulfillment: 'FBM', ...odr, rate: null, defects: '2', orders: '500', status: 'NONE' },
        { metric: 'odr', fulfillment: 'FBA', ...odr, rate: '0.003000', defects: '12', orders: '4000', status: 'GOOD' },
        { metric: 'odr', fulfillment: 'FBM', ...odr, rate: '0.008000', defects: '4', orders: '500', status: 'GOOD' },
        { metric: 'pre_fulfillment_cancel', fulfillment: null, date_from: '2026-02-23', date_to: '2026-03-01', rate: '0.008300', defects: '1', orders: '120', status: 'GOOD' },
        { metric: 'valid_tracking', fulfillment: null, date_from: '2026-01-31', date_to: '2026-03-01', rate: '0.995700', defects: null, orders: '470', status: 'GOOD' },
      ]);
    }));
});

describe.skipIf(!haveSharedFixtures)('account health samples (../shared)', () => {
  test('Amazon\'s schema example: ODR 1,078 of 539,000 per channel, LSR, cancellation, tracking', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [sharedFixture('account-health-json', 'official_schema_example_GET_V2_SELLER_PERFORMANCE_REPORT.json')])).files;
      expect(r).toMatchObject({ status: 'imported', marketplace: 'US', from: '2020-10-27', to: '2020-11-19' });
      const byMetric = Object.fromEntries((await rows(db)).map((x) => [`${x.metric}/${x.fulfillment ?? ''}`, x]));
      // afn and mfn both: orderCount 539,000, orderWithDefects 1,078, claims 442, rate 0.009; the "afn" entry says
      // fulfillmentType "mfn" (a slip in the example): the key decides
      expect(byMetric['odr/FBA']).toMatchObject({ rate: '0.009000', defects: '1078', orders: '539000', date_from: '2020-09-06', date_to: '2020-11-04' });
      expect(byMetric['a_to_z/FBM']).toMatchObject({ defects: '442', orders: '539000' });
      expect(byMetric['late_shipment/']).toMatchObject({ rate: '0.032040', defects: '27896', orders: '870669' });
      expect(byMetric['pre_fulfillment_cancel/']).toMatchObject({ rate: '0.005000', defects: '551', orders: '17197' });
      expect(byMetric['valid_tracking/']).toMatchObject({ rate: '0.952900', orders: '878443' });
      expect(byMetric['account_health_rating/']).toMatchObject({ status: 'WARNED' });
    }));

  test('Airbyte\'s fixture: ODR without its own window takes the rating\'s; marketplace from accountStatuses', () =>
    withTempDb(async (db) => {
      const [r] = (await importFiles(db, [sharedFixture('account-health-json', 'airbyte_GET_V2_SELLER_PERFORMANCE_REPORT_fixture.json')])).files;
      expect(r).toMatchObject({ status: 'imported', marketplace: 'US', rows: 4, from: '2026-07-24', to: '2026-07-24' });
      expect(await rows(db)).toEqual([
        { metric: 'account_health_rating', fulfillment: null, date_from: '2026-07-01', date_to: '2026-07-24', rate: null, defects: null, orders: null, status: 'GREEN' },
        { metric: 'late_shipment', fulfillment: null, date_from: '2026-07-01', date_to: '2026-07-24', rate: '0.010000', defects: '1', orders: null, status: 'NORMAL' },
        // no orderCount or defect counts in this fixture: unknown, not 0
        { metric: 'odr', fulfillment: 'FBA', date_from: '2026-07-01', date_to: '2026-07-24', rate: '0.000000', defects: null, orders: null, status: 'NORMAL' },
        { metric: 'odr', fulfillment: 'FBM', date_from: '2026-07-01', date_to: '2026-07-24', rate: '0.010000', defects: null, orders: null, status: 'NORMAL' },
      ]);
    }));
});
