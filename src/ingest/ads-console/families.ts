import { say } from '../../domain/messages.ts';
import { adsTable, adTypeNames, levelNames, reportLevels, type AdLevel, type AdType } from '../ads-common/ad-levels.ts';
import { adTypeMessages } from '../ads-common/ad-type-messages.ts';
import { refusal, type FamilyContext, type FamilyOutput, type TableFamily, type TableInput } from '../family.ts';
import { AliasIndex, type HeaderColumn } from '../header.ts';
import { adsConsoleAliases, type AdsConsoleField as Field } from './aliases.ts';
import { consoleBulkPlan } from './bulk.ts';
import { readConsoleRows } from './read-rows.ts';
import { reportShapeOf } from './report-shape.ts';
import { bulkSheet, performanceOverTime } from './refused.ts';

const aliases = new AliasIndex(adsConsoleAliases);

/** the columns without which a report of this level says nothing to count */
const requiredFor = (level: AdLevel): readonly Field[] =>
  level === 'purchased_product' ? ['campaign', 'purchased_asin', 'units_other_sku', 'sales_other_sku'] : ['campaign', 'impressions', 'clicks', 'spend', 'sales'];

export const consoleReportType = (adType: string, level: string): string => `${adType.toLowerCase()}_${level}_report`;

/** `--ad-type` as the ad product it names */
const declaredOf = (context: FamilyContext): AdType | undefined => context.options.adType?.toUpperCase() as AdType | undefined;

/**
 * One family per ad product and report level (Ads console → Sponsored ads reports, XLSX or CSV).
 * They share one reader; being separate report types lets a newer search-term report replace
 * the older one for the same days without touching the targeting report. A family is detected only
 * when the columns leave its ad product alone (ad-type.ts); other headers go to `openAdType` below.
 */
function consoleFamily(adType: AdType, level: AdLevel): TableFamily {
  return {
    type: consoleReportType(adType, level),
    name: { en: `${adTypeNames[adType].en} ${levelNames[level].en}`, zh: `${adTypeNames[adType].zh}${levelNames[level].zh}` },
    format: 'table',
    writes: adsTable,
    aliases,
    required: requiredFor(level),
    filled: level === 'purchased_product' ? { campaign: 'refuse', purchased_asin: 'refuse' } : { campaign: 'refuse', impressions: 'refuse', clicks: 'refuse', spend: 'refuse' },
    detect(header) {
      const columns = aliases.resolve(header);
      const shape = reportShapeOf(columns);
      return shape?.level === level && shape.adTypes.length === 1 && shape.adTypes[0] === adType ? columns.size : false;
    },
    read(input, context) {
      const declared = declaredOf(context);
      if (declared && declared !== adType) return refusal(context, 'ad_type_contradicted', adTypeMessages.contradicts(declared.toLowerCase(), [adType]));
      return readConsoleRows(adType, level, input, context);
    },
    bulk: (columns, sample) => consoleBulkPlan(adType, level, columns, sample),
  };
}

/**
 * A console report whose columns fit more than one ad product (a 2022 Sponsored Brands search-term
 * report has nothing an SP vendor's lacks). Read as the `--ad-type` given; without it, read as the first
 * candidate and left open (`openAdType`) for the import step, which asks the database whether the
 * campaigns are known as exactly one ad type, else refuses the file asking for `--ad-type`.
 */
export const adsConsoleOpenAdType: TableFamily = {
  type: 'ads_console_ad_type_open',
  name: { en: 'Sponsored ads report of undecided ad type', zh: '广告报告（广告类型待定）' },
  format: 'table',
  writes: adsTable,
  aliases,
  required: ['campaign'],
  detect(header) {
    const columns = aliases.resolve(header);
    const shape = reportShapeOf(columns);
    return shape && shape.adTypes.length !== 1 ? columns.size : false;
  },
  read: readOpen,
  // loaded in bulk only when every candidate would be; the large-file import then plans for the ad type it decides
  bulk(columns, sample) {
    const shape = reportShapeOf(columns);
    const plans = shape?.adTypes.map((t) => consoleBulkPlan(t, shape.level, columns, sample)) ?? [];
    return plans.length > 0 && plans.every(Boolean) ? plans[0] : undefined;
  },
};

function readOpen(input: TableInput, context: FamilyContext): FamilyOutput {
  const shape = reportShapeOf(input.fields.columns);
  if (!shape) return refusal(context, 'unknown_report', say('not_this_report', { report: { en: 'a sponsored ads console report', zh: '广告控制台报告' } }));
  const { adTypes, level } = shape;
  if (adTypes.length === 0) return refusal(context, 'ad_type_conflicting', adTypeMessages.conflicting());
  const missing = requiredFor(level).filter((f) => !input.fields.has(f));
  if (missing.length > 0) {
    return refusal(context, 'missing_column', say('missing_column_named', {
      report: { en: 'Sponsored ads report', zh: '广告报告' }, column: missing.map((f) => aliases.expected(f)).join(', '), where: '',
    }));
  }
  const declared = declaredOf(context);
  if (declared && !adTypes.includes(declared)) return refusal(context, 'ad_type_contradicted', adTypeMessages.contradicts(declared.toLowerCase(), adTypes));
  const readAs = declared ?? adTypes[0] ?? 'SP';
  const output = readConsoleRows(readAs, level, input, context);
  if (declared) return { ...output, readAs: consoleReportType(declared, level) };
  const campaigns = [...new Set((output.tables.ads ?? []).map((r) => r.campaign).filter((c): c is string => typeof c === 'string'))];
  return {
    ...output,
    openAdType: { open: adTypes, campaigns, readAs: consoleReportType(readAs, level), reportTypeFor: (t) => consoleReportType(t, level) },
  };
}

/** The ad products a console family's header allows, for the large-file import (undefined: not a console report). */
export function consoleAdTypes(family: TableFamily, columns: ReadonlyMap<string, HeaderColumn>): { adTypes: AdType[]; level: AdLevel } | undefined {
  return family === adsConsoleOpenAdType || reportFamilies.includes(family) ? reportShapeOf(columns) : undefined;
}

const reportFamilies = (Object.keys(reportLevels) as AdType[]).flatMap((adType) => reportLevels[adType].map((level) => consoleFamily(adType, level)));

export const adsConsoleFamilies: readonly TableFamily[] = [
  ...reportFamilies,
  adsConsoleOpenAdType,
  performanceOverTime,
  bulkSheet,
];
