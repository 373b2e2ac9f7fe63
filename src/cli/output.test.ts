import { expect, test } from 'vitest';
import { renderCsv, renderTable, withMoneyText } from './output.ts';

test('--csv: shoppers\' search terms that a spreadsheet would run are written as text; numbers are unchanged', () => {
  const csv = renderCsv(['search_term', 'spend', 'change'], [
    { search_term: '=HYPERLINK("http://evil.example","x")', spend: '-12.50', change: -12.5 },
    { search_term: '+1', spend: '3.10', change: 0 },
    { search_term: '-cmd', spend: null, change: null },
    { search_term: '@SUM(A1:A9)', spend: '0', change: 1 },
    { search_term: 'tea', spend: '1.00', change: -1e-7 },
  ]);
  expect(csv.split('\n')).toEqual([
    'search_term,spend,change',
    // the quote goes inside the CSV quoting, so the cell's text starts with it
    `"'=HYPERLINK(""http://evil.example"",""x"")",-12.50,-12.5`,
    `'+1,3.10,0`,
    `'-cmd,,`,
    `'@SUM(A1:A9),0,1`,
    // a number is never escaped, whatever its spelling
    'tea,1.00,-1e-7',
  ]);
});

test('a terminal table shows money in its currency digits (whole yen, cents, three places for KWD), right-aligned', () => {
  const columns = [{ id: 'sku' }, { id: 'currency' }, { id: 'revenue', format: 'money' }, { id: 'net_margin', format: 'pct1' }];
  const rows = withMoneyText(columns, [
    { sku: 'CUP-JP', currency: 'JPY', revenue: 2741, net_margin: 0.1 },
    { sku: 'MAT-US', currency: 'USD', revenue: 3.5, net_margin: null },
    { sku: 'RUG-KW', currency: 'KWD', revenue: 1.25, net_margin: 0.2 },
    { sku: 'NONE', currency: 'USD', revenue: null, net_margin: 0 },
  ]);
  expect(rows.map((r) => r.revenue)).toEqual(['2741', '3.50', '1.250', null]);
  expect(renderTable(['sku', 'revenue'], rows).split('\n').slice(2)).toEqual(['CUP-JP     2741', 'MAT-US     3.50', 'RUG-KW    1.250', 'NONE          —']);
});
