import { say, type Lang, type MessageKey, type MessageParam } from '../domain/messages.ts';

/**
 * Commander's usage errors (`error: unknown option '--x'` …) in Chinese when it is chosen: its English lines, matched
 * by their fixed shapes, become catalog messages (domain/messages.ts); a line of another shape is left as it is.
 */
const shapes: readonly [RegExp, MessageKey, (m: RegExpExecArray) => Record<string, MessageParam>][] = [
  [/^unknown option '([^']*)'/, 'usage_unknown_option', (m) => ({ option: m[1] ?? '' })],
  [/^unknown command '([^']*)'/, 'usage_unknown_command', (m) => ({ command: m[1] ?? '' })],
  [/^missing required argument '([^']*)'/, 'usage_missing_argument', (m) => ({ argument: m[1] ?? '' })],
  [/^option '([^']*)' argument missing/, 'usage_option_needs_value', (m) => ({ option: m[1] ?? '' })],
  [/^required option '([^']*)' not specified/, 'usage_required_option', (m) => ({ option: m[1] ?? '' })],
  [/^too many arguments(?: for '([^']*)')?\./, 'usage_too_many_arguments', (m) => ({ command: m[1] ?? 'asterism' })],
];

/** `error: …` as Commander writes it (a suggestion may follow on the next line) → one line in `lang`. */
export function usageError(text: string, lang: Lang): string {
  // in English, Commander's own words (the CLI contract quotes them)
  if (lang === 'en') return text.replace(/^error: /, '');
  const [first = '', ...rest] = text.replace(/^error: /, '').trimEnd().split('\n');
  const suggestion = /^\(Did you mean (?:one of )?(.+)\?\)$/.exec(rest.join(' ').trim())?.[1];
  for (const [shape, key, params] of shapes) {
    const m = shape.exec(first);
    if (!m) continue;
    const hint = suggestion ? say('usage_did_you_mean', { value: suggestion }) : '';
    return `${say(key, { ...params(m), hint })[lang]}\n`;
  }
  return `${text.replace(/^error: /, '')}`;
}
