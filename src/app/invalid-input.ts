import type { z } from 'zod';
import { AsterismError } from '../domain/errors.ts';
import { say, shownValue, type Texts } from '../domain/messages.ts';

/**
 * A request's input that does not fit its schema, said through the catalog in both languages: the field (its path)
 * and what was expected. zod's own texts are English (or, with a global locale, one language for every request);
 * the API answers each caller in its own, so the words come from the issue's code and fields, not its message.
 */
type Issue = z.core.$ZodIssue;

/** What a field should be, by the type zod expected (its names: zod's `expected`). */
const typeNames: Readonly<Record<string, Texts>> = {
  string: { en: 'text', zh: '文本' },
  number: { en: 'a number', zh: '数字' },
  int: { en: 'a whole number', zh: '整数' },
  boolean: { en: 'true or false', zh: 'true 或 false' },
  array: { en: 'a list', zh: '列表' },
  object: { en: 'an object', zh: '对象' },
  null: { en: 'null', zh: 'null' },
};

/** The patterns the schemas use (`z.string().regex`), as a seller would read them. */
const patternNames: readonly { source: string; name: Texts }[] = [
  { source: String.raw`^\d{4}-\d{2}-\d{2}$`, name: { en: 'a date YYYY-MM-DD, e.g. 2026-09-30', zh: 'YYYY-MM-DD 格式的日期（例如 2026-09-30）' } },
  { source: String.raw`^\d+(\.\d{1,8})?$`, name: { en: 'a positive number with at most 8 decimals, e.g. "7.1234"', zh: '最多 8 位小数的正数（例如 "7.1234"）' } },
];

const units: Readonly<Record<string, Texts>> = {
  string: { en: 'characters', zh: '个字符' },
  array: { en: 'items', zh: '项' },
  set: { en: 'items', zh: '项' },
};

const whole: Texts = { en: 'the input', zh: '输入' };

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at = input;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/** A value as the message quotes it: JSON, cut short. */
const quoted = (value: unknown): string => shownValue(value === undefined ? 'undefined' : JSON.stringify(value) ?? String(value));

const typeName = (expected: string): Texts => typeNames[expected] ?? { en: expected, zh: expected };

/** `text or a number`: what a union of plain types (money as text or number) accepts. */
function unionExpected(issue: Issue): Texts | undefined {
  if (issue.code !== 'invalid_union') return undefined;
  const expected = issue.errors.map((branch) => (branch.length === 1 && branch[0]?.code === 'invalid_type' ? branch[0].expected : undefined));
  if (expected.length === 0 || expected.some((e) => e === undefined)) return undefined;
  const names = [...new Set(expected as string[])].map(typeName);
  return { en: names.map((n) => n.en).join(' or '), zh: names.map((n) => n.zh).join('或') };
}

/** The catalog's text for one issue; `input` is what was sent, to quote the value at the issue's path. */
export function invalidInputTexts(issue: Issue | undefined, input: unknown): Texts {
  if (!issue) return say('input_invalid', { field: whole, reason: 'invalid' });
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : whole;
  const raw = valueAt(input, issue.path);
  const value = quoted(raw);
  switch (issue.code) {
    case 'invalid_type':
      return raw === undefined ? say('input_missing', { field, expected: typeName(issue.expected) }) : say('input_wrong_type', { field, value, expected: typeName(issue.expected) });
    case 'invalid_union': {
      const expected = unionExpected(issue);
      if (!expected) break;
      return raw === undefined ? say('input_missing', { field, expected }) : say('input_wrong_type', { field, value, expected });
    }
    case 'invalid_value':
      return say('input_not_one_of', { field, value, known: issue.values.map((v) => JSON.stringify(v)).join(', ') });
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return say('input_too_low', { field, value, op: issue.inclusive ? '≥' : '>', min });
      const unit = units[issue.origin];
      if (!unit) break;
      return min === '1' ? say('input_empty', { field }) : say('input_too_short', { field, min, unit });
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return say('input_too_high', { field, value, op: issue.inclusive ? '≤' : '<', max });
      const unit = units[issue.origin];
      if (!unit) break;
      return say('input_too_long', { field, max, unit });
    }
    case 'invalid_format': {
      const pattern = issue.format === 'regex' && 'pattern' in issue ? String(issue.pattern) : undefined;
      const known = patternNames.find((p) => pattern === p.source || pattern === `/${p.source}/`);
      if (known) return say('input_bad_form', { field, value, expected: known.name });
      break;
    }
    case 'unrecognized_keys':
      return say('input_unknown_fields', { field, keys: issue.keys.join(', ') });
    default:
      break;
  }
  // an issue no entry above words (a custom refinement): zod's English text, inside the Chinese one
  return say('input_invalid', { field, reason: issue.message });
}

/** The error a request with bad input is refused with (400 `bad_request`), its message in both languages. */
export function invalidInput(error: z.core.$ZodError, input: unknown): AsterismError {
  return new AsterismError('bad_request', invalidInputTexts(error.issues[0], input));
}
