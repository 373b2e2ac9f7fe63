import { describe, expect, test } from 'vitest';
import { checkIdentifier } from './identifier.ts';

/** Shapes taken from the real files in ../shared/fixtures/data (src/ingest/README.md "Identifiers"). */
describe('identifiers by their shape', () => {
  test.each([
    ['asin', 'B07JMDZBSR'], ['asin', 'B0CRYRZYBW'], ['asin', '9788015328'], ['asin', '080442957X'], ['parent_asin', 'B003TJATBY'],
    ['fnsku', 'X0029H2YPR'], ['fnsku', 'B07JJC4NTT'],
    ['sku', 'ACC01 - 001'], ['sku', 'CAL01 - 010 Prime'], ['sku', '1-mc-18'], ['sku', '0P-DOPF-MKUI'], ['sku', '-ONI-001'], ['sku', '+SIZE L'],
    ['order_id', '112-8214316-3817853'], ['order_id', 'S01-4681070-9233063'], ['order_id', '202001UFFL'], ['order_id', 'vk1t0fW710'],
    ['title', '=not an identifier, not checked'],
  ])('%s %j is accepted', (field, value) => expect(checkIdentifier(field, value)).toEqual({ ok: true }));

  test.each([
    ['asin', 'B0A', 'shape'], ['asin', 'B07JMDZBSR1', 'too_long'], ['asin', 'A07JMDZBSR', 'shape'], ['asin', '=B07JMDZBSR', 'formula'],
    ['fnsku', 'Y0029H2YPR', 'shape'],
    ['sku', '=HYPERLINK("http://evil.example","x")', 'formula'], ['sku', '+SUM(A1:A9)', 'formula'],
    ['sku', '@SUM(1,2)', 'formula'], ['sku', "-cmd|' /C calc'!A0", 'formula'], ['sku', '+A1', 'formula'],
    ['sku', 'S'.repeat(201), 'too_long'], ['sku', 'ONI\u0007001', 'control_characters'], ['order_id', 'x'.repeat(65), 'too_long'],
  ])('%s %j is refused (%s)', (field, value, why) => {
    expect(checkIdentifier(field, value)).toMatchObject({ ok: false, why });
  });

  test('a SKU of exactly 200 characters passes; the limit is in the refusal', () => {
    expect(checkIdentifier('sku', 'S'.repeat(200))).toEqual({ ok: true });
    expect(checkIdentifier('sku', 'S'.repeat(201))).toMatchObject({ ok: false, max: 200, what: { en: 'a seller SKU' } });
  });
});
