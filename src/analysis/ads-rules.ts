/**
 * The ads workbench's thresholds (issue 21), as data in one place: each suggestion rule reads its
 * numbers here, and the tests work their examples out from these values.
 */
export const adsRules = {
  /** harvesting: a customer search term with at least this many orders, at an ACoS below target */
  harvestMinOrders: 2,
  /**
   * negatives, "no order yet" made meaningful: with a conversion rate p, n clicks without an order happen
   * with probability (1 − p)^n; we call it meaningful once that chance is at most this (n ≥ ln(0.05) ÷ ln(1 − p))
   */
  noOrderChance: 0.05,
  /** negatives: at least this spend (in the report's currency unit; JPY-like currencies use the second figure) */
  negativeMinSpend: { default: '10', zeroDecimals: '1000' },
  /** negatives: a converting term whose ACoS is at least this multiple of break-even loses money on every order */
  negativeAcosMultiple: 2,
  /**
   * negative phrase: a two-word sequence shared by at least this many search terms of one ad group that each earned a
   * negative exact for spending without an order, and found in no term that ever converted
   */
  phraseMinTerms: 2,
  /** bids: only targets with this many clicks and at least one order have enough data */
  bidMinClicks: 20,
  bidMinOrders: 1,
  /** bids: suggest a change only when the bid toward target moves by at least this fraction of the current CPC */
  bidMinChange: 0.1,
  /** bids: never move a bid by more than this fraction in one step */
  bidMaxStep: 0.5,
  /** placement multipliers: a placement with at least this many clicks and one order is judged */
  placementMinClicks: 20,
  /** Amazon's placement adjustment: 0–900 % */
  placementMaxPercent: 900,
  /** budgets: a campaign in budget less than this share of the time runs out too early */
  budgetMinTimeInBudget: 0.9,
} as const;

/** Placement names as the placement report spells them → the bulk file's placement (bulksheets 2.0, src/report/ads-bulk-file.ts). */
export const placementKinds: readonly { report: readonly string[]; kind: 'top_of_search' | 'product_pages' | 'rest_of_search' }[] = [
  // the sp-placement fixture (xvr): `First page Top of Search on Amazon`, `Product pages on Amazon`, `Rest of search on Amazon`;
  // the Ads API placement report (`Top of Search on-Amazon`, `Detail Page on-Amazon`, `Other on-Amazon`): find_string ids
  // 41928068898, 14524425558 (code reading that report's `placement`)
  { report: ['first page top of search on amazon', 'top of search on-amazon'], kind: 'top_of_search' },
  { report: ['product pages on amazon', 'detail page on-amazon'], kind: 'product_pages' },
  { report: ['rest of search on amazon', 'other on-amazon'], kind: 'rest_of_search' },
];

/** The targets an automatic campaign uses (search-term and targeting reports' `Targeting`), and category targets. */
export const autoTargets = ['*', 'close-match', 'loose-match', 'substitutes', 'complements'] as const;
