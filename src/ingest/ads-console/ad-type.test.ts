import { expect, test } from 'vitest';
import { AliasIndex, readHeader } from '../header.ts';
import { adsConsoleAliases } from './aliases.ts';
import { reportShapeOf } from './report-shape.ts';

const aliases = new AliasIndex(adsConsoleAliases);
const shapeOf = (header: string) => reportShapeOf(aliases.resolve(readHeader(header.split('|'))));

test('an SP seller\'s report: the 7-day window and the SKU columns leave only SP', () => {
  expect(shapeOf('Date|Campaign Name|Ad Group Name|Targeting|Match Type|Customer Search Term|Impressions|Clicks|Spend|7 Day Total Sales |7 Day Total Orders (#)|7 Day Advertised SKU Units (#)'))
    .toEqual({ level: 'search_term', adTypes: ['SP'] });
});

test('a 2022 Sponsored Brands search-term report (every column 14 Day, nothing only SB has) fits SP and SB: left open', () => {
  expect(shapeOf('Date|Portfolio name|Currency|Campaign Name|Ad Group Name|Targeting|Match Type|Customer Search Term|Impressions|Clicks|Spend|' +
    'Total Advertising Cost of Sales (ACOS)|14 Day Total Sales|14 Day Total Orders (#)|14 Day Total Units (#)|14 Day Conversion Rate'))
    .toEqual({ level: 'search_term', adTypes: ['SP', 'SB'] });
});

test('a 14-day targeting report without SKU, halo or SB/SD columns (SP vendor, SB keyword, SD targeting) is open to all three', () => {
  expect(shapeOf('Date|Currency|Campaign Name|Ad Group Name|Targeting|Match Type|Impressions|Clicks|Spend|14 Day Total Sales|14 Day Total Orders (#)'))
    .toEqual({ level: 'targeting', adTypes: ['SP', 'SB', 'SD'] });
});

test('cost type, vCPM and `- (Click)` columns say SB or SD; the search-term level (SD has none) then leaves SB', () => {
  expect(shapeOf('Start Date|End Date|Campaign Name|Customer Search Term|Cost type|Impressions|Viewable Impressions|Clicks|Spend|' +
    'Cost per 1,000 viewable impressions (VCPM)|14 Day Total Sales|14 Day Total Sales - (Click)'))
    .toEqual({ level: 'search_term', adTypes: ['SB'] });
  // a campaign report with cost type: SB or SD; video columns only SB
  expect(shapeOf('Date|Campaign Name|Cost type|Impressions|Clicks|Spend|14 Day Total Sales')).toEqual({ level: 'campaign', adTypes: ['SB', 'SD'] });
  expect(shapeOf('Date|Campaign Name|Cost type|Impressions|Clicks|Spend|14 Day Total Sales|Video Complete Views')).toEqual({ level: 'campaign', adTypes: ['SB'] });
});

test('Bid Optimization is Sponsored Display\'s alone; with a 7-day window beside it the columns contradict each other', () => {
  expect(shapeOf('Date|Campaign Name|Ad Group Name|Bid Optimization|Advertised SKU|Advertised ASIN|Impressions|Clicks|Spend|14 Day Total Sales'))
    .toEqual({ level: 'advertised_product', adTypes: ['SD'] });
  expect(shapeOf('Date|Campaign Name|Ad Group Name|Bid Optimization|Advertised ASIN|Impressions|Clicks|Spend|7 Day Total Sales'))
    .toEqual({ level: 'advertised_product', adTypes: [] });
});

test('the SP campaign report\'s settings columns (Campaign Type, Targeting Type, Bidding strategy) leave SP', () => {
  expect(shapeOf('Date|Campaign Type|Campaign Name|Targeting Type|Bidding strategy|Impressions|Clicks|Spend|14 Day Total Sales (₹)'))
    .toEqual({ level: 'campaign', adTypes: ['SP'] });
});
