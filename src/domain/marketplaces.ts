import { currenciesWithExponent, currencyExponent } from './currencies.ts';

/**
 * Amazon marketplaces: the one table that says where a store sells, in which currency and time zone.
 * Sources, per column:
 * - code and amazonId: Amazon SP-API "Marketplace IDs", https://developer-docs.amazon.com/sp-api/docs/marketplace-ids
 *   (IE launched later: https://developer-docs.amazon.com/sp-api/changelog/ireland-ie-marketplace-launch-for-seller-central)
 * - salesChannel: the storefront's domain, as the reports' `sales-channel` / `marketplace` column writes it
 *   (`Amazon.ie`, compared lower-cased): the storefront domains, listed with amazon.eg and amazon.co.za in
 *   SerpWow's "Supported Amazon Domains" (amazon_domain parameter) and amazon.ie in the IE launch note above
 * - currency: ISO 4217 currency of the country (https://www.iso.org/iso-4217-currency-codes.html)
 * - timeZone: the IANA tz database zone of the country (zone1970.tab); the continental EU stores share Central
 *   European time (Europe/Paris, as the table had them), IE has Irish time (Europe/Dublin)
 * - vatRate: standard rate; EU: https://taxation-customs.ec.europa.eu/taxation/vat/vat-directive/vat-rates_en,
 *   UK 20 % (gov.uk/vat-rates), EG 14 % (Egypt VAT Law 67/2016), ZA 15 % (sars.gov.za), others as before
 * - region: SP-API selling region (https://developer-docs.amazon.com/sp-api/docs/sp-api-endpoints), split where
 *   prices are shown with VAT included ('EU': revenue is reported net of it) or not
 */
export interface Marketplace {
  code: string;
  amazonId: string;
  salesChannel: string;
  currency: string;
  /** IANA zone whose calendar gives the marketplace's local dates (SPEC §2). */
  timeZone: string;
  /** Standard VAT / GST / consumption-tax rate included in consumer prices; 0 where prices exclude tax. */
  vatRate: string;
  region: 'NA' | 'EU' | 'FE' | 'SA' | 'ME' | 'IN' | 'AF';
}

export const marketplaces: readonly Marketplace[] = [
  { code: 'US', amazonId: 'ATVPDKIKX0DER', salesChannel: 'amazon.com', currency: 'USD', timeZone: 'America/Los_Angeles', vatRate: '0', region: 'NA' },
  { code: 'CA', amazonId: 'A2EUQ1WTGCTBG2', salesChannel: 'amazon.ca', currency: 'CAD', timeZone: 'America/Los_Angeles', vatRate: '0', region: 'NA' },
  { code: 'MX', amazonId: 'A1AM78C64UM0Y8', salesChannel: 'amazon.com.mx', currency: 'MXN', timeZone: 'America/Los_Angeles', vatRate: '0.16', region: 'NA' },
  { code: 'BR', amazonId: 'A2Q3Y263D00KWC', salesChannel: 'amazon.com.br', currency: 'BRL', timeZone: 'America/Sao_Paulo', vatRate: '0', region: 'SA' },
  { code: 'UK', amazonId: 'A1F83G8C2ARO7P', salesChannel: 'amazon.co.uk', currency: 'GBP', timeZone: 'Europe/London', vatRate: '0.20', region: 'EU' },
  { code: 'IE', amazonId: 'A28R8C7NBKEWEA', salesChannel: 'amazon.ie', currency: 'EUR', timeZone: 'Europe/Dublin', vatRate: '0.23', region: 'EU' },
  { code: 'DE', amazonId: 'A1PA6795UKMFR9', salesChannel: 'amazon.de', currency: 'EUR', timeZone: 'Europe/Paris', vatRate: '0.19', region: 'EU' },
  { code: 'FR', amazonId: 'A13V1IB3VIYZZH', salesChannel: 'amazon.fr', currency: 'EUR', timeZone: 'Europe/Paris', vatRate: '0.20', region: 'EU' },
  { code: 'IT', amazonId: 'APJ6JRA9NG5V4', salesChannel: 'amazon.it', currency: 'EUR', timeZone: 'Europe/Paris', vatRate: '0.22', region: 'EU' },
  { code: 'ES', amazonId: 'A1RKKUPIHCS9HS', salesChannel: 'amazon.es', currency: 'EUR', timeZone: 'Europe/Paris', vatRate: '0.21', region: 'EU' },
  { code: 'NL', amazonId: 'A1805IZSGTT6HS', salesChannel: 'amazon.nl', currency: 'EUR', timeZone: 'Europe/Paris', vatRate: '0.21', region: 'EU' },
  { code: 'BE', amazonId: 'AMEN7PMS3EDWL', salesChannel: 'amazon.com.be', currency: 'EUR', timeZone: 'Europe/Paris', vatRate: '0.21', region: 'EU' },
  { code: 'SE', amazonId: 'A2NODRKZP88ZB9', salesChannel: 'amazon.se', currency: 'SEK', timeZone: 'Europe/Paris', vatRate: '0.25', region: 'EU' },
  { code: 'PL', amazonId: 'A1C3SOZRARQ6R3', salesChannel: 'amazon.pl', currency: 'PLN', timeZone: 'Europe/Paris', vatRate: '0.23', region: 'EU' },
  { code: 'TR', amazonId: 'A33AVAJ2PDY3EV', salesChannel: 'amazon.com.tr', currency: 'TRY', timeZone: 'Europe/Istanbul', vatRate: '0.20', region: 'EU' },
  { code: 'EG', amazonId: 'ARBP9OOSHTCHU', salesChannel: 'amazon.eg', currency: 'EGP', timeZone: 'Africa/Cairo', vatRate: '0.14', region: 'ME' },
  { code: 'AE', amazonId: 'A2VIGQ35RCS4UG', salesChannel: 'amazon.ae', currency: 'AED', timeZone: 'Asia/Dubai', vatRate: '0.05', region: 'ME' },
  { code: 'SA', amazonId: 'A17E79C6D8DWNP', salesChannel: 'amazon.sa', currency: 'SAR', timeZone: 'Asia/Riyadh', vatRate: '0.15', region: 'ME' },
  { code: 'ZA', amazonId: 'AE08WJ6YKNBMC', salesChannel: 'amazon.co.za', currency: 'ZAR', timeZone: 'Africa/Johannesburg', vatRate: '0.15', region: 'AF' },
  { code: 'IN', amazonId: 'A21TJRUUN4KGV', salesChannel: 'amazon.in', currency: 'INR', timeZone: 'Asia/Kolkata', vatRate: '0', region: 'IN' },
  { code: 'JP', amazonId: 'A1VC38T7YXB528', salesChannel: 'amazon.co.jp', currency: 'JPY', timeZone: 'Asia/Tokyo', vatRate: '0.10', region: 'FE' },
  { code: 'AU', amazonId: 'A39IBJ37TRP1C6', salesChannel: 'amazon.com.au', currency: 'AUD', timeZone: 'Australia/Sydney', vatRate: '0.10', region: 'FE' },
  { code: 'SG', amazonId: 'A19VAU5U5O7RUS', salesChannel: 'amazon.sg', currency: 'SGD', timeZone: 'Asia/Singapore', vatRate: '0.09', region: 'FE' },
];

const byCode = new Map(marketplaces.map((m) => [m.code, m]));

export function marketplaceByCode(code: string): Marketplace | undefined {
  return byCode.get(code.toUpperCase() === 'GB' ? 'UK' : code.toUpperCase());
}

export function marketplaceByAmazonId(id: string): Marketplace | undefined {
  return marketplaces.find((m) => m.amazonId === id);
}

export function marketplaceBySalesChannel(channel: string): Marketplace | undefined {
  const c = channel.trim().toLowerCase().replace(/^www\./, '');
  return marketplaces.find((m) => m.salesChannel === c);
}

/** The marketplace a currency alone identifies: USD is US, but EUR is several. */
export function marketplaceByUniqueCurrency(currency: string): Marketplace | undefined {
  const matches = marketplaces.filter((m) => m.currency === currency.toUpperCase());
  return matches.length === 1 ? matches[0] : undefined;
}

/** Currencies without minor units and the digits of each currency: the one ISO 4217 table, src/domain/currencies.ts. */
export const wholeCurrencies: readonly string[] = currenciesWithExponent(0);

/** Minor-unit digits per currency (ISO 4217 exponent: JPY 0, USD 2, KWD 3). */
export const currencyDigits = (currency: string): number => currencyExponent(currency);
