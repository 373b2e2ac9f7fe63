import { expect, test } from 'vitest';
import type { FileResult } from '../ingest/index.ts';
import { conservationLines } from './conservation-lines.ts';

const file = (conservation: FileResult['conservation']): FileResult => ({
  file: 'p.csv', type: 'payments_date_range', store: 'default', marketplace: 'US', rows: 3, status: 'imported',
  from: '2026-03-01', to: '2026-03-31', replaced: 0, error: null, problems: [], ...(conservation ? { conservation } : {}),
});

test('a payments file says its categories sum to its total, or prints the difference; other files say nothing', () => {
  const files = [
    file({ USD: { total: '-19.30', categories: {}, difference: '0.00', conserved: true, unclassified_lines: 0 } }),
    file({ USD: { total: '27.58', categories: { unclassified: '-0.35' }, difference: '0.02', conserved: false, unclassified_lines: 1 } }),
    file(undefined),
  ];
  expect(conservationLines(files, 'en')).toEqual([
    "p.csv: the profit categories sum to the file's total -19.30 USD to the cent",
    "p.csv: the profit categories miss 0.02 USD of the file's total 27.58 USD; 1 unclassified line(s), -0.35 USD, counted in other fees",
  ]);
  expect(conservationLines(files, 'zh')).toEqual([
    'p.csv：各利润类别之和等于文件总额 -19.30 USD，分毫不差',
    'p.csv：各利润类别之和与文件总额 27.58 USD 相差 0.02 USD；1 行未分类（-0.35 USD，计入其他费用）',
  ]);
});
