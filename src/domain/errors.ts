import type { Lang, Texts } from './messages.ts';

/** Problems a user can fix are values; everything else is one error type with a closed set of codes. */

export type ErrorCode =
  | 'bad_request'
  | 'unknown_metric'
  | 'unknown_dimension'
  | 'bad_date'
  | 'bad_marketplace'
  | 'bad_currency'
  | 'not_found'
  /** the request conflicts with the data's state (an import already undone, or a later one to undo first) */
  | 'conflict'
  | 'database_locked'
  | 'database_error'
  | 'import_failed'
  | 'server_unreachable';

export class AsterismError extends Error {
  /** the message in both languages, when it comes from the catalog (domain/messages.ts) */
  readonly texts: Texts | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string | Texts,
    readonly details?: Record<string, unknown>,
  ) {
    super(typeof message === 'string' ? message : message.en);
    this.name = 'AsterismError';
    this.texts = typeof message === 'string' ? undefined : message;
  }

  /** the message in a language (English where only English was given) */
  in(lang: Lang): string {
    return this.texts?.[lang] ?? this.message;
  }
}

/** A problem found while compiling or importing, reported beside the good results. */
export interface Problem {
  code: string;
  /** the chosen language's text (English unless the CLI's --lang, the locale or Accept-Language say Chinese) */
  message: string;
  /** the same in English and in Chinese, where the problem is shown to a seller (reports, dashboard, import results) */
  message_en?: string;
  message_zh?: string;
  file?: string;
  line?: number;
  column?: string;
  /** the fact source a metric-layer problem is about (`grain`: that source's rows did not fit) */
  source?: string;
  severity: 'error' | 'warning';
}

/** A problem's fields with its message in both languages (the English one as `message`). */
export function problemOf(texts: Texts, fields: Omit<Problem, 'message' | 'message_en' | 'message_zh'>): Problem {
  return { ...fields, message: texts.en, message_en: texts.en, message_zh: texts.zh };
}

/** The problem with `message` in the language asked for. */
export function problemIn(problem: Problem, lang: Lang): Problem {
  const text = lang === 'zh' ? problem.message_zh : problem.message_en;
  return text === undefined ? problem : { ...problem, message: text };
}
