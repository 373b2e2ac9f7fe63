import { expect, test } from 'vitest';
import { eventsInWindow, type ConfounderEvent } from './events.ts';

const events: ConfounderEvent[] = [
  { date: '2026-09-14', end_date: '2026-09-20', type: 'coupon', asin: 'B0A', marketplace: 'US', origin: 'entered' },
  { date: '2026-08-20', end_date: null, type: 'price_change', asin: 'B0A', origin: 'imported' }, // one day, before the window
  { date: '2026-09-28', end_date: '2026-10-05', type: 'stockout', asin: 'B0B', marketplace: 'US', origin: 'detected' },
  { date: '2026-08-25', end_date: '2026-09-01', type: 'deal', asin: 'B0A', origin: 'imported' }, // ends on the window's first day
  { date: '2026-10-01', end_date: '', type: 'image_change', asin: 'B0A', origin: 'entered' }, // the day after the window
  { date: '2026-09-05', end_date: null, type: 'competitor', marketplace: 'DE', origin: 'entered' },
  { date: '2026-09-10', end_date: null, type: 'ad_spend_jump', origin: 'detected' }, // no ASIN or marketplace: concerns all
];
const september = { from: '2026-09-01', to: '2026-09-30' };
const types = (list: ConfounderEvent[]) => list.map((e) => e.type);

test.each([
  // scope, the events it lists (in date order)
  [{ asin: 'B0A', marketplace: 'US' }, ['deal', 'ad_spend_jump', 'coupon']],
  [{ asin: 'b0a', marketplace: 'us' }, ['deal', 'ad_spend_jump', 'coupon']], // codes compare without case
  [{ asin: 'B0B', marketplace: 'US' }, ['ad_spend_jump', 'stockout']],
  // a marketplace-wide finding lists every ASIN's events there: each may explain part of it
  [{ marketplace: 'US' }, ['deal', 'ad_spend_jump', 'coupon', 'stockout']],
  [{ asin: 'B0C', marketplace: 'DE' }, ['competitor', 'ad_spend_jump']],
  [{}, ['deal', 'competitor', 'ad_spend_jump', 'coupon', 'stockout']],
])('in September, scope %j: %j', (scope, expected) => {
  expect(types(eventsInWindow(events, september, scope))).toEqual(expected);
});

test.each([
  // window, events for B0A in the US
  [{ from: '2026-08-20', to: '2026-08-20' }, ['price_change']], // a one-day event on a one-day window
  [{ from: '2026-08-21', to: '2026-08-24' }, []], // between events: none found
  [{ from: '2026-09-21', to: '2026-09-27' }, []], // the coupon ended on the 20th
  [{ from: '2026-09-20', to: '2026-10-01' }, ['coupon', 'image_change']],
])('window %j: %j', (window, expected) => {
  expect(types(eventsInWindow(events, window, { asin: 'B0A', marketplace: 'US' }).filter((e) => e.type !== 'ad_spend_jump'))).toEqual(expected);
});
