import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AsterismError, type ErrorCode } from '../domain/errors.ts';

/** The one place errors become HTTP answers. */
const statusOf: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400, unknown_metric: 400, unknown_dimension: 400, bad_date: 400, bad_marketplace: 400, bad_currency: 400,
  not_found: 404, conflict: 409, database_locked: 503, database_error: 500, import_failed: 422, server_unreachable: 502,
};

export function errorAnswer(e: unknown): { status: ContentfulStatusCode; body: { error: { code: ErrorCode; message: string; message_zh?: string } } } {
  if (e instanceof AsterismError) {
    // the Chinese message, where the error carries one (details.message_zh), for the dashboard in Chinese
    const zh = typeof e.details?.message_zh === 'string' ? { message_zh: e.details.message_zh } : {};
    return { status: statusOf[e.code], body: { error: { code: e.code, message: e.message, ...zh } } };
  }
  const message = e instanceof Error ? e.message.split('\n')[0] ?? 'internal error' : String(e);
  return { status: 500, body: { error: { code: 'database_error', message } } };
}
