/**
 * Who may do what (issue 20), as data: the roles a user may have, what each may change, and whether it sees the
 * catalog's sensitive (cost and profit) metrics. One table; the server checks every request against it.
 */
export const userRoles = ['owner', 'manager', 'operator', 'ads', 'customer_service', 'warehouse', 'viewer'] as const;
export type UserRole = (typeof userRoles)[number];

export const userRoleNames: Record<UserRole, { zh: string; en: string }> = {
  owner: { zh: '老板', en: 'Owner' },
  manager: { zh: '店长', en: 'Manager' },
  operator: { zh: '运营', en: 'Operator' },
  ads: { zh: '广告', en: 'Ads specialist' },
  customer_service: { zh: '客服', en: 'Customer service' },
  warehouse: { zh: '仓储', en: 'Warehouse' },
  viewer: { zh: '只读', en: 'Viewer' },
};

/** What a role may do beyond reading its own scope. */
export const rights = [
  /** see the sensitive metrics (COGS, landed cost, net profit, margins, ROI) */
  'see_costs',
  /** import, undo imports, sync */
  'import',
  /** KPI targets and special periods */
  'targets',
  /** lock and unlock KPI periods */
  'locks',
  /** approve, reject and export prices */
  'price_decisions',
  /** ads changes: suggest, approve, reject, target ACoS, the bulk file (issue 21) */
  'ad_decisions',
  /** unit costs, freight, duty */
  'costs',
  /** freight only (warehouse): may enter cost rows */
  'freight',
  /** events, detection, benchmarks, FX, tax settings */
  'settings',
  /** users, tokens, channels and connections */
  'users',
  'channels',
  /** read the audit log and other people's scorecards */
  'audit',
  'team',
] as const;
export type Right = (typeof rights)[number];

export const roleRights: Record<UserRole, readonly Right[]> = {
  owner: rights,
  manager: ['see_costs', 'import', 'targets', 'locks', 'price_decisions', 'ad_decisions', 'costs', 'settings', 'audit', 'team'],
  operator: ['import', 'settings'],
  ads: ['see_costs', 'import', 'settings', 'ad_decisions'],
  customer_service: [],
  warehouse: ['freight'],
  viewer: [],
};

/**
 * The right each change needs, by action (an operation's name in src/app/operations.ts, or a route's action).
 * A change not named here is refused to everyone but the owner.
 */
export const changeRights: Record<string, readonly Right[]> = {
  import: ['import'],
  imports_undo: ['import'],
  events_add: ['settings'],
  events_detect: ['settings'],
  benchmarks_set: ['settings'],
  benchmarks_remove: ['settings'],
  fx_set: ['settings'],
  consumption_tax_set: ['settings'],
  kpi_targets_set: ['targets'],
  kpi_targets_remove: ['targets'],
  kpi_periods_set: ['targets'],
  kpi_lock: ['locks'],
  kpi_unlock: ['locks'],
  costs_set: ['costs', 'freight'],
  price_suggest: ['price_decisions'],
  price_approve: ['price_decisions'],
  price_reject: ['price_decisions'],
  price_rules_set: ['price_decisions'],
  users_add: ['users'],
  users_remove: ['users'],
  users_reset_password: ['users'],
  tokens_create: ['users'],
  tokens_revoke: ['users'],
  // Amazon connections hold the store's credentials: the owner's, like users (issue 18)
  connect_amazon: ['channels'],
  connect_ads: ['channels'],
  sync_run: ['import'],
  sync_job_start: ['import'],
  sync_schedule_set: ['import'],
  // alert channels carry webhook secrets: the owner's; rules, keywords and snoozes are settings (issue 19)
  alerts_channels_add: ['channels'],
  alerts_channels_remove: ['channels'],
  alerts_channels_test: ['channels'],
  alerts_rules_add: ['settings'],
  alerts_rules_remove: ['settings'],
  alerts_keywords_add: ['settings'],
  alerts_snooze: ['settings'],
  alerts_acknowledge: ['settings'],
  alerts_run: ['import'],
  alerts_digest: ['settings'],
  // the ads workbench (issue 21): asking stores suggestions, so it is a change too
  ads_terms: ['ad_decisions'],
  ads_negatives: ['ad_decisions'],
  ads_bids: ['ad_decisions'],
  ads_budgets: ['ad_decisions'],
  ads_approve: ['ad_decisions'],
  ads_reject: ['ad_decisions'],
  ads_targets_set: ['ad_decisions'],
  ads_export: ['ad_decisions'],
};

/**
 * The fields of a cost row (PUT /api/costs, `asterism costs set`) and the rights that may change each: the buyer's
 * figures are the cost right's; freight is also the warehouse's. A user with only some of them changes those
 * alone: the other fields stay as the row in force has them.
 */
export const costFieldRights: Record<'unit_cost' | 'currency' | 'freight_per_unit' | 'duty_rate', readonly Right[]> = {
  unit_cost: ['costs'],
  currency: ['costs'],
  freight_per_unit: ['costs', 'freight'],
  duty_rate: ['costs'],
};

/** Reads only some roles may make. */
export const readRights: Record<string, readonly Right[]> = {
  audit: ['audit'],
  users_list: ['users'],
  tokens_list: ['users'],
  costs_list: ['see_costs', 'costs', 'freight'],
  // answers made of costs and profit: the sensitive metrics' pages (the profit page, the review files and the price
  // suggestions answer anyone, their cost and profit figures blank: src/app/column-scope.ts)
  profit_unclassified: ['see_costs'],
  channels: ['see_costs'],
  price_explain: ['see_costs', 'price_decisions'],
  price_export: ['price_decisions'],
  fees_estimate: ['see_costs', 'price_decisions'],
  ads_export: ['ad_decisions'],
  // suggestions carry break-even ACoS (profit before ads): a cost figure
  ads_list: ['see_costs', 'ad_decisions'],
  ads_log: ['see_costs', 'ad_decisions'],
  ads_targets_list: ['see_costs', 'ad_decisions'],
};

/** A user's role and scope, as the server and the query layer see it. */
export interface Principal {
  name: string;
  role: UserRole;
  /** empty: every store / marketplace */
  stores: readonly string[];
  marketplaces: readonly string[];
  /** an operator's owner scope: only the products this owner holds (the products file's owners, by date) */
  ownerScope: string | null;
  /** per-user override of the role's see_costs right */
  seeCosts: boolean | null;
}

export function hasRight(p: Pick<Principal, 'role' | 'seeCosts'>, right: Right): boolean {
  if (right === 'see_costs' && p.seeCosts !== null) return p.seeCosts;
  return roleRights[p.role].includes(right);
}

/** Whether the user may run the action: a change needs one of its rights (owner only when unlisted). */
export function mayDo(p: Pick<Principal, 'role' | 'seeCosts'>, action: string, changes: boolean): boolean {
  const needed = changes ? changeRights[action] ?? ['users'] : readRights[action];
  return needed === undefined || needed.some((r) => hasRight(p, r));
}

export const isUserRole = (v: string): v is UserRole => (userRoles as readonly string[]).includes(v);
