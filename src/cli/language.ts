import type { Command } from 'commander';
import { AsterismError } from '../domain/errors.ts';
import type { Lang } from '../domain/messages.ts';
import { messageLanguage } from './config.ts';

/**
 * The language this run speaks in its messages (errors, import problems): decided once the command
 * line is parsed, from the environment before that.
 */
let chosen: Lang | undefined;

export function currentLanguage(): Lang {
  if (chosen) return chosen;
  try {
    return messageLanguage(undefined);
  } catch {
    return 'en';
  }
}

/**
 * `--lang zh|en` is global: before the command (`asterism --lang zh import …`) or after it. Commands
 * with their own `--lang` (reports, KPI explanations, templates) keep theirs, which then also sets the
 * language of messages; the others get one that only does that.
 */
export function addLanguageOption(program: Command): void {
  program.option('--lang <lang>', 'language of messages: zh or en (default: $ASTERISM_LANG, else the locale) / 提示语言');
  const leaves = (c: Command): Command[] => (c.commands.length === 0 ? [c] : c.commands.flatMap(leaves));
  for (const command of program.commands.flatMap(leaves)) {
    if (!command.options.some((o) => o.long === '--lang')) command.option('--lang <lang>', 'language of messages: zh or en / 提示语言');
  }
  program.hook('preAction', (_program, action) => {
    const own = action.getOptionValueSource('lang') === 'cli' ? (action.opts() as { lang?: string }).lang : undefined;
    chosen = messageLanguage(own ?? (program.opts() as { lang?: string }).lang);
  });
}

/**
 * The language asked for with `--lang` on the command line, taken before Commander parses it: its usage errors
 * (an unknown option …) come before any action hook runs. A value that is not zh or en is left to the parse.
 */
export function chooseFromArguments(args: readonly string[]): void {
  const at = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (at < 0) return;
  const value = args[at]?.startsWith('--lang=') ? args[at]?.slice('--lang='.length) : args[at + 1];
  try {
    chosen = messageLanguage(value);
  } catch {
    // refused with its own message once parsed
  }
}

/** An error's one line in the chosen language. */
export function errorLine(e: unknown): string {
  if (e instanceof AsterismError) return e.in(currentLanguage()).split('\n')[0] ?? '';
  return e instanceof Error ? e.message.split('\n')[0] ?? '' : String(e);
}
