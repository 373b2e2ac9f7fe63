/**
 * JSON reports are read as a stream (bounded memory): the outline recognises the report, the rows list
 * comes in batches, and the import must be the one reading the whole document at once gave.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import type { Database } from '../store/database.ts';
import { importFiles } from './import-files.ts';
import { jsonListBatches, jsonOutline } from './json-stream.ts';
import { readLimits } from './read-report.ts';
import { sourceLimits } from './source-file.ts';
import { haveSharedFixtures, ownFixture, sharedFixture, sharedFixturesDir, withTempDb } from './testing.ts';

const defaults = { ...readLimits, ...sourceLimits };
afterEach(() => {
  readLimits.batchRows = defaults.batchRows;
  Object.assign(sourceLimits, { chunkBytes: defaults.chunkBytes, wholeBytes: defaults.wholeBytes });
});

async function* pieces(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

describe('the outline and the list batches', () => {
  const report = '{"version": 2, "spec": {"from": "2026-10-01", "ids": ["A1F83G8C2ARO7P"]}, "empty": [], "rows": [{"a": 1, "b": null}, {"b": "x"}, {"c": [1, 2]}], "tail": "t"}';

  test('a top-level object: members kept, each list sketched as the keys its entries have', async () => {
    for (const size of [1, 7, report.length]) {
      const outline = await jsonOutline(pieces(report, size));
      // b's first value that is not null is "x"
      expect(outline.doc, `pieces of ${size}`).toEqual({ version: 2, spec: { from: '2026-10-01', ids: ['A1F83G8C2ARO7P'] }, empty: [], rows: [{ a: 1, b: 'x', c: [1, 2] }], tail: 't' });
      expect([...outline.lists]).toEqual([['empty', 0], ['rows', 3]]);
    }
  });

  test('a top-level array: the sketch says when an entry is no record', async () => {
    const outline = await jsonOutline(pieces('[{"x": 1}, 5, {"y": 2}]', 4));
    expect(outline.doc).toEqual([{ x: 1, y: 2 }, null]);
    expect(outline.lists.get('')).toBe(3);
  });

  test('entries in batches, numbered in the whole list, whatever the chunks', async () => {
    for (const size of [1, 5, report.length]) {
      const batches = [];
      for await (const batch of jsonListBatches(pieces(report, size), 'rows', 2)) batches.push(batch);
      expect(batches).toEqual([{ entries: [{ a: 1, b: null }, { b: 'x' }], offset: 0 }, { entries: [{ c: [1, 2] }], offset: 2 }]);
    }
    const empty = [];
    for await (const batch of jsonListBatches(pieces(report, 3), 'empty', 2)) empty.push(batch);
    expect(empty).toEqual([{ entries: [], offset: 0 }]);
  });

  test('brackets, quotes and multibyte characters inside strings, cut anywhere', async () => {
    const text = '{"spec": {"name": "a]}\\"{ é"}, "rows": [{"term": "日本 [x] {y}", "n": -1.5e2}, ["a", {"b": "}"}], "z"]}';
    for (let size = 1; size <= text.length; size++) {
      const entries = [];
      for await (const batch of jsonListBatches(pieces(text, size), 'rows', 10)) entries.push(...batch.entries);
      expect(entries, `pieces of ${size}`).toEqual((JSON.parse(text) as { rows: unknown[] }).rows);
      expect((await jsonOutline(pieces(text, size))).doc).toEqual({ spec: { name: 'a]}"{ é' }, rows: [{ term: '日本 [x] {y}', n: -150 }, null] });
    }
  });

  test('broken JSON throws: cut short, a comma missing between entries, a wrong bracket, a bad entry', async () => {
    for (const text of ['[{"x": 1},', '{"rows": [1 2]}', '[{"a": 1} {"b": 2}]', '[{"a": 1}}', '[{"a": 1,}]', '{"rows": [], "rows2": [1]', '[1] x']) {
      await expect(jsonOutline(pieces(text, 3)), text).rejects.toThrow();
    }
  });
});

const tables = (db: Database) => Promise.all(['br_sales', 'traffic', 'ads', 'search_funnel', 'repeat_purchase'].map((t) => db.all(`SELECT * EXCLUDE (import_id) FROM ${t} ORDER BY ALL`)));

async function imported(file: string, options = {}) {
  return withTempDb(async (db) => {
    const [result] = (await importFiles(db, [file], options)).files;
    return { result, tables: await tables(db) };
  });
}

describe('a JSON report imported in batches of one entry and chunks of 3 bytes', () => {
  test.each([
    ['sales-traffic-uk-sku.json', {}],
    ['ads/ads-api-sd-advertised-product-daily.json', {}],
    ['ads/ads-api-sb-sd-unclear.json', { marketplace: 'US', adType: 'sb' }],
    ['brand-analytics/scp-uk-two-weeks.json', {}],
    ['brand-analytics/sqp-us-week.json', {}],
    ['brand-analytics/repeat-purchase-us-2026-01.json', {}],
  ])('%s: the same rows as read in one batch', async (name, options) => {
    const whole = await imported(ownFixture(name), options);
    expect(whole.result?.status, whole.result?.error ?? '').toBe('imported');
    readLimits.batchRows = 1;
    sourceLimits.chunkBytes = 3;
    const streamed = await imported(ownFixture(name), options);
    expect(streamed.result).toEqual(whole.result);
    expect(streamed.tables).toEqual(whole.tables);
  });

  const shared = haveSharedFixtures
    ? ['ads-api-v3-json', 'sp-api-sales-and-traffic-json', 'brand-analytics-scp', 'brand-analytics-sqp', 'brand-analytics-repeat-purchase'].flatMap((folder) => readdirSync(join(sharedFixturesDir, folder)).filter((f) => f.endsWith('.json')).map((f) => sharedFixture(folder, f)))
    : [];
  test.skipIf(!haveSharedFixtures).each(shared)('%s (../shared): the same rows in batches of one entry', async (file) => {
    const whole = await imported(file, { marketplace: 'US' });
    expect(whole.result?.status, whole.result?.error ?? '').toBe('imported');
    readLimits.batchRows = 1;
    sourceLimits.chunkBytes = 7;
    const streamed = await imported(file, { marketplace: 'US' });
    expect(streamed).toEqual(whole);
  });

  test('SKU granularity repeats an ASIN on two entries: its traffic is still written once across batches', async () => {
    readLimits.batchRows = 1;
    await withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('sales-traffic-uk-sku.json')])).files;
      expect(r).toMatchObject({ status: 'imported', rows: 3 });
      // three SKU entries, two of them the same child ASIN: two traffic rows, sessions 100 + 12 = 112
      expect(await db.all('SELECT count(*) AS n, sum(sessions) AS sessions FROM traffic')).toEqual([{ n: '2', sessions: '112' }]);
    });
  });

  test('a bad value in a later batch is named by its entry in the whole file', async () => {
    readLimits.batchRows = 1;
    await withTempDb(async (db) => {
      const [r] = (await importFiles(db, [ownFixture('ads/ads-api-sp-search-term-bad-value.json')], { marketplace: 'US' })).files;
      expect(r).toMatchObject({ status: 'error', type: 'ads_api_sp_search_term' });
      // "many" impressions is the second entry
      expect(r?.problems[0]).toMatchObject({ code: 'bad_value', line: 2, column: 'impressions' });
      expect(await db.all('SELECT count(*) AS n FROM ads')).toEqual([{ n: '0' }]);
    });
  });

  test('Brand Analytics: a bad date in the second entry is named by its place in the whole file, in any batch', async () => {
    const whole = await imported(ownFixture('brand-analytics/scp-bad-date.json'));
    readLimits.batchRows = 1;
    sourceLimits.chunkBytes = 3;
    const streamed = await imported(ownFixture('brand-analytics/scp-bad-date.json'));
    expect(whole.result?.problems[0]).toMatchObject({ code: 'bad_value', line: 2, column: 'dataByAsin[1].endDate' });
    expect(streamed).toEqual(whole);
    expect(streamed.tables.flat()).toEqual([]);
  });

  test('Brand Analytics: bad values in two batches are all named, as read whole', () =>
    withTempDb(async (_db, dir) => {
      const doc = JSON.parse(readFileSync(ownFixture('brand-analytics/scp-uk-two-weeks.json'), 'utf8')) as { dataByAsin: Record<string, unknown>[] };
      doc.dataByAsin.forEach((e, i) => { e.endDate = `never ${i}`; });
      const file = join(dir, 'two-bad.json');
      writeFileSync(file, JSON.stringify(doc));
      const whole = await imported(file);
      readLimits.batchRows = 1;
      const streamed = await imported(file);
      // each entry: its bad endDate, then the missing-dates problem it causes
      expect(whole.result?.problems.map((p) => [p.line, p.column])).toEqual([
        [1, 'dataByAsin[0].endDate'], [1, 'dataByAsin[0].startDate/endDate'], [2, 'dataByAsin[1].endDate'], [2, 'dataByAsin[1].startDate/endDate'],
      ]);
      expect(streamed).toEqual(whole);
    }));

    test('the ad type comes from every entry: an SD-only column on the last entry makes the first batch SD too', () =>
    withTempDb(async (db, dir) => {
      readLimits.batchRows = 1;
      const entry = (day: string, extra: string) => `{"date": "2026-10-0${day}", "campaignName": "Views", "adGroupName": "G", "costType": "cpc", "impressions": 10, "clicks": 1, "cost": 1.5, "sales": 9.99, "purchases": 1, "unitsSold": 1${extra}}`;
      const file = join(dir, 'sd.json');
      writeFileSync(file, `[${entry('5', '')},\n${entry('6', ', "promotedAsin": "B0DDDDDDD1"')}]`);
      const [r] = (await importFiles(db, [file], { marketplace: 'UK' })).files;
      expect(r, r?.error ?? '').toMatchObject({ status: 'imported', type: 'ads_api_sd_advertised_product', rows: 2 });
      expect(await db.all('SELECT DISTINCT ad_type, level FROM ads')).toEqual([{ ad_type: 'SD', level: 'advertised_product' }]);
    }));
});

describe('JSON in gzip, and the documents still read whole', () => {
  test('a gzipped Ads API report (GZIP_JSON) streams as the plain file does', () =>
    withTempDb(async (_db, dir) => {
      const plain = ownFixture('ads/ads-api-sd-advertised-product-daily.json');
      const file = join(dir, 'report.json.gz');
      writeFileSync(file, gzipSync(readFileSync(plain)));
      readLimits.batchRows = 1;
      const [fromGzip, fromPlain] = [await imported(file), await imported(plain)];
      expect(fromGzip.tables).toEqual(fromPlain.tables);
      expect(fromGzip.result).toMatchObject({ status: 'imported', rows: 2 });
    }));

  test('a streamed report (sales and traffic, Brand Analytics) is not held to the whole-read limit; a whole-read one (account health) is', () =>
    withTempDb(async (db) => {
      sourceLimits.wholeBytes = 100;
      const [streamed, brand] = (await importFiles(db, [ownFixture('sales-traffic-uk-sku.json'), ownFixture('brand-analytics/scp-uk-two-weeks.json')])).files;
      expect(streamed, streamed?.error ?? '').toMatchObject({ status: 'imported', rows: 3 });
      expect(brand, brand?.error ?? '').toMatchObject({ status: 'imported', rows: 2 });
      const [whole] = (await importFiles(db, [ownFixture('account-health/uk-2026-03-01.json')])).files;
      expect(whole?.problems[0]).toMatchObject({ code: 'too_large', file: 'uk-2026-03-01.json' });
      expect(whole?.error).toMatch(/JSON report larger than/);
    }));

  test('broken JSON is refused by name, nothing written', () =>
    withTempDb(async (db, dir) => {
      const file = join(dir, 'cut.json');
      writeFileSync(file, readFileSync(ownFixture('ads/ads-api-sd-advertised-product-daily.json'), 'utf8').slice(0, 300));
      const [r] = (await importFiles(db, [file], { marketplace: 'UK' })).files;
      expect(r).toMatchObject({ status: 'error' });
      expect(r?.problems[0]).toMatchObject({ code: 'bad_json', file: 'cut.json' });
      expect(await db.all('SELECT count(*) AS n FROM import_log')).toEqual([{ n: '0' }]);
    }));
});
