import { expect, test } from 'vitest';
import { changeCell, metricCell } from './cells.ts';
import { excelFormat, formatCell } from './format.ts';

test.each([
  // [metric, now, before, change, format, tone, as read in en]
  ['sales', 1085, 1190, -0.0882, 'pct_change', 'bad', '-8.8%'], // (1085 − 1190) / 1190
  ['ad_spend', 70, 56, 0.25, 'pct_change', 'bad', '+25.0%'], // more spend is bad
  ['acos', 0.2, 0.25, -0.05, 'pt_change', 'good', '-5.00 pt'], // a rate moves in points; lower ACoS is good
  ['rating_avg', 4.5, 4.25, 0.25, 'num_change', 'good', '+0.25'],
  ['ad_sales_share', 0.3, 0.2, 0.1, 'pt_change', 'flat', '+10.00 pt'], // neutral metric
  ['sales', 10, 0, null, 'pct_change', undefined, '—'], // nothing to divide by: unknown, not infinite
  ['sales', null, 5, null, 'pct_change', undefined, '—'],
] as const)('%s %s vs %s', (id, now, before, change, f, tone, shown) => {
  const cell = changeCell(id, now, before);
  expect([cell.v, cell.f, cell.tone]).toEqual([change, f, tone]);
  expect(formatCell(cell, 'en')).toBe(shown);
});

test('money keeps its currency and its minor unit; unknown is a dash, never 0', () => {
  expect(formatCell(metricCell('sales', 1234.5, 'USD'), 'zh')).toBe('USD 1,234.50');
  expect(formatCell(metricCell('sales', 691580, 'JPY'), 'zh')).toBe('JPY 691,580');
  expect(formatCell(metricCell('sales', null, 'USD'), 'zh')).toBe('—');
  expect(excelFormat(metricCell('sales', 1, 'JPY'))).toBe('#,##0 "JPY"');
  expect(formatCell(changeCell('acos', 0.25, 0.2), 'zh')).toBe('+5.00个百分点');
});
