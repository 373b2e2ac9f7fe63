import { listValue } from '@duckdb/node-api';
import type { Database } from './database.ts';

/**
 * Which ad types ('SP', 'SB', 'SD') the ads table already holds each of these campaign names under,
 * for one store and marketplace: the import step's last word on a report whose columns fit more than
 * one ad product (src/ingest/ad-type-check.ts). Campaigns not in the table are absent from the answer.
 */
export async function adTypesOfCampaigns(db: Database, store: string, marketplace: string, campaigns: readonly string[]): Promise<Map<string, string[]>> {
  if (campaigns.length === 0) return new Map();
  const rows = await db.all(
    `SELECT campaign, list(DISTINCT ad_type ORDER BY ad_type) AS ad_types FROM ads
      WHERE store = $1 AND marketplace = $2 AND list_contains($3::VARCHAR[], campaign) GROUP BY campaign`,
    [store, marketplace, listValue([...campaigns])],
  );
  return new Map(rows.map((r) => [String(r.campaign), (r.ad_types as string[]).map(String)]));
}
