import { say } from '../../domain/messages.ts';
import { adsTable, adTypeNames, levelNames, reportLevels, type AdLevel, type AdType } from '../ads-common/ad-levels.ts';
import { adTypeMessages } from '../ads-common/ad-type-messages.ts';
import { refusal, type JsonFamily } from '../family.ts';
import { rootList } from '../json-stream.ts';
import { apiShapeOf, shapeOfBatch } from './report-shape.ts';
import { readApiRows } from './read-rows.ts';

/** One family per ad product and level, as for console reports, so each replaces only its own kind. */
function apiFamily(adType: AdType, level: AdLevel): JsonFamily {
  return {
    type: `ads_api_${adType.toLowerCase()}_${level}`,
    name: { en: `Ads API v3 ${adTypeNames[adType].en} ${levelNames[level].en}`, zh: `广告 API v3 ${adTypeNames[adType].zh}${levelNames[level].zh}` },
    format: 'json',
    writes: adsTable,
    rowsIn: rootList,
    detect(doc) {
      const shape = apiShapeOf(doc);
      return shape?.adType === adType && shape.level === level ? shape.columns.size : false;
    },
    read(doc, context) {
      const shape = shapeOfBatch(doc, context);
      if (!shape || shape.adType !== adType) return refusal(context, 'unknown_report', say('not_this_report', { report: { en: 'an Ads API v3 report', zh: '广告 API v3 报告' } }));
      const declared = context.options.adType?.toUpperCase();
      if (declared && declared !== adType) return refusal(context, 'ad_type_contradicted', adTypeMessages.contradicts(declared.toLowerCase(), [adType]));
      return readApiRows({ ...shape, adType }, context);
    },
  };
}

/** SB and SD metrics share names (`sales`, `purchases`): without a column only one of them has, the file is ambiguous. */
const unclearAdType: JsonFamily = {
  type: 'ads_api_unclear',
  name: { en: 'Ads API v3 report of unclear ad type (refused)', zh: '广告 API v3 报告（无法判断广告类型，不导入）' },
  format: 'json',
  writes: [],
  rowsIn: rootList,
  detect: (doc) => (apiShapeOf(doc)?.adType === undefined && apiShapeOf(doc) ? 1 : false),
  read(doc, context) {
    const shape = shapeOfBatch(doc, context);
    const declared = context.options.adType?.toUpperCase();
    // `--ad-type sb|sd` says which; read as that ad product's family (`readAs`), when it offers the level
    if (shape && (declared === 'SB' || declared === 'SD') && reportLevels[declared].includes(shape.level)) {
      return { ...readApiRows({ ...shape, adType: declared }, context), readAs: `ads_api_${declared.toLowerCase()}_${shape.level}` };
    }
    if (declared) return refusal(context, 'ad_type_contradicted', adTypeMessages.contradicts(declared.toLowerCase(), ['SB', 'SD']));
    return refusal(context, 'unclear_ad_type', say('unclear_ads_api_type'));
  },
};

export const adsApiV3Families: readonly JsonFamily[] = [
  ...(Object.keys(reportLevels) as AdType[]).flatMap((adType) => reportLevels[adType].map((level) => apiFamily(adType, level))),
  unclearAdType,
];
