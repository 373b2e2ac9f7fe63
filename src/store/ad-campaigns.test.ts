import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { adTypesOfCampaigns } from './ad-campaigns.ts';
import { Database } from './database.ts';

async function withTempDb(work: (db: Database) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'asterism-ad-campaigns-'));
  const db = await Database.open(join(dir, 'test.duckdb'));
  try {
    await work(db);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the ad types each campaign name is held under, for one store and marketplace only', () =>
  withTempDb(async (db) => {
    const row = (store: string, marketplace: string, adType: string, campaign: string) => db.run(
      `INSERT INTO ads (store, marketplace, date_from, date_to, ad_type, level, campaign, import_id) VALUES ($1, $2, DATE '2026-10-01', DATE '2026-10-01', $3, 'campaign', $4, 1)`,
      [store, marketplace, adType, campaign]);
    await row('acme', 'US', 'SP', 'Mats');
    await row('acme', 'US', 'SB', 'Mats');
    await row('acme', 'US', 'SB', 'Brand "video"');
    await row('acme', 'UK', 'SD', 'Remarketing');
    await row('other', 'US', 'SD', 'Remarketing');
    const known = await adTypesOfCampaigns(db, 'acme', 'US', ['Mats', 'Brand "video"', 'Remarketing', 'New']);
    expect(Object.fromEntries(known)).toEqual({ Mats: ['SB', 'SP'], 'Brand "video"': ['SB'] });
    expect((await adTypesOfCampaigns(db, 'acme', 'US', [])).size).toBe(0);
  }));
