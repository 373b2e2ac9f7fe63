import { describe, expect, test } from 'vitest';
import { langOf, langOfAcceptLanguage, messages, say, shownValue } from './messages.ts';

describe('the message catalog', () => {
  test.each(Object.entries(messages))('%s: the English and Chinese texts take the same parameters', (_, texts) => {
    const params = (t: string) => [...t.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]).sort();
    expect(params(texts.zh)).toEqual(params(texts.en));
    expect(texts.zh).not.toBe(texts.en);
  });

  // the English text may quote Chinese a seller types (roles such as 运营), so only its words are checked
  test.each(Object.entries(messages))('%s: the Chinese text is Chinese, the English one English', (_, texts) => {
    expect(texts.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(texts.en.replace(/\{[a-z_]+\}/g, '')).toMatch(/[A-Za-z]{2,}/);
  });

  test('parameters are filled per language; a pair of texts gives each language its own', () => {
    const texts = say('missing_column', { report: { en: 'Costs (master data)', zh: '成本（主数据）' }, column: '"unit_cost"', line: 1 });
    expect(texts).toEqual({
      en: 'Costs (master data): required column "unit_cost" is missing from the header on line 1',
      zh: '成本（主数据）：第 1 行的表头缺少必需的列 "unit_cost"',
    });
  });

  test('a value is cut to 60 characters and its control characters shown', () => {
    expect(shownValue('a'.repeat(61))).toBe(`${'a'.repeat(60)}…`);
    expect(shownValue('a'.repeat(60))).toBe('a'.repeat(60));
    expect(shownValue('A\tB\u0000')).toBe('A\\u0009B\\u0000');
  });
});

describe('choosing the language', () => {
  test.each([
    ['zh', 'zh'], ['zh-CN', 'zh'], ['zh_CN.UTF-8', 'zh'], ['ZH-Hans', 'zh'], ['en', 'en'], ['en_US.UTF-8', 'en'], ['C', undefined], ['fr', undefined], ['', undefined],
  ])('%j → %s', (text, lang) => expect(langOf(text)).toBe(lang));

  test.each([
    [undefined, 'en'], ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'], ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'], ['fr-FR,fr;q=0.9', 'en'],
    ['fr-FR, zh;q=0.5', 'zh'], ['en;q=0.2, zh;q=0.7', 'zh'], ['zh;q=0, en', 'en'], ['*', 'en'],
  ])('Accept-Language %j → %s', (header, lang) => expect(langOfAcceptLanguage(header)).toBe(lang));
});
