import type { AdLevel, AdType } from '../ads-common/ad-levels.ts';

/**
 * Ads API v3 report columns (FORMATS §5; Amazon Ads docs reporting/v3 columns.md). Only requested
 * columns appear in a report, so the report type is read from the column names present.
 */
export const levelColumns: Record<AdLevel, readonly string[]> = {
  purchased_product: ['purchasedAsin'],
  search_term: ['searchTerm'],
  placement: ['placementClassification'],
  advertised_product: ['advertisedAsin', 'advertisedSku', 'promotedAsin', 'promotedSku'],
  targeting: ['keyword', 'keywordId', 'keywordText', 'targeting', 'targetingExpression', 'targetingId', 'targetingText'],
  ad_group: ['adGroupId', 'adGroupName'],
  campaign: ['campaignId', 'campaignName'],
};

/** Columns only one ad product reports. SD first: it has new-to-brand columns too. */
export const onlyIn: Record<'SD' | 'SB', RegExp> = {
  SD: /^(promotedAsin|promotedSku|impressionsViews|purchasesPromotedClicks|salesPromotedClicks|bidOptimization|cumulativeReach|impressionsFrequencyAverage|matchedTargetAsin)$|BrandHalo/,
  SB: /^(newToBrand|video|brandedSearches|purchasesClicks$|salesClicks$|unitsSoldClicks$|orders14d$|unitsSold14d$)/,
};

/** SP metrics carry their window as a suffix; the console shows sellers 7 days, so 7 is preferred. */
export const spWindows = [7, 14, 30, 1] as const;

export interface MeasureColumns {
  spend: readonly string[];
  sales: readonly string[];
  orders: readonly string[];
  units: readonly string[];
  sales_same_sku: readonly string[];
  units_same_sku: readonly string[];
  sales_other_sku: readonly string[];
  units_other_sku: readonly string[];
}

export function measureColumns(adType: AdType, days: number): MeasureColumns {
  if (adType === 'SP') {
    return {
      spend: ['cost', 'spend'], sales: [`sales${days}d`], orders: [`purchases${days}d`], units: [`unitsSoldClicks${days}d`],
      sales_same_sku: [`attributedSalesSameSku${days}d`], units_same_sku: [`unitsSoldSameSku${days}d`],
      sales_other_sku: [`salesOtherSku${days}d`], units_other_sku: [`unitsSoldOtherSku${days}d`],
    };
  }
  // SB/SD totals (views and clicks) as the console's ACoS uses them; SB purchased product suffixes 14d
  return {
    spend: ['cost'], sales: ['sales', 'sales14d'], orders: ['purchases', 'orders14d'], units: ['unitsSold', 'unitsSold14d'],
    sales_same_sku: [], units_same_sku: [],
    sales_other_sku: ['salesBrandHalo', 'salesBrandHalo14d'], units_other_sku: ['unitsSoldBrandHalo', 'unitsSoldBrandHalo14d'],
  };
}

export const dimensionColumns = {
  campaign: ['campaignName', 'campaignId'],
  ad_group: ['adGroupName', 'adGroupId'],
  targeting: ['targeting', 'keyword', 'keywordText', 'targetingText', 'targetingExpression'],
  match_type: ['matchType', 'keywordType'],
  search_term: ['searchTerm'],
  advertised_sku: ['advertisedSku', 'promotedSku'],
  advertised_asin: ['advertisedAsin', 'promotedAsin'],
  placement: ['placementClassification'],
  purchased_asin: ['purchasedAsin'],
} as const;
