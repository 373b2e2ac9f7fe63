import { levelOf, type AdLevel, type AdType } from '../ads-common/ad-levels.ts';
import type { FamilyContext } from '../family.ts';
import { levelColumns, onlyIn, spWindows } from './columns.ts';

type Json = Record<string, unknown>;
export const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ApiShape {
  /** undefined: the columns do not say whether it is Sponsored Brands or Display */
  adType: AdType | undefined;
  level: AdLevel;
  attributionDays: number;
  rows: readonly Json[];
  columns: ReadonlySet<string>;
}

const metrics = ['impressions', 'clicks', 'cost'];
const shapes = new WeakMap<object, ApiShape | null>();

/** What a v3 report is (an array of flat objects), worked out once per document for every family's detect. */
export function apiShapeOf(doc: unknown): ApiShape | undefined {
  if (!Array.isArray(doc)) return undefined;
  let shape = shapes.get(doc);
  if (shape === undefined) {
    shape = computeShape(doc) ?? null;
    shapes.set(doc, shape);
  }
  return shape ?? undefined;
}

function computeShape(doc: unknown[]): ApiShape | undefined {
  if (doc.length === 0 || !doc.every(isRecord)) return undefined;
  const rows = doc as Json[];
  const columns = new Set(rows.flatMap((r) => Object.keys(r)));
  const level = levelOf((c: string) => columns.has(c), levelColumns);
  // purchased-product reports (spPurchasedProduct, sbPurchasedProduct) carry no impressions, clicks or cost: their
  // purchasedAsin, a column only ads reports have, says what they are
  if (!level || (level !== 'purchased_product' && !metrics.some((m) => columns.has(m)))) return undefined;
  const names = [...columns];
  const spDays = spWindows.find((d) => names.some((c) => c.endsWith(`${d}d`) && /^(sales|purchases|unitsSoldClicks|salesOtherSku|unitsSoldOtherSku|purchasesOtherSku)\d/.test(c)));
  let adType: AdType | undefined;
  if (names.some((c) => onlyIn.SD.test(c))) adType = 'SD';
  else if (names.some((c) => onlyIn.SB.test(c))) adType = 'SB';
  else if (spDays !== undefined || columns.has('spend') || columns.has('advertisedAsin')) adType = 'SP';
  // SB and SD attribute over 14 days and name their metrics without a suffix
  return { adType, level, attributionDays: adType === 'SP' ? (spDays ?? 7) : 14, rows, columns };
}

/**
 * A streamed batch's shape: ad type, level and window from the whole file's outline (every key of every
 * row), the rows from the batch; the document itself when it was read whole.
 */
export function shapeOfBatch(doc: unknown, context: FamilyContext): ApiShape | undefined {
  const outline = context.batch?.json?.outline;
  if (outline === undefined) return apiShapeOf(doc);
  const shape = apiShapeOf(outline);
  return shape && { ...shape, rows: Array.isArray(doc) ? doc.filter(isRecord) : [] };
}
