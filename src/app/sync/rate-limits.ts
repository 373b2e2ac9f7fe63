/**
 * The documented usage plans (requests per second and burst) of each operation the sync calls: the client never
 * calls faster, and a response's `x-amzn-RateLimit-Limit` header, when there is one, replaces the rate.
 * Reports API: https://developer-docs.amazon.com/sp-api/docs/reports-api-v2021-06-30-reference ("Usage plan").
 * The Ads API documents no per-operation plan (https://advertising.amazon.com/API/docs/en-us/reference/concepts/rate-limiting:
 * "dynamic", answered with 429 and Retry-After): a modest steady rate, and the 429 path does the rest.
 */
export interface UsagePlan {
  rate: number;
  burst: number;
}

export const usagePlans = {
  createReport: { rate: 0.0167, burst: 15 },
  getReport: { rate: 2, burst: 15 },
  getReports: { rate: 0.0222, burst: 10 },
  getReportDocument: { rate: 0.0167, burst: 15 },
  // Catalog Items API 2022-04-01 getCatalogItem; Product Pricing API v0 getItemOffers
  // (https://developer-docs.amazon.com/sp-api/docs/catalog-items-api-v2022-04-01-reference, .../product-pricing-api-v0-reference)
  getCatalogItem: { rate: 2, burst: 2 },
  getItemOffers: { rate: 0.5, burst: 1 },
  adsProfiles: { rate: 1, burst: 5 },
  adsCreateReport: { rate: 1, burst: 5 },
  adsGetReport: { rate: 2, burst: 10 },
} as const satisfies Record<string, UsagePlan>;

export type Operation = keyof typeof usagePlans;
