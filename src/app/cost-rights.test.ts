import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Principal } from '../domain/rights.ts';
import { setCost } from '../store/costs.ts';
import { Database } from '../store/database.ts';
import { costChangeWithinRights } from './cost-rights.ts';

let db: Database;
beforeEach(async () => {
  db = await Database.open(':memory:');
  await setCost(db, { sku: 'MAT-1', effective_from: '2026-01-01', currency: 'CNY', unit_cost: '18.50', freight_per_unit: '2.10', duty_rate: '0.04' });
});
afterEach(() => db.close());

const as = (role: Principal['role']): Principal => ({ name: role, role, stores: [], marketplaces: [], ownerScope: null, seeCosts: null });

describe('which cost fields a role may change (rights.ts costFieldRights)', () => {
  test('a manager changes any field as asked', async () => {
    const input = { sku: 'MAT-1', effective_from: '2026-03-01', currency: 'USD', unit_cost: '3' };
    expect(await costChangeWithinRights(db, as('manager'), input)).toEqual({ input });
  });

  test('the warehouse: freight alone; unit cost, currency and duty carried from the cost in force', async () => {
    const change = await costChangeWithinRights(db, as('warehouse'), { sku: 'MAT-1', effective_from: '2026-03-01', freight_per_unit: '2.60' });
    expect(change).toEqual({ input: { sku: 'MAT-1', effective_from: '2026-03-01', freight_per_unit: '2.60', unit_cost: '18.5', currency: 'CNY', duty_rate: '0.04' } });
  });

  test('the warehouse: a unit cost or duty that differs is refused, naming the fields; the same value given again is not a change', async () => {
    const refused = await costChangeWithinRights(db, as('warehouse'), { sku: 'MAT-1', effective_from: '2026-03-01', unit_cost: '17', duty_rate: '0.040', freight_per_unit: '2.60' });
    expect(refused).toMatchObject({ refused: { key: 'cost_fields_not_yours', params: { fields: 'unit_cost', asked: 'unit_cost=17', held: 'unit_cost=18.5', since: '2026-01-01' } } });
    const same = await costChangeWithinRights(db, as('warehouse'), { sku: 'MAT-1', effective_from: '2026-03-01', unit_cost: '18.50', currency: 'cny', freight_per_unit: '2.60' });
    expect('input' in same).toBe(true);
  });

  test('the warehouse: before any cost is in force there is nothing to add freight to', async () => {
    const early = await costChangeWithinRights(db, as('warehouse'), { sku: 'MAT-1', effective_from: '2025-12-31', freight_per_unit: '2.60' });
    expect(early).toMatchObject({ refused: { key: 'cost_fields_no_row', params: { sku: 'MAT-1', date: '2025-12-31' } } });
  });
});
