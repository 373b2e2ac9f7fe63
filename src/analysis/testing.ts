import type { FunnelInput } from './funnel.ts';

/** A funnel input with every number unknown, for tests to fill in what they need. */
export function funnelInput(partial: Partial<FunnelInput> = {}): FunnelInput {
  return {
    key: { asin: 'B0EXAMPLE1' },
    marketplace: 'US',
    tier: 'mature',
    daysSinceFirstSale: 400,
    search: { source: 'scp', impressions: null, clicks: null, cartAdds: null, purchases: null },
    market: { impressions: null, clicks: null, cartAdds: null, purchases: null },
    ads: { impressions: null, clicks: null, orders: null },
    orders: null,
    reviewsNew: null,
    repeatCustomers: null,
    customers: null,
    detail: { sessions: null, sessionsMobile: null, sessionsBrowser: null, unitSessionPct: null, orderItemSessionPct: null, buyBoxPct: null },
    trailing: null,
    ...partial,
  };
}
