/** The ads workbench's answers (issue 21): POST /api/ads/terms|negatives|bids|budgets, GET /api/ads/hierarchy. */
export interface AdSuggestion {
  id: number;
  kind: string;
  scope: Record<string, string | number | null>;
  evidence: Record<string, string | number | null>;
  change: Record<string, string | number | null>;
  status: 'pending' | 'approved' | 'rejected';
  decided_by: string | null;
  decided_at: string | null;
  note: string | null;
  exported_at: string | null;
}
export interface AdLeftAlone { kind: string; scope: Record<string, string | number | null>; reason: { en: string; zh: string } }
export interface AdEconomics {
  sku: string; currency: string; store: string; marketplace: string; ad_type: string; attribution_days: number | null;
  break_even_acos: number | null; target_acos: number | null; target_source: string | null; average_order_value: string | null;
  conversion_rate: number | null; break_even_cpc: string | null; reasons: { en: string; zh: string }[];
}
export interface AdsAnswer { suggestions: AdSuggestion[]; left_alone: AdLeftAlone[]; economics?: AdEconomics[] }
export interface AdNode {
  id: string; parent: string | null; level: string; name: string; ad_type: string; attribution_days: number | null; source: string; match_type: string | null;
  currency: string; impressions: number | null; clicks: number; spend: string; sales: string; orders: number;
  acos: number | null; roas: number | null; cpc: string | null; ctr: number | null; cvr: number | null; tacos: number | null;
}
export interface AdsHierarchy { markets: { store: string; marketplace: string; from: string; to: string; sales: string | null; nodes: AdNode[] }[] }
export interface AdsExport { count: number; ids: number[]; file_name: string; content_type: string; file_base64: string }
