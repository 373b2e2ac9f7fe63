import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AsterismError, type ErrorCode } from '../domain/errors.ts';
import type { Lang } from '../domain/messages.ts';

/** The one place errors become HTTP answers. */
const statusOf: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400, unknown_metric: 400, unknown_dimension: 400, bad_date: 400, bad_marketplace: 400, bad_currency: 400,
  not_found: 404, conflict: 409, database_locked: 503, database_error: 500, import_failed: 422, server_unreachable: 502,
};

/** `message` in the language the request asks for (Accept-Language); both texts beside it where the catalog has them. */
export function errorAnswer(e: unknown, lang: Lang = 'en'): {
  status: ContentfulStatusCode;
  body: { error: { code: ErrorCode; message: string; message_en?: string; message_zh?: string } };
} {
  if (e instanceof AsterismError) {
    // both texts where the catalog has them; else the Chinese an error carries in details.message_zh (the undo refusals)
    const texts = e.texts ? { message_en: e.texts.en, message_zh: e.texts.zh }
      : typeof e.details?.message_zh === 'string' ? { message_zh: e.details.message_zh } : {};
    return { status: statusOf[e.code], body: { error: { code: e.code, message: e.in(lang), ...texts } } };
  }
  const message = e instanceof Error ? e.message.split('\n')[0] ?? 'internal error' : String(e);
  return { status: 500, body: { error: { code: 'database_error', message } } };
}
