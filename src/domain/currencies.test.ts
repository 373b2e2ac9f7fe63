import { expect, test } from 'vitest';
import { allocate, currencyExponent, moneyNumber, moneyText } from './currencies.ts';
import { currencyDigits, marketplaces } from './marketplaces.ts';

test('ISO 4217 exponents: JPY 0, USD 2, KWD and BHD 3; a code the table does not list has 2', () => {
  expect(['JPY', 'KRW', 'USD', 'EUR', 'CNY', 'KWD', 'BHD', 'OMR', 'CLF', 'XYZ'].map(currencyExponent)).toEqual([0, 0, 2, 2, 2, 3, 3, 3, 4, 2]);
  expect(currencyExponent('jpy')).toBe(0);
  // every marketplace currency reads the same table through marketplaces.ts
  expect(Object.fromEntries(marketplaces.map((m) => [m.currency, currencyDigits(m.currency)]))).toMatchObject({ JPY: 0, USD: 2, EUR: 2, AED: 2, SAR: 2 });
});

test('money as shown: exactly its currency digits, half away from zero; unknown stays null', () => {
  // 70.75 JPY → 71 (the refund administration fee of issue 26); 70.745 USD → 70.75; 1.2345 KWD → 1.235; −0.125 USD → −0.13
  expect([moneyText('70.75', 'JPY'), moneyText('70.745', 'USD'), moneyText('1.2345', 'KWD'), moneyText('-0.125', 'USD')]).toEqual(['71', '70.75', '1.235', '-0.13']);
  expect([moneyText('5', 'USD'), moneyText('1.25', 'BHD')]).toEqual(['5.00', '1.250']);
  expect(moneyNumber('8489.5', 'JPY')).toBe(8490);
  expect(moneyText(null, 'JPY')).toBeNull();
});

test('an allocation adds up to its total in minor units (largest remainder, ties to the first part)', () => {
  // 1000 / 3 = 333.33… → 333 each, 1 yen left → the first: 334 + 333 + 333 = 1000
  expect(allocate('1000', ['1', '1', '1'], 'JPY')).toEqual(['334', '333', '333']);
  // 10.00 / 3 → 3.33 each, 1 cent left → 3.34 + 3.33 + 3.33 = 10.00
  expect(allocate('10', ['1', '1', '1'], 'USD')).toEqual(['3.34', '3.33', '3.33']);
  // 1.000 KWD / 3 → 0.333 each, 1 fils left → 0.334 + 0.333 + 0.333 = 1.000
  expect(allocate('1', ['1', '1', '1'], 'KWD')).toEqual(['0.334', '0.333', '0.333']);
  // 100 JPY by 1 : 2 : 3 → 16.67, 33.33, 50 → 16 + 33 + 50 = 99, the yen left to the largest remainder (.67): 17
  expect(allocate('100', ['1', '2', '3'], 'JPY')).toEqual(['17', '33', '50']);
  expect(allocate('100', ['0', '0'], 'JPY')).toBeNull();
});
