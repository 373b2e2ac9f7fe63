/** Why a fee estimate is partial: a closed set of codes, each said in English and Chinese. */
export const feeNoteText = {
  no_referral_table: { en: 'no referral fee table for this marketplace and date', zh: '该站点和日期没有佣金费率表' },
  no_category: { en: 'the product has no fee category (products file, column category): referral fee not estimated', zh: '产品没有佣金类目（产品表的“类目”列），未估算佣金' },
  unknown_category: { en: 'the fee category is not in the referral table: referral fee not estimated', zh: '类目不在佣金费率表中，未估算佣金' },
  no_parcel: { en: 'the product has no dimensions or weight (products file): FBA fee not estimated', zh: '产品没有尺寸或重量（产品表），未估算FBA配送费' },
  no_fulfilment_table: { en: 'no FBA fulfilment fee table for this marketplace and date', zh: '该站点和日期没有FBA配送费率表' },
  fulfilment_row_missing: { en: 'the fee table has no rate for this size tier, weight and price band', zh: '费率表中没有该尺寸分段、重量和价格段的费率' },
  peak_surcharge: { en: 'includes the holiday peak surcharge', zh: '含旺季配送附加费' },
  peak_unknown: { en: 'holiday peak season: the surcharge for this season is not in the tables, so the estimate may be low', zh: '旺季期间：费率表中没有本季附加费，估算可能偏低' },
  fbm: { en: 'seller-fulfilled: no FBA fee', zh: '自发货：无FBA配送费' },
  fee_preview: { en: 'fees from the FBA fee preview report', zh: '费用来自FBA费用预览报告' },
  settled_referral: { en: 'referral rate from the SKU\'s own settled orders of the last 90 days (selling fees ÷ product sales; its minimum is unknown)', zh: '佣金比例来自该SKU近90天已结算订单（销售佣金 ÷ 商品销售额；最低佣金未知）' },
  settled_fba: { en: 'FBA fee per unit from the SKU\'s own settled orders of the last 90 days (FBA fees ÷ units)', zh: 'FBA配送费来自该SKU近90天已结算订单（FBA费用 ÷ 件数）' },
  implied_referral: { en: 'referral rate implied by the fee preview (its minimum is unknown)', zh: '佣金比例由费用预览推算（最低佣金未知）' },
} as const;

export type FeeNoteCode = keyof typeof feeNoteText;

export interface FeeNote {
  code: FeeNoteCode;
  en: string;
  zh: string;
}

export const feeNote = (code: FeeNoteCode): FeeNote => ({ code, ...feeNoteText[code] });
