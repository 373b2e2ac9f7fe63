import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../store/database.ts';
import { listTargets, removeTarget, setTarget } from './kpi-targets.ts';

let dir: string;
let db: Database;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-targets-'));
  db = await Database.open(join(dir, 'targets.duckdb'));
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('KPI targets entered from the CLI or the API', () => {
  const scope = { period: '2026-10', marketplace: 'us', owner: 'li', role: '运营' };

  test('a result KPI alone: set, answered with the guard that wants a process KPI beside it', async () => {
    const { target, findings } = await setTarget(db, { kpi: 'sales', target: '5000', ...scope });
    expect(target).toMatchObject({ kpi: 'sales', period: '2026-10', target: 5000, marketplace: 'US', owner: 'li', role: 'operator', import_id: null });
    expect(findings.map((f) => f.guard)).toContain('result_without_process');
  });

  test('a process KPI for the same scope quiets that guard; setting the same key again replaces the target', async () => {
    const { findings } = await setTarget(db, { kpi: 'ctr', target: '0.8%', weight: '0.5', ...scope }); // 0.8% → 0.008
    expect(findings.map((f) => f.guard)).not.toContain('result_without_process');
    await setTarget(db, { kpi: 'sales', target: 6000, ...scope });
    const { targets } = await listTargets(db, { period: '2026-10', owner: 'li' });
    expect(targets.map((t) => [t.kpi, t.target, t.weight])).toEqual([['ctr', 0.008, 0.5], ['sales', 6000, null]]);
  });

  test('remove by key; a wrong KPI, role or number is named', async () => {
    expect(await removeTarget(db, { kpi: 'ctr', ...scope })).toEqual({ removed: 1 });
    expect(await removeTarget(db, { kpi: 'ctr', ...scope })).toEqual({ removed: 0 });
    await expect(setTarget(db, { kpi: 'salez', target: 1, period: '2026-10' })).rejects.toThrow(/unknown KPI "salez"/);
    await expect(setTarget(db, { kpi: 'sales', target: 1, period: '2026-10', role: 'cook' })).rejects.toThrow(/role "cook"/);
    await expect(setTarget(db, { kpi: 'sales', target: 'lots', period: '2026-10' })).rejects.toThrow(/target "lots" is not a number/);
    await expect(setTarget(db, { kpi: 'sales', target: 1, period: '2026-13' })).rejects.toThrow();
  });
});
