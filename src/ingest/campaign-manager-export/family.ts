import { problemOf } from '../../domain/errors.ts';
import { say } from '../../domain/messages.ts';
import type { AdType } from '../ads-common/ad-levels.ts';
import { adsTable } from '../ads-common/ad-levels.ts';
import { adTypeMessages } from '../ads-common/ad-type-messages.ts';
import { cleanText, emptyAdsRow, type AdsRow } from '../ads-common/ads-row.ts';
import { periodFromOptions, refusal, type FamilyContext, type FamilyOutput, type TableFamily, type TableInput } from '../family.ts';
import { AliasIndex, type HeaderColumn } from '../header.ts';
import { campaignManagerAliases, type CampaignManagerField as Field } from './aliases.ts';
import { campaignManagerProductsGrid } from './products-grid.ts';

const aliases = new AliasIndex(campaignManagerAliases);

/** `(%)` columns and `State` appear in the grid exports and in no console report. */
function gridColumns(header: readonly HeaderColumn[]): Map<string, HeaderColumn> | undefined {
  const columns = aliases.resolve(header);
  const has = (f: Field) => columns.has(f);
  return (has('ctr_pct') || has('acos_pct')) && has('spend') && has('clicks') ? columns : undefined;
}

const typeOfCampaign: Record<string, AdType> = {
  sp: 'SP', 'sponsored products': 'SP', sb: 'SB', sbv: 'SB', 'sponsored brands': 'SB', sd: 'SD', 'sponsored display': 'SD',
};

/**
 * Campaign Manager → Campaigns → Export. The grid has no date column: it totals the date range
 * chosen on screen, so like the Business Report by child item it needs --from and --to.
 * Every campaign is one row, so the whole account's range is in one file.
 */
export const campaignManagerCampaigns: TableFamily = {
  type: 'campaign_manager_campaigns',
  name: { en: 'Campaign Manager campaigns export', zh: '广告活动管理器广告活动导出' },
  format: 'table',
  writes: adsTable,
  aliases,
  required: ['campaign', 'impressions', 'clicks', 'spend', 'sales'],
  detect(header) {
    const columns = gridColumns(header);
    return columns?.has('campaign') ? columns.size : false;
  },
  read,
};

function read({ rows, fields }: TableInput, context: FamilyContext): FamilyOutput {
  const period = periodFromOptions(context, { en: 'a Campaign Manager export', zh: '广告活动管理器导出' });
  if (!('from' in period)) return { rows: 0, tables: {}, period: null, evidence: {}, problems: [period] };
  const declared = context.options.adType?.toUpperCase() as AdType | undefined;
  // each row's `Type` says its ad product; without the column only --ad-type may (never a default that could replace)
  if (!fields.has('ad_type') && !declared) return refusal(context, 'ad_type_unclear', adTypeMessages.open(['SP', 'SB', 'SD'], context.options.store ?? 'default', context.options.marketplace ?? '?'));
  const out: AdsRow[] = [];
  for (const source of rows) {
    const row = fields.row(source);
    const written = row.text('ad_type');
    const adType = written === null ? declared : typeOfCampaign[written.toLowerCase()];
    if (!adType || (declared && adType !== declared)) {
      const texts = !adType
        ? say('bad_value', { line: row.line, column: 'Type', value: written ?? '', expected: { en: 'SP, SB or SD', zh: 'SP、SB 或 SD' } })
        : say('bad_value_reason', { line: row.line, column: 'Type', reason: adTypeMessages.contradicts(declared?.toLowerCase() ?? '', [adType]) });
      fields.problems.push(problemOf(texts, { code: 'bad_value', severity: 'error', file: context.file, line: row.line, column: 'Type' }));
      continue;
    }
    // the grid's Sales/Orders follow the console's default window, which it does not name
    const ads = emptyAdsRow({ ad_type: adType, level: 'campaign', attribution_days: null });
    ads.date_from = period.from;
    ads.date_to = period.to;
    ads.campaign = cleanText(row.text('campaign'));
    ads.portfolio = cleanText(row.text('portfolio'));
    ads.impressions = row.int('impressions');
    ads.clicks = row.int('clicks');
    const spend = row.money('spend');
    const sales = row.money('sales');
    ads.spend = spend?.amount ?? null;
    ads.sales = sales?.amount ?? null;
    ads.currency = spend?.currency ?? sales?.currency ?? null;
    ads.orders = row.int('orders');
    out.push(ads);
  }
  return { rows: rows.length, tables: { ads: out }, period, evidence: { currencies: [...fields.currencies] }, problems: fields.problems };
}

/**
 * The ad-group grids (Products, Targeting, Search terms) list one ad group without naming it or
 * its campaign: two ad groups' exports for the same days could not be told apart.
 */
export const campaignManagerAdGroupGrid: TableFamily = {
  type: 'campaign_manager_ad_group_grid',
  name: { en: 'Campaign Manager ad group export (refused)', zh: '广告活动管理器广告组导出（不导入）' },
  format: 'table',
  writes: [],
  aliases,
  required: [],
  detect(header) {
    const columns = gridColumns(header);
    if (!columns || columns.has('campaign')) return false;
    return columns.has('products') || columns.has('keyword') || columns.has('search_term') ? columns.size : false;
  },
  read: (_input, context) => refusal(context, 'unsupported_report', say('campaign_manager_ad_group')),
};

export const campaignManagerFamilies: readonly TableFamily[] = [campaignManagerCampaigns, campaignManagerAdGroupGrid, campaignManagerProductsGrid];
