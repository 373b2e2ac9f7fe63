import { z } from 'zod';
import type { Database } from '../store/database.ts';
import { catalogueHealth } from './catalogue.ts';
import { batchQuality, supplierScorecard } from './purchasing.ts';
import { restock } from './restock.ts';

/**
 * The inventory and purchasing entries of the operations table (app/operations.ts spreads them in): the
 * restock plan, the supplier scorecard, batch quality. Reads only: every role sees it within its scope.
 */
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const flag = z.union([z.boolean(), z.enum(['true', 'false', '1', '0'])]).transform((v) => v === true || v === 'true' || v === '1');
const restockInput = z.object({
  store: z.string().optional(), marketplace: z.string().optional(), sku: z.string().optional(), asin: z.string().optional(),
  /** the day the plan is made on; default the day after the last sale or snapshot */
  as_of: date.optional(),
  service_level: z.coerce.number().optional(),
  floor_weeks: z.coerce.number().min(0).max(52).optional(),
  cycle_days: z.coerce.number().int().min(1).max(365).optional(),
  freight_mode: z.enum(['sea', 'air', 'rail', 'express']).optional(),
  order_only: flag.optional(),
});

const purchasingInput = z.object({ store: z.string().optional(), sku: z.string().optional(), supplier: z.string().optional() });

const catalogueInput = z.object({
  from: date, to: date, store: z.string().optional(), marketplace: z.string().optional(),
  /** pairs seen in fewer orders are left out (default 2) */
  min_orders: z.coerce.number().int().min(1).optional(),
});

export const restockOperations = {
  restock: {
    method: 'get', path: '/api/restock', input: restockInput,
    summary: 'what to order, when and why, per SKU × marketplace: forecast, safety stock, reorder point, MOQ and carton / 补货建议',
    run: async (db: Database, i: z.infer<typeof restockInput>) => restock(db, i),
  },
  suppliers: {
    method: 'get', path: '/api/suppliers', input: purchasingInput,
    summary: 'suppliers: on-time delivery rate, lead time mean and variance, fulfilment rate (received ÷ ordered) / 供应商评估',
    run: async (db: Database, i: z.infer<typeof purchasingInput>) => supplierScorecard(db, i),
  },
  batches: {
    method: 'get', path: '/api/batches', input: purchasingInput.extend({ bad_only: flag.optional() }),
    summary: 'batches traced by FIFO: return and defect rate, 1–2 star reviews, against the SKU\'s usual / 批次质量追溯',
    run: async (db: Database, i: z.infer<typeof purchasingInput> & { bad_only?: boolean | undefined }) => batchQuality(db, i),
  },
  catalogue: {
    method: 'get', path: '/api/catalogue', input: catalogueInput,
    summary: 'catalogue health: 动销率, ABC classes by sales and units, pairs bought together (support, confidence, lift) / 商品结构健康',
    run: async (db: Database, i: z.infer<typeof catalogueInput>) => catalogueHealth(db, i),
  },
} as const;
