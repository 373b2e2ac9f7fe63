import { expect, test } from 'vitest';
import { marketplaceByAmazonId, marketplaceByCode, marketplaceBySalesChannel, marketplaces } from './marketplaces.ts';

// Every Amazon marketplace of the SP-API "Marketplace IDs" page, with its currency (ISO 4217) and zone (IANA):
// worked out by hand from those sources, not read back from the table
const expected: Record<string, [id: string, channel: string, currency: string, zone: string]> = {
  US: ['ATVPDKIKX0DER', 'amazon.com', 'USD', 'America/Los_Angeles'],
  CA: ['A2EUQ1WTGCTBG2', 'amazon.ca', 'CAD', 'America/Los_Angeles'],
  MX: ['A1AM78C64UM0Y8', 'amazon.com.mx', 'MXN', 'America/Los_Angeles'],
  BR: ['A2Q3Y263D00KWC', 'amazon.com.br', 'BRL', 'America/Sao_Paulo'],
  UK: ['A1F83G8C2ARO7P', 'amazon.co.uk', 'GBP', 'Europe/London'],
  IE: ['A28R8C7NBKEWEA', 'amazon.ie', 'EUR', 'Europe/Dublin'],
  DE: ['A1PA6795UKMFR9', 'amazon.de', 'EUR', 'Europe/Paris'],
  FR: ['A13V1IB3VIYZZH', 'amazon.fr', 'EUR', 'Europe/Paris'],
  IT: ['APJ6JRA9NG5V4', 'amazon.it', 'EUR', 'Europe/Paris'],
  ES: ['A1RKKUPIHCS9HS', 'amazon.es', 'EUR', 'Europe/Paris'],
  NL: ['A1805IZSGTT6HS', 'amazon.nl', 'EUR', 'Europe/Paris'],
  BE: ['AMEN7PMS3EDWL', 'amazon.com.be', 'EUR', 'Europe/Paris'],
  SE: ['A2NODRKZP88ZB9', 'amazon.se', 'SEK', 'Europe/Paris'],
  PL: ['A1C3SOZRARQ6R3', 'amazon.pl', 'PLN', 'Europe/Paris'],
  TR: ['A33AVAJ2PDY3EV', 'amazon.com.tr', 'TRY', 'Europe/Istanbul'],
  EG: ['ARBP9OOSHTCHU', 'amazon.eg', 'EGP', 'Africa/Cairo'],
  SA: ['A17E79C6D8DWNP', 'amazon.sa', 'SAR', 'Asia/Riyadh'],
  AE: ['A2VIGQ35RCS4UG', 'amazon.ae', 'AED', 'Asia/Dubai'],
  IN: ['A21TJRUUN4KGV', 'amazon.in', 'INR', 'Asia/Kolkata'],
  JP: ['A1VC38T7YXB528', 'amazon.co.jp', 'JPY', 'Asia/Tokyo'],
  SG: ['A19VAU5U5O7RUS', 'amazon.sg', 'SGD', 'Asia/Singapore'],
  AU: ['A39IBJ37TRP1C6', 'amazon.com.au', 'AUD', 'Australia/Sydney'],
  ZA: ['AE08WJ6YKNBMC', 'amazon.co.za', 'ZAR', 'Africa/Johannesburg'],
};

test('the table knows every Amazon marketplace (23), each with its id, sales channel, currency and zone', () => {
  expect(marketplaces.map((m) => m.code).sort()).toEqual(Object.keys(expected).sort());
  for (const [code, [id, channel, currency, zone]] of Object.entries(expected)) {
    expect(marketplaceByCode(code), code).toMatchObject({ code, amazonId: id, salesChannel: channel, currency, timeZone: zone });
    expect(marketplaceByAmazonId(id)?.code, id).toBe(code);
    expect(marketplaceBySalesChannel(channel)?.code, channel).toBe(code);
  }
});

test('every zone is one the runtime knows, and every VAT rate a decimal below 1', () => {
  for (const m of marketplaces) {
    expect(() => new Intl.DateTimeFormat('en', { timeZone: m.timeZone }), m.code).not.toThrow();
    expect(m.vatRate, m.code).toMatch(/^0(\.\d+)?$/);
  }
  // Ireland's standard VAT is 23 %, Egypt's 14 %, South Africa's 15 %
  expect([marketplaceByCode('IE')?.vatRate, marketplaceByCode('EG')?.vatRate, marketplaceByCode('ZA')?.vatRate]).toEqual(['0.23', '0.14', '0.15']);
});

test('a sales channel as a unified-account file writes it (`Amazon.ie`, `www.amazon.co.za`) names its marketplace', () => {
  expect(marketplaceBySalesChannel('Amazon.ie')?.code).toBe('IE');
  expect(marketplaceBySalesChannel('www.amazon.co.za')?.code).toBe('ZA');
  expect(marketplaceBySalesChannel('Non-Amazon')).toBeUndefined();
});
