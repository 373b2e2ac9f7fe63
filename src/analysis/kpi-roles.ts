import { roles, roleNames, type Role } from '../domain/roles.ts';
import { metricById } from '../metrics/catalog.ts';
import { metricRoleGroups } from '../metrics/metric-roles.ts';

/**
 * Who can move which KPI (SPEC §5): the roles are domain data (domain/roles.ts), and each catalog
 * metric carries the roles that can move it (`roles`, from metrics/metric-roles.ts). The guard reads
 * the catalog; this module reads a role's name as a targets file spells it.
 */
export { roles, roleNames, type Role };
/** the groups the catalog's roles come from (shown where targets are set) */
export const roleGroups = metricRoleGroups;

/** The role a targets file names, in English or Chinese, or null when it is none of ours. */
export function roleOf(text: string | null | undefined): Role | null {
  if (!text) return null;
  const t = text.trim().toLowerCase().replace(/[\s-]+/g, '_');
  for (const role of roles) {
    const n = roleNames[role];
    const names = [role, n.zh, n.en, ...n.also].map((s) => s.toLowerCase().replace(/[\s-]+/g, '_'));
    if (names.includes(t)) return role;
  }
  return null;
}

/** The roles that can move a metric, as the catalog declares; null when it declares none (then no guard fires). */
export function rolesThatMove(metric: string): readonly Role[] | null {
  return metricById.get(metric)?.roles ?? null;
}
