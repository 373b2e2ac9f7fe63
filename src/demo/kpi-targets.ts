/**
 * The demo's KPI targets file (spec/cli.md "Targets"): each operator's monthly sales and unit
 * session % per listing they own (每条链接的目标: the scope is the marketplace's ASIN, the owner
 * answers for it), set the way a team sets them — last month's actual plus 8% (sales) or 3%
 * (conversion), rounded — and the ads team's ACoS per store, with a priority. So the KPI page and the
 * reviews show targets met and missed on the demo data.
 */
import { addMonths, lastDayOfMonth, monthOf } from './dates.ts';
import type { Listing } from './catalog.ts';
import { lineOwner, ownerOn } from './master-data.ts';
import type { StoreId } from './markets.ts';
import type { World } from './world.ts';

export const targetsHeader = ['kpi', 'period', 'target', 'store', 'marketplace', 'asin', 'owner', 'role', 'weight', 'priority'];

export function demoTargets(world: World, store: StoreId): string[][] {
  const listings = world.listings.filter((l) => l.store === store);
  const current = monthOf(world.today);
  const months = [addMonths(`${current}-01`, -2).slice(0, 7), addMonths(`${current}-01`, -1).slice(0, 7), current];
  const rows: string[][] = [];
  for (const month of months) {
    const before = addMonths(`${month}-01`, -1).slice(0, 7);
    // last month's truth per listing; the owner as of this month's end answers for it
    const sums = listings.map((l) => {
      const sum = { sales: 0, units: 0, sessions: 0, owner: ownerOn(world, l, lastDayOfMonth(month)) || lineOwner(l), listing: l };
      addMonth(world, l, before, sum);
      return sum;
    });
    for (const s of sums.sort((a, b) => `${a.owner}${a.listing.market}${a.listing.asin}`.localeCompare(`${b.owner}${b.listing.market}${b.listing.asin}`))) {
      if (s.sales <= 0 || s.sessions <= 0) continue;
      const { market, asin } = s.listing;
      const step = market === 'JP' ? 1000 : 10;
      rows.push(['sales', month, String(Math.max(step, Math.round((s.sales * 1.08) / step) * step)), store, market, asin, s.owner, 'operator', '2', '']);
      rows.push(['unit_session_pct', month, ((s.units / s.sessions) * 1.03).toFixed(4), store, market, asin, s.owner, 'operator', '1', '']);
    }
    // the ads team's ACoS for the store's US listings (no owner: the team answers for the store's ads)
    rows.push(['acos', month, '0.22', store, 'US', '', '', 'ads', '1', '1']);
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
