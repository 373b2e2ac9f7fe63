import type { Marketplace } from '../../domain/marketplaces.ts';

/**
 * Where each API lives. The region's real endpoints by default
 * (https://developer-docs.amazon.com/sp-api/docs/sp-api-endpoints, https://advertising.amazon.com/API/docs/en-us/info/api-overview#api-endpoints,
 * LWA: https://developer-docs.amazon.com/sp-api/docs/connecting-to-the-selling-partner-api#step-1-request-a-login-with-amazon-access-token),
 * Amazon's sandboxes with ASTERISM_AMAZON_SANDBOX=1, and any server at all through ASTERISM_SPAPI_ENDPOINT,
 * ASTERISM_LWA_ENDPOINT and ASTERISM_ADS_ENDPOINT (a local fake in the tests).
 */
export type Region = 'na' | 'eu' | 'fe';
export const regions: readonly Region[] = ['na', 'eu', 'fe'];

const spApi: Record<Region, string> = {
  na: 'https://sellingpartnerapi-na.amazon.com', eu: 'https://sellingpartnerapi-eu.amazon.com', fe: 'https://sellingpartnerapi-fe.amazon.com',
};
const spApiSandbox: Record<Region, string> = {
  na: 'https://sandbox.sellingpartnerapi-na.amazon.com', eu: 'https://sandbox.sellingpartnerapi-eu.amazon.com', fe: 'https://sandbox.sellingpartnerapi-fe.amazon.com',
};
const adsApi: Record<Region, string> = {
  na: 'https://advertising-api.amazon.com', eu: 'https://advertising-api-eu.amazon.com', fe: 'https://advertising-api-fe.amazon.com',
};
const adsApiSandbox: Record<Region, string> = {
  na: 'https://advertising-api-test.amazon.com', eu: 'https://advertising-api-test.amazon.com', fe: 'https://advertising-api-test.amazon.com',
};
/** Ads API tokens come from the region's LWA host; the SP-API's from api.amazon.com everywhere */
const lwaAds: Record<Region, string> = { na: 'https://api.amazon.com', eu: 'https://api.amazon.co.uk', fe: 'https://api.amazon.co.jp' };

export interface Endpoints {
  spApi: string;
  ads: string;
  /** the full token URL */
  lwaSp: string;
  lwaAds: string;
}

const trimmed = (url: string): string => url.trim().replace(/\/+$/, '');

export function endpoints(region: Region, env: NodeJS.ProcessEnv = process.env): Endpoints {
  const sandbox = env.ASTERISM_AMAZON_SANDBOX === '1' || env.ASTERISM_AMAZON_SANDBOX === 'true';
  const lwa = env.ASTERISM_LWA_ENDPOINT ? trimmed(env.ASTERISM_LWA_ENDPOINT) : undefined;
  return {
    spApi: env.ASTERISM_SPAPI_ENDPOINT ? trimmed(env.ASTERISM_SPAPI_ENDPOINT) : (sandbox ? spApiSandbox : spApi)[region],
    ads: env.ASTERISM_ADS_ENDPOINT ? trimmed(env.ASTERISM_ADS_ENDPOINT) : (sandbox ? adsApiSandbox : adsApi)[region],
    lwaSp: `${lwa ?? 'https://api.amazon.com'}/auth/o2/token`,
    lwaAds: `${lwa ?? lwaAds[region]}/auth/o2/token`,
  };
}

/** The SP-API region serving a marketplace (the table's finer regions fold into the three endpoints). */
export function regionOf(m: Marketplace): Region {
  if (m.region === 'FE') return 'fe';
  if (m.region === 'NA' || m.region === 'SA') return 'na';
  return 'eu';
}
