/** Daily ad facts per listing and campaign, derived from traffic (clicks) and attributed order items. */
import type { Listing } from './catalog.ts';
import { markets } from './markets.ts';
import { Random } from './random.ts';
import type { World } from './world.ts';

export type Campaign = 'sp-auto' | 'sp-exact' | 'sd' | 'sb';

export interface AdFact {
  listing: Listing;
  campaign: Campaign;
  day: number;
  impressions: number;
  clicks: number;
  spendMinor: number;
  /** Same-SKU (advertised) and other-SKU (halo) attributed orders, units and sales. */
  orders: number; units: number; salesMinor: number;
  otherOrders: number; otherUnits: number; otherSalesMinor: number;
}

export const SD_FAMILIES = new Set(['BM', 'KM', 'CC', 'WB']);

const ctrByCampaign: Record<Campaign, number> = { 'sp-auto': 0.0032, 'sp-exact': 0.0055, sd: 0.0011, sb: 0.0042 };

/** Ad facts keyed `${listing}|${campaign}|${day}`; SB facts sit on the family's first listing. */
export function adFacts(world: World): Map<string, AdFact> {
  const facts = new Map<string, AdFact>();
  const rng = Random.stream(world.seed, 'ads');
  const get = (listing: Listing, campaign: Campaign, day: number): AdFact => {
    const key = `${listing.index}|${campaign}|${day}`;
    let f = facts.get(key);
    if (!f) {
      f = { listing, campaign, day, impressions: 0, clicks: 0, spendMinor: 0, orders: 0, units: 0, salesMinor: 0, otherOrders: 0, otherUnits: 0, otherSalesMinor: 0 };
      facts.set(key, f);
    }
    return f;
  };
  const familyHead = new Map<string, Listing>();
  for (const l of world.listings) if (!familyHead.has(`${l.familyCode}|${l.market}`)) familyHead.set(`${l.familyCode}|${l.market}`, l);
  // Manual exact-match campaigns cover the first two children of a family; the rest run in auto only.
  const exact = new Set<number>();
  for (const l of world.listings) {
    const siblings = world.listings.filter((o) => o.familyCode === l.familyCode && o.market === l.market);
    if (siblings.indexOf(l) < 2) exact.add(l.index);
  }
  for (const listing of world.listings) {
    const cpc = markets[listing.market].cpcMinor;
    (world.traffic[listing.index] ?? []).forEach((t, day) => {
      if (!t.live) return;
      const auto = exact.has(listing.index) ? rng.binomial(t.spClicks, 0.55) : t.spClicks;
      const sb = familyHead.get(`${listing.familyCode}|${listing.market}`) ?? listing;
      const parts: [Listing, Campaign, number, number][] = [[listing, 'sp-auto', auto, 1], [listing, 'sp-exact', t.spClicks - auto, 1.15],
        [sb, 'sb', rng.poisson(t.sessions * 0.03), 1.3]];
      // Sponsored Display runs for the hero families only.
      if (SD_FAMILIES.has(listing.familyCode)) parts.push([listing, 'sd', t.sdClicks, 0.7]);
      for (const [l, campaign, clicks, cpcFactor] of parts) {
        const f = get(l, campaign, day);
        f.clicks += clicks;
        f.impressions += Math.round((clicks + rng.next() * 2) / (ctrByCampaign[campaign] * rng.noise(0.2)));
        f.spendMinor += Math.round(clicks * cpc * cpcFactor * rng.noise(0.15));
      }
    });
  }
  const dayIndex = new Map(world.days.map((d, i) => [d, i]));
  for (const o of world.orders) {
    if (!o.attribution || o.status === 'Cancelled') continue;
    const day = dayIndex.get(o.date) ?? 0;
    const own = world.listings[o.listing];
    const adListing = world.listings[o.adListing];
    if (!own || !adListing) continue;
    if (o.attribution === 'sp-halo') {
      const f = get(adListing, 'sp-auto', day);
      f.otherOrders += 1; f.otherUnits += o.quantity; f.otherSalesMinor += o.priceMinor;
      continue;
    }
    const target = o.attribution === 'sb' ? familyHead.get(`${own.familyCode}|${own.market}`) ?? own : own;
    const campaign = o.attribution === 'sp-exact' && !exact.has(target.index) ? 'sp-auto' : o.attribution;
    const f = get(target, campaign, day);
    f.orders += 1; f.units += o.quantity; f.salesMinor += o.priceMinor;
  }
  return facts;
}
