import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { langOfAcceptLanguage, say, type Lang, type MessageKey } from '../domain/messages.ts';

/** Why the server will not do what was asked (foreign Host or page, by-path reads, upload size): the HTTP status and
 * code of each, as one table; the texts, in both languages, are in the catalog (domain/messages.ts) under the same key
 * (`upload_no_files`: `no_upload_files`). The message never quotes a file's contents. */
type Vars = Record<string, string>;
interface RefusalText {
  status: ContentfulStatusCode;
  code: string;
  message: MessageKey;
}

export const refusals = {
  foreign_host: { status: 421, code: 'misdirected_request', message: 'foreign_host' },
  foreign_origin: { status: 403, code: 'forbidden', message: 'foreign_origin' },
  missing_request_header: { status: 403, code: 'forbidden', message: 'missing_request_header' },
  import_by_path_off: { status: 403, code: 'forbidden', message: 'import_by_path_off' },
  import_outside: { status: 403, code: 'forbidden', message: 'import_outside' },
  import_not_regular: { status: 403, code: 'forbidden', message: 'import_not_regular' },
  upload_too_large: { status: 413, code: 'upload_too_large', message: 'upload_too_large' },
  upload_not_multipart: { status: 400, code: 'bad_request', message: 'upload_not_multipart' },
  upload_no_files: { status: 400, code: 'bad_request', message: 'no_upload_files' },
  upload_too_many_parts: { status: 413, code: 'upload_too_large', message: 'upload_too_many_parts' },
  upload_broken: { status: 400, code: 'bad_request', message: 'upload_broken' },
} satisfies Record<string, RefusalText>;

export type RefusalKey = keyof typeof refusals;

/** Thrown where the request is refused; the app's error handler answers it in the caller's language. */
export class Refusal extends Error {
  constructor(readonly key: RefusalKey, readonly vars: Vars = {}) {
    super(say(refusals[key].message, vars).en);
    this.name = 'Refusal';
  }
}

/** zh when the caller's most wanted language is Chinese (Accept-Language), else en. */
export const answerLanguage = (acceptLanguage: string | undefined): Lang => langOfAcceptLanguage(acceptLanguage);

export function refusalAnswer(c: Context, refusal: Refusal): Response {
  const text = refusals[refusal.key];
  const texts = say(text.message, refusal.vars);
  // `message` in the caller's language, both texts beside it (as errors and import problems carry them)
  const message = texts[answerLanguage(c.req.header('accept-language'))];
  return c.json({ error: { code: text.code, message, message_en: texts.en, message_zh: texts.zh } }, text.status);
}
