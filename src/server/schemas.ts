import { z } from '@hono/zod-openapi';
import { adTypeOptions } from '../ingest/index.ts';
import { dimensionIds } from '../metrics/dimensions.ts';

/** Request and answer shapes of the HTTP API, the same as the CLI's `--json` documents. */
const oneOrMany = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

export const queryParams = z.object({
  metric: oneOrMany.openapi({ param: { name: 'metric', in: 'query' }, example: 'sales', description: 'metric id; repeat for several' }),
  by: oneOrMany.optional().openapi({ param: { name: 'by', in: 'query' }, description: `dimension: ${dimensionIds.join(', ')}` }),
  from: z.string().optional().openapi({ param: { name: 'from', in: 'query' }, example: '2026-10-01' }),
  to: z.string().optional().openapi({ param: { name: 'to', in: 'query' }, example: '2026-10-31' }),
  store: z.string().optional().openapi({ param: { name: 'store', in: 'query' } }),
  marketplace: z.string().optional().openapi({ param: { name: 'marketplace', in: 'query' }, example: 'US' }),
  asin: z.string().optional().openapi({ param: { name: 'asin', in: 'query' } }),
  sku: z.string().optional().openapi({ param: { name: 'sku', in: 'query' } }),
  currency: z.string().optional().openapi({ param: { name: 'currency', in: 'query' }, example: 'CNY' }),
  compare: z.enum(['wow', 'mom', 'yoy', 'previous']).optional().openapi({
    param: { name: 'compare', in: 'query' }, example: 'mom',
    description: 'also answer the compared period: each row gets `previous` and `change` by metric (ratios change by difference, others relatively)',
  }),
  basis: z.enum(['order', 'posted']).optional().openapi({ param: { name: 'basis', in: 'query' }, description: 'profit metrics: by order date (default) or by posted date (cash view)' }),
  lineage: z.enum(['true', 'false']).optional().openapi({ param: { name: 'lineage', in: 'query' }, description: 'also answer `lineage`: per report type read, the days covered, row length, attribution window, time zones and import time' }),
});

export const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), message_en: z.string().optional(), message_zh: z.string().optional() }) }).openapi('Error');

export const metricListing = z.object({
  id: z.string(), name_en: z.string(), name_zh: z.string(), unit: z.string(), format: z.string(),
  direction: z.string(), kind: z.string(), sensitive: z.boolean(), aggregation: z.string(), formula: z.string(),
  basis: z.string().nullable(), roles: z.array(z.string()).nullable(),
}).openapi('Metric');

export const problem = z.object({
  code: z.string(), message: z.string(), message_en: z.string().optional(), message_zh: z.string().optional(), severity: z.enum(['error', 'warning']),
  file: z.string().optional(), line: z.number().optional(), column: z.string().optional(),
}).openapi('Problem');

/** How many days of each period a report type covers (issue 15: comparisons against partial periods). */
export const baseCoverage = z.object({
  source: z.string(), base_days: z.number(), base_period_days: z.number(), current_days: z.number(), current_period_days: z.number(),
}).openapi('BaseCoverage');

export const queryAnswer = z.object({
  rows: z.array(z.record(z.string(), z.unknown())),
  columns: z.array(z.object({ id: z.string(), role: z.string(), unit: z.string().optional(), format: z.string().optional(), name_en: z.string(), name_zh: z.string() })),
  problems: z.array(problem),
  compare: z.object({
    kind: z.enum(['wow', 'mom', 'yoy', 'previous']), from: z.string(), to: z.string(),
    basis: z.record(z.string(), z.enum(['difference', 'relative'])),
    coverage: z.array(baseCoverage).openapi({ description: 'the days each report type covers in both periods (the answer\'s store and marketplace)' }),
    partial_base: z.record(z.string(), baseCoverage).openapi({
      description: 'by metric: those whose compared period covers a smaller share of its days than the current one (not a change of the business); rows carry `partial_base` too, per marketplace when grouped by it',
    }),
  }).optional(),
  profit_basis: z.enum(['order', 'posted']).optional().openapi({ description: 'the date profit metrics were counted by, when one is asked' }),
  lineage: z.array(z.object({
    source: z.string(), metrics: z.array(z.string()), from: z.string(), to: z.string(), days: z.number().nullable(), period_days: z.number().nullable(),
    row_days: z.array(z.number()), marketplaces: z.array(z.string()), time_zones: z.record(z.string(), z.string()),
    attribution_days: z.array(z.number()), imported_at: z.string(), files: z.number(),
  })).optional().openapi({ description: 'with lineage=true: where the numbers came from, per report type' }),
  period: z.object({
    from: z.string().nullable(), to: z.string().nullable(), basis: z.enum(['given', 'all_dates', 'from_only', 'to_only']),
    note: z.object({ en: z.string(), zh: z.string() }).nullable(),
  }).optional().openapi({ description: 'the dates the answer covers: without from/to, all dates, and `note` says which (the first and last day of the data its metrics read)' }),
}).openapi('QueryAnswer');

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const importByPath = z.object({
  files: z.array(z.string().min(1)).min(1).openapi({ description: 'absolute paths of report files on the server\'s machine' }),
  store: z.string().min(1).optional().openapi({ description: 'the store the files belong to; left out: the database\'s one store, and 400 listing the stores when there are none or several' }),
  marketplace: z.string().min(2).optional(),
  from: date.optional(),
  to: date.optional(),
  date: date.optional(),
  adType: z.enum(adTypeOptions).optional().openapi({ description: 'ad product of ads reports whose columns fit more than one (sp, sb, sd); refused when the file says otherwise' }),
  replace: z.boolean().optional().openapi({ description: 'replace earlier rows even when most of their keys are not in the new file' }),
}).openapi('ImportByPath');

const conservation = z.object({
  total: z.string(), categories: z.record(z.string(), z.string()), difference: z.string(), conserved: z.boolean(), unclassified_lines: z.number(),
}).openapi('Conservation');

export const fileResult = z.object({
  file: z.string(), type: z.string().nullable(), store: z.string(), marketplace: z.string().nullable(), rows: z.number(),
  status: z.enum(['imported', 'unchanged', 'error']), from: z.string().nullable(), to: z.string().nullable(),
  replaced: z.number(), error: z.string().nullable(), error_zh: z.string().nullable().optional(), problems: z.array(problem),
  conservation: z.record(z.string(), conservation).optional().openapi({
    description: 'payments files: per currency, the file\'s total, the profit categories (signed as in the file) and their difference',
  }),
  marketplaces: z.array(z.object({ marketplace: z.string(), currency: z.string().nullable(), rows: z.number() })).optional().openapi({
    description: 'a file naming several marketplaces (a unified account), imported split: the report\'s rows per marketplace; marketplace is then null',
  }),
  skipped_channels: z.record(z.string(), z.number()).optional().openapi({
    description: 'rows of sales channels that are not Amazon marketplaces, skipped, per channel as written (Non-Amazon: Multi-Channel Fulfilment)',
  }),
}).openapi('ImportedFile');

export const sourceEntry = z.object({
  file: z.string(), type: z.string(), store: z.string(), marketplace: z.string().nullable(),
  from: z.string().nullable(), to: z.string().nullable(), rows: z.number(), imported_at: z.string(),
  time_zone: z.string().nullable().openapi({ description: 'the marketplace\'s time zone: dates are its local dates' }),
  row_days: z.array(z.number()).openapi({ description: 'the shortest and longest row in days: [1] daily, [7] an Amazon week' }),
  attribution_days: z.array(z.number()).openapi({ description: 'ads: the attribution window(s) of the rows, in days' }),
}).openapi('Source');

export const fxRate = z.object({
  date: date, base: z.string().length(3), quote: z.string().length(3),
  rate: z.string().regex(/^\d+(\.\d{1,8})?$/, 'a positive number as text, e.g. "7.1234"'),
}).openapi('FxRate');

const jobState = z.enum(['queued', 'importing', 'done', 'failed']);

export const importJob = z.object({
  id: z.string(),
  state: jobState.openapi({ description: 'queued behind another import, importing, done (each file has its result), or failed (the import could not run)' }),
  createdAt: z.string(), startedAt: z.string().nullable(), finishedAt: z.string().nullable(),
  files: z.array(z.object({
    file: z.string(),
    state: jobState.openapi({ description: 'failed: this file\'s result is an error and it wrote nothing' }),
    bytesTotal: z.number(), bytesRead: z.number(),
    rows: z.number().nullable().openapi({ description: 'rows written so far; null until known' }),
    rowsEstimated: z.boolean().openapi({ description: 'a large CSV is read by DuckDB, which counts bytes: rows are then worked out from the first rows\' length' }),
    mbPerSecond: z.number().nullable(),
    result: fileResult.nullable(),
  })),
  current: z.number().nullable().openapi({ description: 'index in files of the file being imported' }),
  mbPerSecond: z.number().nullable().openapi({ description: 'the current file\'s MB (10⁶ bytes) read per second' }),
  results: z.array(fileResult).nullable().openapi({ description: 'one result per file once done: what the synchronous upload answers' }),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
}).openapi('ImportJob');
