import { adsTable, adTypeNames, levelNames, reportLevels, type AdLevel, type AdType } from '../ads-common/ad-levels.ts';
import type { TableFamily } from '../family.ts';
import { AliasIndex } from '../header.ts';
import { adsConsoleAliases, type AdsConsoleField as Field } from './aliases.ts';
import { consoleBulkPlan } from './bulk.ts';
import { readConsoleRows } from './read-rows.ts';
import { reportShapeOf } from './report-shape.ts';
import { bulkSheet, performanceOverTime } from './refused.ts';

const aliases = new AliasIndex(adsConsoleAliases);

/** the columns without which a report of this level says nothing to count */
const requiredFor = (level: AdLevel): readonly Field[] =>
  level === 'purchased_product' ? ['campaign', 'purchased_asin', 'units_other_sku', 'sales_other_sku'] : ['campaign', 'impressions', 'clicks', 'spend', 'sales'];

/**
 * One family per ad product and report level (Ads console → Sponsored ads reports, XLSX or CSV).
 * They share one reader; being separate report types lets a newer search-term report replace
 * the older one for the same days without touching the targeting report.
 */
function consoleFamily(adType: AdType, level: AdLevel): TableFamily {
  return {
    type: `${adType.toLowerCase()}_${level}_report`,
    name: { en: `${adTypeNames[adType].en} ${levelNames[level].en}`, zh: `${adTypeNames[adType].zh}${levelNames[level].zh}` },
    format: 'table',
    writes: adsTable,
    aliases,
    required: requiredFor(level),
    filled: level === 'purchased_product' ? { campaign: 'refuse', purchased_asin: 'refuse' } : { campaign: 'refuse', impressions: 'refuse', clicks: 'refuse', spend: 'refuse' },
    detect(header) {
      const columns = aliases.resolve(header);
      const shape = reportShapeOf(columns);
      return shape?.adType === adType && shape.level === level ? columns.size : false;
    },
    read: (input, context) => readConsoleRows(adType, level, input, context),
    bulk: (columns, sample) => consoleBulkPlan(adType, level, columns, sample),
  };
}

export const adsConsoleFamilies: readonly TableFamily[] = [
  ...(Object.keys(reportLevels) as AdType[]).flatMap((adType) => reportLevels[adType].map((level) => consoleFamily(adType, level))),
  performanceOverTime,
  bulkSheet,
];
