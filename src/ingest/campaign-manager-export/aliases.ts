import type { AliasTable } from '../header.ts';

/**
 * Campaign Manager grid "Export" headers (FORMATS §3.6): `Spend(USD)` and the like lose their
 * currency to normalizeHeader (which keeps it as evidence); `CTR(%)`/`ACOS(%)` keep the `(%)`.
 */
export const campaignManagerAliases = {
  state: ['State'],
  campaign: ['Campaigns'],
  ad_type: ['Type'],
  portfolio: ['Portfolio'],
  impressions: ['Impressions'],
  clicks: ['Clicks'],
  spend: ['Spend'],
  orders: ['Orders'],
  sales: ['Sales'],
  ctr_pct: ['CTR(%)'],
  acos_pct: ['ACOS(%)'],
  // the ad-group grids (products, keywords, search terms) are recognised only to be refused
  products: ['Products'],
  keyword: ['Keyword'],
  search_term: ['Customer search term'],
} as const satisfies AliasTable;

export type CampaignManagerField = keyof typeof campaignManagerAliases;
