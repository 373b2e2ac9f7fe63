import { z } from 'zod';
import { decideSuggestion, listDecisions, listSuggestions } from '../store/price-suggestions.ts';
import { listPricingRules, setPricingRule } from '../store/pricing-rules.ts';
import type { Database } from '../store/database.ts';
import { exportApprovedPrices } from './price-export.ts';
import { estimateSkuFees } from './pricing-fees.ts';
import { present, suggest } from './pricing.ts';
import { channelGaps } from '../analysis/channel-gaps.ts';
import { explainPrice } from './price-explain.ts';
import { channelPrices } from '../store/channel-prices.ts';

/**
 * The pricing entries of the operations table (app/operations.ts spreads them in): suggest, list,
 * approve / reject (who, when, why), the decision log, rules, the Amazon price file, fee estimates.
 * A decision names its user; without one (a bare HTTP call) it is recorded as `api`.
 */
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const decimal = z.union([z.number(), z.string()]).transform(String);
const nullableDecimal = z.union([z.number(), z.string(), z.null()]).transform((v) => (v === null || v === '' || v === 'none' ? null : String(v)));
const suggestInput = z.object({ sku: z.string().min(1), marketplace: z.string().optional(), store: z.string().optional(), target_margin: decimal.optional(), date: date.optional(), user: z.string().optional() });
const listInput = z.object({ status: z.enum(['pending', 'approved', 'rejected']).optional(), store: z.string().optional(), marketplace: z.string().optional(), sku: z.string().optional() });
const decideInput = z.object({ id: z.coerce.number().int().positive(), note: z.string().optional(), user: z.string().optional() });
const logInput = z.object({ id: z.coerce.number().int().positive().optional(), sku: z.string().optional() });
const rulesInput = z.object({
  store: z.string().optional(), sku: z.string().optional(), marketplace: z.string().optional(),
  min_margin: nullableDecimal.optional(), target_margin: nullableDecimal.optional(), ceiling: nullableDecimal.optional(), map: nullableDecimal.optional(),
  max_step: nullableDecimal.optional(), fx_buffer: nullableDecimal.optional(), competitor_step: nullableDecimal.optional(),
});
const exportInput = z.object({ channel: z.enum(['amazon', 'walmart', 'shopify']), store: z.string().optional(), marketplace: z.string().optional(), user: z.string().optional() });
const feeInput = z.object({ sku: z.string().min(1), marketplace: z.string().min(1), store: z.string().optional(), date, price: decimal });

const explainInput = z.object({ sku: z.string().min(1), marketplace: z.string().optional(), store: z.string().optional(), lang: z.enum(['zh', 'en']).optional() });
const gapInput = z.object({ store: z.string().optional(), max_gap: decimal.optional() });

export const pricingOperations = {
  price_explain: {
    method: 'get', path: '/api/price/explain', input: explainInput,
    summary: 'a price and everything behind it: cost build-up, FX, fees, rules, approvals / 定价依据（成本、汇率、费用、规则、审批）',
    run: async (db: Database, i: z.infer<typeof explainInput>) => explainPrice(db, i),
  },
  price_channel_gaps: {
    method: 'get', path: '/api/price/channel-gaps', input: gapInput,
    summary: 'SKUs whose prices on Amazon, Walmart and Shopify drift apart by more than a gap (default 5%) / 多平台价格不同步检查',
    run: async (db: Database, i: z.infer<typeof gapInput>) => ({ max_gap: i.max_gap ?? '0.05', ...channelGaps(await channelPrices(db, i.store), i.max_gap ?? '0.05') }),
  },
  price_suggest: {
    method: 'post', path: '/api/price/suggest', input: suggestInput, summary: 'suggest a price for a SKU under its rules / 生成调价建议',
    run: async (db: Database, i: z.infer<typeof suggestInput>) => suggest(db, i),
  },
  price_list: {
    method: 'get', path: '/api/price/suggestions', input: listInput, summary: 'price suggestions / 调价建议列表',
    run: async (db: Database, i: z.infer<typeof listInput>) => ({ suggestions: (await listSuggestions(db, i)).map(present) }),
  },
  price_approve: {
    method: 'post', path: '/api/price/approve', input: decideInput, summary: 'approve a price suggestion / 批准调价',
    run: async (db: Database, i: z.infer<typeof decideInput>) => present(await decideSuggestion(db, i.id, 'approve', i.user ?? 'api', i.note ?? null)),
  },
  price_reject: {
    method: 'post', path: '/api/price/reject', input: decideInput, summary: 'reject a price suggestion / 拒绝调价',
    run: async (db: Database, i: z.infer<typeof decideInput>) => present(await decideSuggestion(db, i.id, 'reject', i.user ?? 'api', i.note ?? null)),
  },
  price_log: {
    method: 'get', path: '/api/price/decisions', input: logInput, summary: 'who decided what, when and why / 调价审批记录',
    run: async (db: Database, i: z.infer<typeof logInput>) => ({ decisions: await listDecisions(db, { suggestion_id: i.id, sku: i.sku }) }),
  },
  price_rules_list: {
    method: 'get', path: '/api/price/rules', input: z.object({ store: z.string().optional() }), summary: 'pricing rules / 定价规则',
    run: async (db: Database, i: { store?: string | undefined }) => ({ rules: await listPricingRules(db, i.store ? { store: i.store } : {}) }),
  },
  price_rules_set: {
    method: 'put', path: '/api/price/rules', input: rulesInput, summary: 'set pricing rules for a SKU / marketplace or the store default / 设置定价规则',
    run: async (db: Database, i: z.infer<typeof rulesInput>) => ({ rule: await setPricingRule(db, i) }),
  },
  price_export: {
    method: 'post', path: '/api/price/export', input: exportInput, summary: 'approved prices as a channel price file: Amazon Price & Quantity, Walmart bulk price feed, Shopify product CSV / 导出各平台价格文件',
    run: async (db: Database, i: z.infer<typeof exportInput>) => exportApprovedPrices(db, { ...i, user: i.user ?? 'api' }),
  },
  fees_estimate: {
    method: 'get', path: '/api/fees/estimate', input: feeInput, summary: 'estimated Amazon fees of one unit (fee preview, else tables) / 费用估算',
    run: async (db: Database, i: z.infer<typeof feeInput>) => ({ estimate: await estimateSkuFees(db, { ...i, store: i.store ?? 'default' }) }),
  },
} as const;
