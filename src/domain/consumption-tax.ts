/**
 * Japanese consumption tax (消費税), handled like EU VAT: prices on Amazon.co.jp include it (総額表示), and a store
 * setting says whether the seller's revenue is reported net of it (税抜経理) or with it (税込経理, as the reports
 * write it). Rates: standard 10 %, reduced 8 % for food and drink (飲食料品, 軽減税率) — National Tax Agency,
 * https://www.nta.go.jp/taxes/shiraberu/zeimokubetsu/shohi/keigenzeiritsu/index.htm. Which of a seller's products are
 * food is the seller's to say: the setting names the product lines (products file) sold at the reduced rate.
 * How the reports write it (Seller Central JP help, 消費税の表示について:
 * https://sellercentral.amazon.co.jp/gp/help/external/help.html?itemID=202174480 and itemID=VMWEBEA58WCYAEA): for a
 * taxable seller the payments reports show product sales without the tax and the tax beside them (商品売上,
 * 商品の売上税: 2,389 + 191 in the real 2023-09 file of ../shared/fixtures), points cost with it included; before that
 * (and for sellers not set as taxable) only prices with the tax included. All Orders writes item-price with the tax in
 * it and item-tax the part of it that is tax (1280.0 with 116.0 in the real JP file of ../shared/fixtures): an order
 * not settled yet is estimated as the settlement will write it (src/metrics/profit-facts.ts `estimatedSales`).
 */
export const consumptionTaxRates = {
  JP: { standard: '0.10', reduced: '0.08' },
} as const satisfies Record<string, { standard: string; reduced: string }>;

export type ConsumptionTaxMarketplace = keyof typeof consumptionTaxRates;

export const isConsumptionTaxMarketplace = (code: string): code is ConsumptionTaxMarketplace => code in consumptionTaxRates;

/** One store's setting for one marketplace. */
export interface ConsumptionTaxSetting {
  store: string;
  marketplace: string;
  /** true: revenue, refunds, promotions and credits are counted net of consumption tax (the rate taken out) */
  revenue_net: boolean;
  /** product lines sold at the reduced rate (food), as the products file names them; compared trimmed, lower-cased */
  reduced_product_lines: string[];
}

/** How a profit answer's revenue stands to the tax of one store and marketplace, in both languages. */
export interface TaxBasis {
  store: string | null;
  marketplace: string;
  tax: 'vat' | 'consumption_tax';
  rate: string;
  reduced_rate: string | null;
  reduced_product_lines: string[];
  /** 'as_written': no store setting, the amounts as the reports write them */
  revenue: 'net' | 'gross' | 'as_written';
  en: string;
  zh: string;
}

const percent = (rate: string) => `${(Number(rate) * 100).toFixed(Number(rate) * 100 % 1 === 0 ? 0 : 1)} %`;

/** The sentence under a profit answer for one store and marketplace whose prices include tax. */
export function taxBasisOf(input: { store: string | null; marketplace: string; region: string; vatRate: string; setting: ConsumptionTaxSetting | undefined }): TaxBasis | null {
  const { store, marketplace } = input;
  if (input.region === 'EU') {
    return {
      store, marketplace, tax: 'vat', rate: input.vatRate, reduced_rate: null, reduced_product_lines: [], revenue: 'net',
      en: `${marketplace}: prices include VAT; revenue, refunds, promotions and credits are net of it (${percent(input.vatRate)} taken out)`,
      zh: `${marketplace}：售价含增值税；收入、退款、促销和运费/礼品包装收入均按不含税计（扣除 ${percent(input.vatRate)}）`,
    };
  }
  if (!isConsumptionTaxMarketplace(marketplace)) return null;
  const rates = consumptionTaxRates[marketplace];
  const s = input.setting;
  const lines = s?.reduced_product_lines ?? [];
  const where = store ? `${store} · ${marketplace}` : marketplace;
  const basis = { store, marketplace, tax: 'consumption_tax' as const, rate: rates.standard, reduced_rate: rates.reduced, reduced_product_lines: lines };
  if (!s) {
    return {
      ...basis, revenue: 'as_written',
      en: `${where}: revenue as the reports write it: product sales without Japanese consumption tax where the report shows the tax beside them (商品の売上税), with it where it does not; orders not settled yet as the settlement will write them, item-price less item-tax (no store setting: \`asterism tax set --revenue net|gross\` decides)`,
      zh: `${where}：收入按报表所写：报表单列消费税（商品の売上税）时不含税，未单列时含税；尚未结算的订单按结算报告的写法估算（商品价格减去其中的税额）（未设置店铺口径：用 \`asterism tax set --revenue net|gross\` 指定）`,
    };
  }
  if (!s.revenue_net) {
    return {
      ...basis, revenue: 'gross',
      en: `${where}: revenue, refunds, promotions and credits include Japanese consumption tax (${percent(rates.standard)}, food ${percent(rates.reduced)}): the tax the reports show beside them is added (store setting: gross, 税込)`,
      zh: `${where}：收入、退款、促销和运费/礼品包装收入含日本消费税（${percent(rates.standard)}，食品 ${percent(rates.reduced)}）：报表单列的税额计入（店铺设置：含税）`,
    };
  }
  const food = lines.length
    ? { en: `; product lines ${lines.join(', ')} at the reduced ${percent(rates.reduced)} (food)`, zh: `；产品线 ${lines.join('、')} 按食品轻减税率 ${percent(rates.reduced)}` }
    : { en: ' (no product line set at the reduced food rate)', zh: '（未设置按食品轻减税率的产品线）' };
  return {
    ...basis, revenue: 'net',
    en: `${where}: revenue, refunds, promotions and credits are net of Japanese consumption tax (store setting: net, 税抜): the tax the reports show beside them is left out, and amounts written with the tax included have ${percent(rates.standard)} taken out${food.en}`,
    zh: `${where}：收入、退款、促销和运费/礼品包装收入按不含日本消费税计（店铺设置：不含税）：报表单列的税额不计入，含税金额扣除 ${percent(rates.standard)}${food.zh}`,
  };
}
