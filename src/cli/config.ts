import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { AsterismError } from '../domain/errors.ts';
import { langOf, say, type Lang } from '../domain/messages.ts';

/** The environment, parsed once; nothing else reads process.env. */
const environment = z.object({
  ASTERISM_DB: z.string().min(1).optional(),
  ASTERISM_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  ASTERISM_HOST: z.string().min(1).optional(),
  ASTERISM_USER: z.string().min(1).optional(),
  ASTERISM_LANG: z.string().optional(),
  LC_ALL: z.string().optional(),
  LC_MESSAGES: z.string().optional(),
  LANG: z.string().optional(),
});

const env = environment.parse(process.env);

export const defaults = {
  port: env.ASTERISM_PORT ?? 8080,
  host: env.ASTERISM_HOST ?? '127.0.0.1',
};

/** `--db PATH`, else $ASTERISM_DB, else ./asterism.duckdb (CLI contract). */
export function databasePath(flag: string | undefined): string {
  return resolve(flag ?? env.ASTERISM_DB ?? 'asterism.duckdb');
}

/** `--db` may stand before or after the command: take it out of argv wherever it is. */
export function extractDbFlag(argv: string[]): { argv: string[]; db: string | undefined } {
  const rest: string[] = [];
  let db: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--db') {
      db = argv[++i];
      if (db === undefined) throw new AsterismError('bad_request', say('db_needs_path'));
    } else if (arg.startsWith('--db=')) {
      db = arg.slice(5);
    } else {
      rest.push(arg);
    }
  }
  return { argv: rest, db };
}

/** Who is acting (KPI locks and unlocks, price approvals): `--user NAME`, else $ASTERISM_USER, else the OS user name. */
export function userName(flag: string | undefined): string {
  if (flag?.trim()) return flag.trim();
  if (env.ASTERISM_USER) return env.ASTERISM_USER;
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/**
 * The language of messages: `--lang zh|en`, else $ASTERISM_LANG, else the locale ($LC_ALL, $LC_MESSAGES,
 * $LANG: zh… is Chinese), else English. A --lang or $ASTERISM_LANG that is neither is refused.
 */
export function messageLanguage(flag: string | undefined): Lang {
  for (const [given, what] of [[flag, '--lang'], [env.ASTERISM_LANG, '$ASTERISM_LANG']] as const) {
    if (given === undefined || given.trim() === '') continue;
    const lang = langOf(given);
    if (!lang) throw new AsterismError('bad_request', say('bad_lang', { what, value: given }), { option: what });
    return lang;
  }
  // the first locale variable set decides, as in POSIX (LC_ALL over LC_MESSAGES over LANG)
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return langOf(locale) ?? 'en';
}
