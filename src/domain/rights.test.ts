import { describe, expect, test } from 'vitest';
import { hasRight, mayDo, userRoles, type UserRole } from './rights.ts';

const who = (role: UserRole, seeCosts: boolean | null = null) => ({ role, seeCosts });

describe('the rights table', () => {
  test.each([
    ['kpi_lock', ['owner', 'manager']],
    ['price_approve', ['owner', 'manager']],
    ['costs_set', ['owner', 'manager', 'warehouse']],
    ['import', ['owner', 'manager', 'operator', 'ads']],
    ['users_add', ['owner']],
    // a change the table does not name (another part's new route): the owner only
    ['PUT /api/something-new', ['owner']],
  ])('%s may be done by %j', (action, allowed) => {
    expect(userRoles.filter((r) => mayDo(who(r), action, true))).toEqual(allowed);
  });

  test('operator, customer service, warehouse and viewer do not see costs by default; a user may be set either way', () => {
    expect(userRoles.filter((r) => !hasRight(who(r), 'see_costs'))).toEqual(['operator', 'customer_service', 'warehouse', 'viewer']);
    expect(hasRight(who('operator', true), 'see_costs')).toBe(true);
    expect(hasRight(who('ads', false), 'see_costs')).toBe(false);
    expect(mayDo(who('viewer'), 'funnel', false)).toBe(true);
    expect(mayDo(who('viewer'), 'audit', false)).toBe(false);
  });
});
