/**
 * The demo's KPI targets file (spec/cli.md "Targets"): each operator's monthly sales and unit
 * session % per marketplace, set the way a team sets them — last month's actual plus 8% (sales) or
 * 3% (conversion), rounded — and the ads team's ACoS per store, with a priority. So the KPI
 * page and the reviews show targets met and missed on the demo data.
 */
import { addMonths, lastDayOfMonth, monthOf } from './dates.ts';
import type { Listing } from './catalog.ts';
import { lineOwner, ownerOn } from './master-data.ts';
import type { StoreId } from './markets.ts';
import type { World } from './world.ts';

export const targetsHeader = ['kpi', 'period', 'target', 'store', 'marketplace', 'owner', 'role', 'weight', 'priority'];

export function demoTargets(world: World, store: StoreId): string[][] {
  const listings = world.listings.filter((l) => l.store === store);
  const current = monthOf(world.today);
  const months = [addMonths(`${current}-01`, -2).slice(0, 7), addMonths(`${current}-01`, -1).slice(0, 7), current];
  const rows: string[][] = [];
  for (const month of months) {
    const before = addMonths(`${month}-01`, -1).slice(0, 7);
    // last month's truth per owner (as of this month's end) and marketplace
    const sums = new Map<string, { sales: number; units: number; sessions: number; owner: string; market: string }>();
    for (const l of listings) {
      const owner = ownerOn(world, l, lastDayOfMonth(month)) || lineOwner(l);
      const key = `${owner}|${l.market}`;
      const sum = sums.get(key) ?? { sales: 0, units: 0, sessions: 0, owner, market: l.market };
      addMonth(world, l, before, sum);
      sums.set(key, sum);
    }
    for (const s of [...sums.values()].sort((a, b) => `${a.owner}${a.market}`.localeCompare(`${b.owner}${b.market}`))) {
      if (s.sales <= 0 || s.sessions <= 0) continue;
      const step = s.market === 'JP' ? 10000 : 100;
      rows.push(['sales', month, String(Math.round((s.sales * 1.08) / step) * step), store, s.market, s.owner, 'operator', '2', '']);
      rows.push(['unit_session_pct', month, ((s.units / s.sessions) * 1.03).toFixed(4), store, s.market, s.owner, 'operator', '1', '']);
    }
    // the ads team's ACoS for the store's US listings (no owner: a person's KPIs cover the products they own)
    rows.push(['acos', month, '0.22', store, 'US', '', 'ads', '1', '1']);
  }
  return rows;
}

/** Adds a listing's units, sessions and sales (in the marketplace's currency) of one month. */
function addMonth(world: World, l: Listing, month: string, sum: { sales: number; units: number; sessions: number }): void {
  const minorPerUnit = l.market === 'JP' ? 1 : 100;
  world.days.forEach((day, i) => {
    if (!day.startsWith(month)) return;
    const t = world.traffic[l.index]?.[i];
    if (!t) return;
    sum.units += t.demand;
    sum.sessions += t.sessions;
    sum.sales += (t.demand * t.priceMinor) / minorPerUnit;
  });
}
