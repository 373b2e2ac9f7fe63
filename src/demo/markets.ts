/** The demo's stores and marketplaces: who sells where, with the local conventions each file follows. */
import { numberLocales, type NumberLocale } from './format.ts';

export type MarketCode = 'US' | 'DE' | 'JP';
export type StoreId = 'acme-home' | 'acme-outdoor';

export interface Market {
  code: MarketCode;
  amazonId: string;
  salesChannel: string;
  currency: 'USD' | 'EUR' | 'JPY';
  timeZone: string;
  lang: 'en' | 'de' | 'ja';
  /** How the Business Report writes numbers and money for this marketplace in the demo. */
  locale: NumberLocale;
  /** Local price = US price (cents) × factor, in local minor units. */
  priceFactor: number;
  /** Sessions relative to the US listing of the same product. */
  trafficFactor: number;
  /** Consumption tax included in the price (0 in the US, where tax is added on top). */
  vatRate: number;
  usSalesTax: number;
  cpcMinor: number;
  orderPrefixes: readonly string[];
  /** [city, state, postal] samples for ship-to fields. */
  places: readonly (readonly [string, string, string])[];
}

export const markets: Record<MarketCode, Market> = {
  US: {
    code: 'US', amazonId: 'ATVPDKIKX0DER', salesChannel: 'Amazon.com', currency: 'USD', timeZone: 'America/Los_Angeles',
    lang: 'en', locale: numberLocales.en_USD, priceFactor: 1, trafficFactor: 1, vatRate: 0, usSalesTax: 0.07, cpcMinor: 95,
    orderPrefixes: ['111', '112', '113', '114'],
    places: [['BROOKLYN', 'NY', '11205-4229'], ['Austin', 'TX', '78745'], ['SAN JOSE', 'CA', '95123-3319'], ['Seattle', 'WA', '98103'],
      ['CHICAGO', 'IL', '60614-2201'], ['Orlando', 'FL', '32821-5416'], ['DENVER', 'CO', '80211'], ['Phoenix', 'Arizona', '85016-1244'],
      ['ATLANTA', 'GEORGIA', '30350-5842'], ['Columbus', 'Oh', '43215'], ['Portland', 'OR', '97205'], ['BOSTON', 'MA', '02118-3104']],
  },
  DE: {
    code: 'DE', amazonId: 'A1PA6795UKMFR9', salesChannel: 'Amazon.de', currency: 'EUR', timeZone: 'Europe/Paris',
    lang: 'de', locale: numberLocales.de_EUR, priceFactor: 1.05, trafficFactor: 0.32, vatRate: 0.19, usSalesTax: 0, cpcMinor: 72,
    orderPrefixes: ['302', '303', '304', '305', '028'],
    places: [['Berlin', 'Berlin', '10115'], ['München', 'Bayern', '80331'], ['Hamburg', 'Hamburg', '20095'], ['Köln', 'NRW', '50667'],
      ['Frankfurt am Main', 'Hessen', '60311'], ['Stuttgart', 'Baden-Württemberg', '70173'], ['Düsseldorf', 'Nordrhein-Westfalen', '40213'], ['Leipzig', 'Sachsen', '04109']],
  },
  JP: {
    code: 'JP', amazonId: 'A1VC38T7YXB528', salesChannel: 'Amazon.co.jp', currency: 'JPY', timeZone: 'Asia/Tokyo',
    lang: 'ja', locale: numberLocales.en_JPY, priceFactor: 1.5, trafficFactor: 0.42, vatRate: 0.10, usSalesTax: 0, cpcMinor: 62,
    orderPrefixes: ['249', '250', '503'],
    places: [['渋谷区', '東京都', '150-0002'], ['大阪市北区', '大阪府', '530-0001'], ['横浜市西区', '神奈川県', '220-0011'], ['札幌市中央区', '北海道', '060-0001'],
      ['名古屋市中区', '愛知県', '460-0008'], ['福岡市博多区', '福岡県', '812-0011']],
  },
};

export const stores: readonly { id: StoreId; brand: string; markets: readonly MarketCode[] }[] = [
  { id: 'acme-home', brand: 'Acme Home', markets: ['US', 'DE'] },
  { id: 'acme-outdoor', brand: 'Acme Outdoor', markets: ['US', 'JP'] },
];

/** Local price in minor units from a US price in cents, ending like real price points (x.99, ¥x80). */
export function localPrice(usCents: number, market: Market): number {
  if (market.currency === 'JPY') return Math.round((usCents * market.priceFactor) / 100) * 100 - 20;
  return Math.round((usCents * market.priceFactor) / 100) * 100 - 1;
}

/** FX used by the demo world (CNY per unit), for a dated FX table: the demo writes no FX file. */
export const DEMO_FX_TO_CNY: Record<'USD' | 'EUR' | 'JPY', string> = { USD: '7.12', EUR: '7.78', JPY: '0.0472' };
