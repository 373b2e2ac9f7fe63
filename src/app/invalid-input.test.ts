import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { invalidInputTexts } from './invalid-input.ts';

/** Each kind of zod issue the schemas raise, said through the catalog: the field, the value sent, what was expected. */
const schema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  id: z.coerce.number().int().positive().optional(),
  kind: z.enum(['daily', 'weekly']).optional(),
  unit_cost: z.union([z.string(), z.number()]).optional(),
  name: z.string().min(1).optional(),
  rates: z.array(z.object({ rate: z.string().regex(/^\d+(\.\d{1,8})?$/) })).optional(),
});
const textsOf = (input: Record<string, unknown>) => {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected a refusal');
  return invalidInputTexts(r.error.issues[0], input);
};

describe('invalid input in both languages', () => {
  test.each([
    [{}, 'date: a value is required (text)', 'date：必须填写（应为文本）'],
    [{ date: '2026/10/01' }, 'date: "2026/10/01" is not a date YYYY-MM-DD, e.g. 2026-09-30', 'date："2026/10/01" 不是YYYY-MM-DD 格式的日期（例如 2026-09-30）'],
    [{ date: '2026-10-01', id: 'seven' }, 'id: "seven" is not a number', 'id："seven" 不是数字'],
    [{ date: '2026-10-01', id: '1.5' }, 'id: "1.5" is not a whole number', 'id："1.5" 不是整数'],
    [{ date: '2026-10-01', id: '0' }, 'id: "0" is not a number > 0', 'id："0" 不是 > 0 的数'],
    [{ date: '2026-10-01', kind: 'hourly' }, 'kind: "hourly" is not one of "daily", "weekly"', 'kind："hourly" 不是以下之一："daily", "weekly"'],
    [{ date: '2026-10-01', unit_cost: true }, 'unit_cost: true is not text or a number', 'unit_cost：true 不是文本或数字'],
    [{ date: '2026-10-01', name: '' }, 'name: must not be empty', 'name：不能为空'],
    // a nested field is named by its whole path
    [{ date: '2026-10-01', rates: [{ rate: '7,12' }] }, 'rates.0.rate: "7,12" is not a positive number with at most 8 decimals, e.g. "7.1234"', 'rates.0.rate："7,12" 不是最多 8 位小数的正数（例如 "7.1234"）'],
  ])('%j', (input, en, zh) => {
    expect(textsOf(input)).toEqual({ en, zh });
  });

  test('an issue no entry words keeps zod\'s English reason inside both texts', () => {
    const refined = z.object({ a: z.string().refine(() => false, 'never good') });
    const r = refined.safeParse({ a: 'x' });
    expect(r.success ? null : invalidInputTexts(r.error.issues[0], { a: 'x' })).toEqual({ en: 'a: not valid (never good)', zh: 'a：输入无效（never good）' });
  });
});
