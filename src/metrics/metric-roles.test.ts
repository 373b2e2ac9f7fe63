import { expect, test } from 'vitest';
import { roles } from '../domain/roles.ts';
import { catalog, metricById } from './catalog.ts';
import { listMetrics } from './listing.ts';
import { metricRoleGroups } from './metric-roles.ts';

test('every metric the role table names is a catalog metric, in one group only, with known roles', () => {
  const named = metricRoleGroups.flatMap((g) => g.metrics);
  expect(named.filter((id) => !metricById.has(id))).toEqual([]);
  expect(named.filter((id, i) => named.indexOf(id) !== i)).toEqual([]);
  expect(metricRoleGroups.flatMap((g) => g.roles).filter((r) => !(roles as readonly string[]).includes(r))).toEqual([]);
});

test('each KPI-worthy metric says who can move it, declared once in the catalog', () => {
  expect(metricById.get('acos')?.roles).toEqual(['ads', 'operator', 'manager']);
  // shipping on time is not the operator's (seeds: 将物流时效归责于运营人员，不合理)
  expect(metricById.get('late_shipment_rate')?.roles).toEqual(['warehouse', 'manager']);
  // building blocks and market totals are nobody's KPI
  expect(metricById.get('units_br')?.roles).toBeNull();
  // every result metric a target may name has roles
  expect(catalog.filter((m) => m.kind === 'result' && !m.internal && m.roles === null).map((m) => m.id)).toEqual([]);
  expect(listMetrics().find((m) => m.id === 'ctr')?.roles).toEqual(['operator', 'ads', 'manager']);
});
