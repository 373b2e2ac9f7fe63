import { afterEach, expect, test } from 'vitest';
import { Database } from '../../store/database.ts';
import { setSchedule, listSyncState } from '../../store/sync-state.ts';
import { storeUs, syncWorld, type SyncWorld } from '../../../test/fakes/sync-setup.ts';
import { connectStore } from './connect.ts';
import { startSyncSchedule, type SyncSchedule } from './schedule.ts';
import type { SyncRun } from './sync-run.ts';

let world: SyncWorld | undefined;
let db: Database | undefined;
let schedule: SyncSchedule | undefined;
afterEach(async () => {
  schedule?.stop();
  if (db) {
    await db.settled();
    db.close();
  }
  db = undefined;
  await world?.close();
  world = undefined;
});

test('the schedule syncs a connected store by itself, from the defaults or the pattern a user set', async () => {
  world = await syncWorld();
  db = await Database.open(world.db);
  await connectStore(db, 'sp', { store: storeUs.store, region: 'na', marketplace: ['US'], refresh_token: storeUs.refreshToken, client_id: storeUs.clientId, client_secret: storeUs.clientSecret }, world.env);
  // every second for the inventory snapshot (croner reads a sixth field as seconds); the listings report switched off
  await setSchedule(db, 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA', '* * * * * *', true);
  await setSchedule(db, 'GET_MERCHANT_LISTINGS_ALL_DATA', '0 5 * * *', false);
  const ran = new Promise<SyncRun[]>((done) => {
    schedule = startSyncSchedule(db as Database, { env: world?.env ?? {}, onRuns: done });
  });
  const runs = await ran;
  expect(runs.map((r) => [r.store, r.report_type, r.status])).toEqual([[storeUs.store, 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA', 'imported']]);
  const patterns = schedule?.patterns();
  expect(patterns?.get('GET_SALES_AND_TRAFFIC_REPORT')).toBe('30 6 * * *');
  expect(patterns?.has('GET_MERCHANT_LISTINGS_ALL_DATA')).toBe(false);
  const state = (await listSyncState(db)).find((s) => s.report_type === 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA');
  expect(state?.last_success).not.toBeNull();
  expect(state?.next_run).not.toBeNull();
});
