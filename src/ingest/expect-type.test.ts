import { expect, test } from 'vitest';
import { resolve } from 'node:path';
import { Database } from '../store/database.ts';
import { importFiles } from './import-files.ts';

const salesTraffic = resolve('../shared/fixtures/data/sp-api-sales-and-traffic-json/airbyte_GET_SALES_AND_TRAFFIC_REPORT_fixture.json');

test('a report asked for by type that reads as another family is refused before a row is written', async () => {
  const db = await Database.open(':memory:');
  try {
    const [wrong] = (await importFiles(db, [salesTraffic], { expectType: 'all_orders' })).files;
    expect(wrong).toMatchObject({ status: 'error', type: 'sales_traffic_api', rows: 0 });
    expect(wrong?.error).toContain('reads as sales_traffic_api, not the all_orders report it was asked for');
    expect(await db.all('SELECT count(*) AS n FROM br_sales')).toEqual([{ n: '0' }]);
    const [right] = (await importFiles(db, [salesTraffic], { expectType: 'sales_traffic_api' })).files;
    // the fixture's two child ASINs
    expect(right).toMatchObject({ status: 'imported', type: 'sales_traffic_api', rows: 2 });
  } finally {
    db.close();
  }
});
