import { describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedFixturesDir } from '../testing.ts';
import { bulkIds, idKey } from './bulk-sheet-read.ts';

const fixture = join(sharedFixturesDir, 'sp-bulksheet/xvr_sp_bulksheet_US_2019-12-10.xlsx');

describe.skipIf(!existsSync(fixture))('a seller\'s bulk download, 1.0 (the sp-bulksheet fixture)', () => {
  test('campaign, ad group and keyword IDs by name, from the second sheet', async () => {
    const ids = await bulkIds(fixture);
    const campaign = 'B07VW6J6N5 (Norwegian White Impression) - Keyword Target';
    // rows 2, 3 and 5 of "Sponsored Products Campaigns"
    expect(ids.campaigns[idKey(campaign)]).toBe('148225533607835');
    expect(ids.ad_groups[idKey(campaign, 'B07VW6J6N5 (Norwegian White Impression) - Broad')]).toBe('192072211312197');
    expect(ids.keywords[idKey(campaign, 'B07VW6J6N5 (Norwegian White Impression) - Broad', 'bath rug plush', 'broad')]).toBe('224276169138778');
    expect(Object.keys(ids.keywords).length).toBeGreaterThan(100);
  });
});
