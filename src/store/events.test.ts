import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from './database.ts';
import { addEvent, listEvents, replaceDetectedEvents, type EventRecord } from './events.ts';

let dir: string;
let db: Database;
const brief = (events: EventRecord[]) => events.map((e) => [e.origin, e.type, e.date, e.end_date, e.asin]);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-events-'));
  db = await Database.open(join(dir, 'test.duckdb'));
  // an imported event as the master-data loader writes it: no end date, no marketplace
  await db.run(`INSERT INTO events (store, marketplace, date_from, date_to, type, asin, note, origin, import_id)
                VALUES ('default', NULL, '2026-09-14', NULL, 'coupon', 'B0EXAMPLE1', '20% coupon', 'imported', 1)`);
  await replaceDetectedEvents(db, {}, [{
    date: '2026-09-20', end_date: '2026-09-22', type: 'stockout', asin: 'B0EXAMPLE2', marketplace: 'DE', store: 'default',
    note: 'Stock-out 3 days: available units 0', note_zh: '断货 3 天：可售库存为 0',
  }]);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('addEvent', () => {
  test('stores an entered event and answers it as listed', async () => {
    const event = await addEvent(db, { date: '2026-09-10', end_date: '2026-09-16', type: 'Price_Change', asin: 'b0example1', marketplace: 'gb', note: ' new price ' });
    expect(event).toMatchObject({
      date: '2026-09-10', end_date: '2026-09-16', type: 'price_change', asin: 'B0EXAMPLE1', marketplace: 'UK',
      store: 'default', note: 'new price', note_zh: null, origin: 'entered',
    });
    expect(typeof event.id).toBe('number');
  });

  test('without an end date the event lasts its one day', async () => {
    const event = await addEvent(db, { date: '2026-09-30', type: 'other' });
    expect(event).toMatchObject({ date: '2026-09-30', end_date: '2026-09-30', asin: null, marketplace: null, note: null });
  });

  test.each([
    [{ date: '2026-9-1', type: 'coupon' }, 'event date "2026-9-1" is not a date: expected YYYY-MM-DD, e.g. 2026-09-30'],
    [{ date: '2026-02-30', type: 'coupon' }, 'event date "2026-02-30" is not a date'],
    [{ date: '2026-09-14', end_date: '2026-09-13', type: 'coupon' }, 'event end date 2026-09-13 is before its date 2026-09-14'],
    [{ date: '2026-09-14', type: 'coupons' }, 'unknown event type "coupons": expected one of coupon, deal, price_change'],
    [{ date: '2026-09-14', type: 'coupon', marketplace: 'XX' }, 'unknown marketplace "XX": expected a code such as US'],
    [{ date: '2026-09-14', type: 'coupon', asin: 'B0SHORT' }, 'ASIN "B0SHORT" is not 10 letters and digits'],
    [{ date: '2026-09-14', type: 'coupon', store: 'shop-2' }, 'unknown store "shop-2": known stores are default'],
  ])('%o is refused', async (input, message) => {
    await expect(addEvent(db, input)).rejects.toThrow(message);
  });
});

describe('listEvents', () => {
  test('lists imported, entered and detected events sorted by date', async () => {
    expect(brief(await listEvents(db))).toEqual([
      ['entered', 'price_change', '2026-09-10', '2026-09-16', 'B0EXAMPLE1'],
      ['imported', 'coupon', '2026-09-14', '2026-09-14', 'B0EXAMPLE1'],
      ['detected', 'stockout', '2026-09-20', '2026-09-22', 'B0EXAMPLE2'],
      ['entered', 'other', '2026-09-30', '2026-09-30', null],
    ]);
    const [detected] = await listEvents(db, { origins: ['detected'] });
    expect(detected).toMatchObject({ note: 'Stock-out 3 days: available units 0', note_zh: '断货 3 天：可售库存为 0', store: 'default', marketplace: 'DE' });
  });

  test('events overlapping the period are listed: one ending on --from, one starting on --to', async () => {
    // 09-10..09-16 ends on 09-16; 09-20..09-22 starts before 09-21 and runs into it
    expect(brief(await listEvents(db, { from: '2026-09-16', to: '2026-09-21' })).map((e) => e[2])).toEqual(['2026-09-10', '2026-09-20']);
    expect(await listEvents(db, { from: '2026-09-23', to: '2026-09-29' })).toEqual([]);
  });

  test('an event without an ASIN or marketplace concerns them all', async () => {
    // B0EXAMPLE1: its own price change (UK) and coupon (no marketplace), and the event for every ASIN
    expect(brief(await listEvents(db, { asin: 'b0example1' })).map((e) => e[1])).toEqual(['price_change', 'coupon', 'other']);
    // DE: the imported coupon and the 'other' event have no marketplace; the UK price change is left out
    expect(brief(await listEvents(db, { marketplace: 'DE' })).map((e) => e[1])).toEqual(['coupon', 'stockout', 'other']);
    // B0EXAMPLE2 without detected events: only the event for every ASIN
    expect(brief(await listEvents(db, { origins: ['imported', 'entered'], asin: 'B0EXAMPLE2' })).map((e) => e[1])).toEqual(['other']);
  });

  test('bad filters are refused', async () => {
    await expect(listEvents(db, { from: '2026-10-01', to: '2026-09-01' })).rejects.toThrow('--from 2026-10-01 is after --to 2026-09-01');
    await expect(listEvents(db, { origins: ['typed'] })).rejects.toThrow('unknown event origin "typed": expected one of imported, entered, detected');
    await expect(listEvents(db, { to: 'yesterday' })).rejects.toThrow('--to "yesterday" is not a date');
  });
});
