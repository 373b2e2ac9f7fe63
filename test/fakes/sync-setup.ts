import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectStore } from '../../src/app/sync/connect.ts';
import type { Database } from '../../src/store/database.ts';
import { AmazonFake, type FakeOptions, type FakeStore } from './amazon-fake.ts';

/**
 * The documented usage plans (app/sync/rate-limits.ts) with their bursts, rates raised so a 90-day backfill runs in
 * seconds: the fake announces these in x-amzn-RateLimit-Limit and answers 429 to any call above them.
 */
export const testPlans: FakeOptions['plans'] = {
  createReport: { rate: 20, burst: 15 },
  getReport: { rate: 40, burst: 15 },
  getReports: { rate: 5, burst: 10 },
  getReportDocument: { rate: 20, burst: 15 },
  getCatalogItem: { rate: 2, burst: 2 },
  getItemOffers: { rate: 5, burst: 1 },
  adsProfiles: { rate: 5, burst: 5 },
};

export const storeUs: FakeStore = { store: 'acme-us', clientId: 'amzn1.application-oa2-client.us', clientSecret: 'secret-us-1', refreshToken: 'Atzr|us-refresh' };
export const storeJp: FakeStore = { store: 'acme-jp', clientId: 'amzn1.application-oa2-client.jp', clientSecret: 'secret-jp-1', refreshToken: 'Atzr|jp-refresh' };

export interface SyncWorld {
  fake: AmazonFake;
  dir: string;
  db: string;
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

export async function syncWorld(options: Partial<FakeOptions> = {}): Promise<SyncWorld> {
  const fake = new AmazonFake({ stores: [storeUs, storeJp], plans: testPlans, pollsBeforeDone: 1, ...options });
  const url = await fake.start();
  const dir = mkdtempSync(join(tmpdir(), 'asterism-sync-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env, ASTERISM_SPAPI_ENDPOINT: url, ASTERISM_LWA_ENDPOINT: url, ASTERISM_ADS_ENDPOINT: url, ASTERISM_SYNC_WAIT_MS: '5',
  };
  // the secrets' key: the 0600 file beside the database, the same for this process and a CLI it starts
  delete env.ASTERISM_SECRET_KEY;
  return {
    fake, dir, db: join(dir, 'asterism.duckdb'), env,
    async close() {
      await fake.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Both test stores connected to the fake: acme-us in the NA region (US), acme-jp in the FE region (JP). */
export async function connectBoth(w: SyncWorld, d: Database): Promise<void> {
  await connectStore(d, 'sp', { store: storeUs.store, region: 'na', marketplace: ['US'], refresh_token: storeUs.refreshToken, client_id: storeUs.clientId, client_secret: storeUs.clientSecret }, w.env);
  await connectStore(d, 'sp', { store: storeJp.store, region: 'fe', marketplace: ['JP'], refresh_token: storeJp.refreshToken, client_id: storeJp.clientId, client_secret: storeJp.clientSecret }, w.env);
}
