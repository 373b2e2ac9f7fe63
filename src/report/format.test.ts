import { expect, test } from 'vitest';
import { excelFormat, formatCell } from './format.ts';

test('money in a review document reads in its currency digits (ISO 4217): whole yen, cents, three places for KWD', () => {
  // the numbers come exact to the minor unit from the answers; the document shows exactly those digits
  expect(formatCell({ v: 8490, f: 'money', currency: 'JPY' }, 'zh')).toBe('JPY 8,490');
  expect(formatCell({ v: 1234.5, f: 'money', currency: 'USD' }, 'en')).toBe('USD 1,234.50');
  expect(formatCell({ v: 1.25, f: 'money', currency: 'KWD' }, 'en')).toBe('KWD 1.250');
  expect(formatCell({ v: null, f: 'money', currency: 'JPY' }, 'en')).toBe('—');
  // XLSX keeps the number and says its digits in the format
  expect(excelFormat({ v: 8490, f: 'money', currency: 'JPY' })).toBe('#,##0 "JPY"');
  expect(excelFormat({ v: 1.25, f: 'money', currency: 'BHD' })).toBe('#,##0.000 "BHD"');
});
