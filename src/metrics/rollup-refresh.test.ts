import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { writeFunnelData } from '../../bench/funnel-data.ts';
import { Database } from '../store/database.ts';
import { freshRollup, lastRollupRefresh, setRollupMinRows, withRollupOnceAfter } from './rollup-refresh.ts';

test('many imports in a row: the rollup is not brought up to date inside, once after the last, and the threshold comes back', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'asterism-rollup-once-'));
  const db = await Database.open(join(dir, 'once.duckdb'));
  try {
    await writeFunnelData(db, 3, 10);
    setRollupMinRows(db, 0);
    const builtRows = async () => Number((await db.all('SELECT count(*) AS n FROM rollup_state'))[0]?.n);
    const inside = await withRollupOnceAfter(db, async () => {
      // what each import asks for (LocalAsterism.importFiles): nothing is rolled up, nothing recorded
      const covered = await freshRollup(db);
      return { covered: [...covered], built: await builtRows() };
    });
    expect(inside).toEqual({ covered: [], built: 0 });
    // after the last import: built once, and the threshold is 0 again (the rollup answers)
    expect(await builtRows()).toBe(1);
    expect(lastRollupRefresh(db)).toBe('rebuilt');
    expect([...await freshRollup(db)]).toContain('traffic');
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
