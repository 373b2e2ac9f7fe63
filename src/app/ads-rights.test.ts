import { expect, test } from 'vitest';
import { mayDo } from '../domain/rights.ts';

test('ads changes: the ads specialist, the manager and the owner may; the operator and the viewer may not', () => {
  const who = (role: 'owner' | 'manager' | 'ads' | 'operator' | 'viewer') => ({ role, seeCosts: null });
  for (const action of ['ads_terms', 'ads_negatives', 'ads_approve', 'ads_reject', 'ads_targets_set', 'ads_export']) {
    expect([who('owner'), who('manager'), who('ads'), who('operator'), who('viewer')].map((p) => mayDo(p, action, true)), action).toEqual([true, true, true, false, false]);
  }
  // the approval list carries break-even ACoS (a cost figure): not for the viewer; the hierarchy is anyone's in scope
  expect([who('ads'), who('viewer')].map((p) => mayDo(p, 'ads_list', false))).toEqual([true, false]);
  expect(mayDo(who('viewer'), 'ads_hierarchy', false)).toBe(true);
});
