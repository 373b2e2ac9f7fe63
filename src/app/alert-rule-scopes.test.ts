import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { evaluateAlerts } from './alert-evaluate.ts';
import { LocalAsterism } from './local.ts';

/**
 * Rules scoped by parent ASIN, SKU, product line and lifecycle tier (the KPI targets' scope shape), on
 * three ASINs with 100 sessions each in the week 2026-10-25 – 2026-10-31:
 *   B0AAAAAAAA  SKU A1  parent P1  line Rugs  mature (first sale 2026-01-05, more than 90 days before the week)
 *   B0BBBBBBBB  SKU B1  parent P1  line Mats  new (no sale yet)
 *   B0CCCCCCCC  SKU C1  parent P2  line Rugs  clearance (marked so in the products file; first sale 2026-02-01)
 */
let asterism: LocalAsterism;
beforeAll(async () => {
  asterism = await LocalAsterism.open(join(mkdtempSync(join(tmpdir(), 'asterism-alert-scopes-')), 'a.duckdb'));
  const db = asterism.db;
  for (const [sku, asin, parent, line, tier] of [['A1', 'B0AAAAAAAA', 'P1', 'Rugs', null], ['B1', 'B0BBBBBBBB', 'P1', 'Mats', null], ['C1', 'B0CCCCCCCC', 'P2', 'Rugs', 'clearance']] as const) {
    await db.run(`INSERT INTO sku_map (store, sku, asin, parent_asin) VALUES ('default', $1, $2, $3)`, [sku, asin, parent]);
    await db.run(`INSERT INTO product_assignments (store, sku, effective_from, product_line, tier) VALUES ('default', $1, '2026-01-01', $2, $3)`, [sku, line, tier]);
    await db.run(`INSERT INTO traffic (store, marketplace, date_from, date_to, parent_asin, asin, sessions, source, import_id)
      VALUES ('default', 'US', '2026-10-25', '2026-10-31', $1, $2, 100, 'business_report', 1)`, [parent, asin]);
  }
  await db.run(`INSERT INTO order_items (channel, store, marketplace, order_id, order_date, sku, asin, quantity, currency, import_id)
    VALUES ('Amazon.com', 'default', 'US', 'O1', '2026-01-05', 'A1', 'B0AAAAAAAA', 1, 'USD', 1),
           ('Amazon.com', 'default', 'US', 'O2', '2026-02-01', 'C1', 'B0CCCCCCCC', 1, 'USD', 1)`);
});
afterAll(() => asterism.close());

const asinsOf = async (scope: Record<string, string>) => {
  const { rule } = await asterism.run('alerts_rules_add', { metric: 'sessions', op: 'gt', value: '10', ...scope } as never);
  const found = (await evaluateAlerts(asterism.db, '2026-10-31')).filter((f) => f.ruleId === rule.id);
  return found.map((f) => f.scope.asin).sort();
};

it('a rule on a parent ASIN judges its children', async () => {
  expect(await asinsOf({ parent_asin: 'p1' })).toEqual(['B0AAAAAAAA', 'B0BBBBBBBB']);
});

it('a rule on a SKU judges its ASIN', async () => {
  expect(await asinsOf({ sku: 'C1' })).toEqual(['B0CCCCCCCC']);
});

it('a rule on a product line judges the line as it stands at the window\'s end', async () => {
  expect(await asinsOf({ product_line: 'rugs' })).toEqual(['B0AAAAAAAA', 'B0CCCCCCCC']);
});

it('a rule on a tier judges each ASIN\'s tier at the window\'s start', async () => {
  expect(await asinsOf({ tier: 'new' })).toEqual(['B0BBBBBBBB']);
  expect(await asinsOf({ tier: 'mature' })).toEqual(['B0AAAAAAAA']);
  expect(await asinsOf({ tier: 'clearance' })).toEqual(['B0CCCCCCCC']);
  // scopes combine: line Rugs and tier mature
  expect(await asinsOf({ product_line: 'Rugs', tier: 'mature' })).toEqual(['B0AAAAAAAA']);
});

it('the rule keeps its scope, listed back; an unknown tier is refused naming the tiers', async () => {
  const { rules } = await asterism.run('alerts_rules_list', {});
  expect(rules.find((r) => r.parent_asin === 'P1')).toMatchObject({ parent_asin: 'P1', sku: null, product_line: null, tier: null });
  await expect(asterism.run('alerts_rules_add', { metric: 'sessions', op: 'gt', value: '10', tier: 'old' } as never)).rejects.toThrow(/new.*mature.*clearance/);
});
