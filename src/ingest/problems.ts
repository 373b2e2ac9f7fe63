import { problemOf, type Problem } from '../domain/errors.ts';
import { both, say, shownValue, type MessageKey, type MessageParam, type Texts } from '../domain/messages.ts';
import type { Expected } from './values/parsed.ts';

/** A problem found in a file, its message from the catalog (domain/messages.ts) in both languages. */
export function fileProblem(
  key: MessageKey, params: Readonly<Record<string, MessageParam>>, fields: Omit<Problem, 'message' | 'message_en' | 'message_zh' | 'code' | 'severity'> & { code?: string; severity?: Problem['severity'] },
): Problem {
  return problemOf(say(key, params), { code: fields.code ?? key, severity: fields.severity ?? 'error', ...fields });
}

/** What a value should have looked like, in both languages (a family's English-only text serves both). */
export const expectedTexts = (expected: Expected): Texts => (typeof expected === 'string' ? both(expected) : expected);

/** A value that did not parse, in a JSON report: its path, the value (cut short) and what was expected. */
export function jsonValueProblem(file: string, path: string, value: unknown, expected: Expected, at: { line?: number; column?: string } = {}): Problem {
  return fileProblem('bad_json_value', { path, value: shownValue(JSON.stringify(value) ?? String(value)), expected: expectedTexts(expected) }, {
    code: 'bad_value', file, column: at.column ?? path, ...(at.line === undefined ? {} : { line: at.line }),
  });
}
