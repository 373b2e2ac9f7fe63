import { z } from 'zod';
import { AsterismError } from '../domain/errors.ts';
import { say } from '../domain/messages.ts';
import type { Database } from '../store/database.ts';
import { listAdTargets, setAdTarget } from '../store/ad-facts.ts';
import { decideAdSuggestion, listAdDecisions, listAdSuggestions } from '../store/ad-suggestions.ts';
import { adsQuestions, adsSuggestions, presentAdSuggestion, type AdsQuestion } from './ads.ts';
import { adsHierarchy } from './ads-hierarchy.ts';
import { exportAdChanges } from './ads-export.ts';

/**
 * The ads workbench's entries of the operations table (app/operations.ts spreads them in): the four questions, the
 * approval list (approve / reject: who, when, why), target ACoS, the hierarchy and the bulk file.
 * A decision names its user; without one (a bare HTTP call) it is recorded as `api`.
 */
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const filters = {
  store: z.string().optional(), marketplace: z.string().optional(), from: date.optional(), to: date.optional(),
  ad_type: z.enum(['SP', 'SB', 'SD', 'sp', 'sb', 'sd']).optional(), campaign: z.string().optional(), user: z.string().optional(),
};
const questionInput = z.object(filters);
const listInput = z.object({ status: z.enum(['pending', 'approved', 'rejected']).optional(), store: z.string().optional(), marketplace: z.string().optional(), kind: z.string().optional() });
const decideInput = z.object({ id: z.coerce.number().int().positive(), reason: z.string().optional(), user: z.string().optional() });
const targetInput = z.object({
  store: z.string().optional(), sku: z.string().optional(), tier: z.string().optional(),
  target_acos: z.union([z.number(), z.string()]).transform(String), user: z.string().optional(),
});
const idMap = z.record(z.string(), z.string());
const exportInput = z.object({
  store: z.string().optional(), marketplace: z.string().optional(), user: z.string().optional(),
  /** IDs by name from the seller's bulk download (asterism ads export --ids FILE reads it where the CLI runs) */
  ids: z.object({ campaigns: idMap, ad_groups: idMap, keywords: idMap, targets: idMap }).optional(),
});
const hierarchyInput = z.object({ store: z.string().optional(), marketplace: z.string().optional(), from: date.optional(), to: date.optional() });

const ask = (question: AdsQuestion) => async (db: Database, i: z.infer<typeof questionInput>) =>
  adsSuggestions(db, { question, ...i, ad_type: i.ad_type?.toUpperCase() });

/** 0.25 or 25% → '0.25'; refused outside (0, 1]. */
function targetFraction(text: string): string {
  const t = text.trim();
  const n = Number(t.replace(/%$/, '')) / (t.endsWith('%') ? 100 : 1);
  if (!Number.isFinite(n) || n <= 0 || n > 1) throw new AsterismError('bad_request', say('ads_target_bad', { value: text }));
  return String(n);
}

export const adsOperations = {
  ads_terms: { method: 'post', path: '/api/ads/terms', input: questionInput, summary: 'search terms to harvest as exact keywords or product targets / 搜索词收词建议', run: ask('terms') },
  ads_negatives: { method: 'post', path: '/api/ads/negatives', input: questionInput, summary: 'search terms to negate, with the spend they waste / 否定词建议', run: ask('negatives') },
  ads_bids: { method: 'post', path: '/api/ads/bids', input: questionInput, summary: 'bids toward target ACoS and placement multipliers / 竞价与位置调整建议', run: ask('bids') },
  ads_budgets: { method: 'post', path: '/api/ads/budgets', input: questionInput, summary: 'budget pacing from the Budget report / 预算建议', run: ask('budgets') },
  ads_list: {
    method: 'get', path: '/api/ads/suggestions', input: listInput, summary: 'the ads approval list / 广告调整审批列表',
    run: async (db: Database, i: z.infer<typeof listInput>) => ({
      suggestions: (await listAdSuggestions(db, { status: i.status, store: i.store, marketplace: i.marketplace, kinds: i.kind ? [i.kind] : undefined })).map(presentAdSuggestion),
    }),
  },
  ads_approve: {
    method: 'post', path: '/api/ads/approve', input: decideInput, summary: 'approve an ads suggestion / 批准广告调整',
    run: async (db: Database, i: z.infer<typeof decideInput>) => ({ suggestions: [presentAdSuggestion(await decideAdSuggestion(db, i.id, 'approve', i.user ?? 'api', i.reason ?? null))] }),
  },
  ads_reject: {
    method: 'post', path: '/api/ads/reject', input: decideInput, summary: 'reject an ads suggestion / 拒绝广告调整',
    run: async (db: Database, i: z.infer<typeof decideInput>) => ({ suggestions: [presentAdSuggestion(await decideAdSuggestion(db, i.id, 'reject', i.user ?? 'api', i.reason ?? null))] }),
  },
  ads_log: {
    method: 'get', path: '/api/ads/decisions', input: z.object({ id: z.coerce.number().int().positive().optional() }), summary: 'who approved, rejected or exported what / 广告调整审批记录',
    run: async (db: Database, i: { id?: number | undefined }) => ({ decisions: await listAdDecisions(db, i.id ?? null) }),
  },
  ads_targets_list: {
    method: 'get', path: '/api/ads/targets', input: z.object({ store: z.string().optional() }), summary: 'target ACoS per SKU, tier or store / 目标ACoS',
    run: async (db: Database, i: { store?: string | undefined }) => ({ targets: await listAdTargets(db, i.store ?? null) }),
  },
  ads_targets_set: {
    method: 'put', path: '/api/ads/targets', input: targetInput, summary: 'set a target ACoS for a SKU, a tier or the store / 设置目标ACoS',
    run: async (db: Database, i: z.infer<typeof targetInput>) => {
      const store = i.store ?? 'default';
      const scope = i.sku ? 'sku' as const : i.tier ? 'tier' as const : 'store' as const;
      await setAdTarget(db, { store, scope, key: i.sku ?? i.tier ?? '*', target_acos: targetFraction(i.target_acos), user: i.user ?? null });
      return { targets: await listAdTargets(db, store) };
    },
  },
  ads_hierarchy: {
    method: 'get', path: '/api/ads/hierarchy', input: hierarchyInput, summary: 'portfolio → campaign → ad group → target → search term / 广告层级',
    run: async (db: Database, i: z.infer<typeof hierarchyInput>) => adsHierarchy(db, i),
  },
  ads_export: {
    method: 'post', path: '/api/ads/export', input: exportInput, summary: 'approved ads changes as an Amazon Ads bulk file (XLSX, base64) / 导出广告批量文件',
    run: async (db: Database, i: z.infer<typeof exportInput>) => exportAdChanges(db, { store: i.store, marketplace: i.marketplace, user: i.user ?? 'api', ids: i.ids }),
  },
} as const;

export const adsKinds = adsQuestions;
