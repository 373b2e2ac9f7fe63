import { expect, test } from 'vitest';
import { usageError } from './usage-errors.ts';

test.each([
  ["error: unknown option '--nope'\n", '未知选项 --nope\n'],
  ["error: unknown option '--fro'\n(Did you mean --from?)\n", '未知选项 --fro（是否想输入 --from？）\n'],
  ["error: unknown command 'imprt'\n(Did you mean import?)\n", '未知命令 imprt（是否想输入 import？）\n'],
  ["error: missing required argument 'files'\n", '缺少必需的参数 files\n'],
  ["error: option '--db <path>' argument missing\n", '选项 --db <path> 需要一个值\n'],
  ["error: required option '--period <p>' not specified\n", '缺少必需的选项 --period <p>\n'],
  ["error: too many arguments for 'metrics'. Expected 0 arguments but got 1.\n", 'metrics 的参数太多\n'],
  ["error: something Commander says otherwise\n", 'something Commander says otherwise\n'],
])('%j in Chinese', (text, zh) => expect(usageError(text, 'zh')).toBe(zh));

test("in English, Commander's own words", () => {
  expect(usageError("error: unknown command 'bogus'\n", 'en')).toBe("unknown command 'bogus'\n");
});
