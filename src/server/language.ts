import type { Context } from 'hono';
import { langOfAcceptLanguage, type Lang } from '../domain/messages.ts';
import { resultIn, type FileResult } from '../ingest/index.ts';

/** The language a request asks for (Accept-Language; English when it names neither zh nor en). */
export const requestLang = (c: Context): Lang => langOfAcceptLanguage(c.req.header('accept-language'));

/** Import results with `error` and every problem's `message` in the request's language. */
export const resultsFor = (c: Context, files: readonly FileResult[]): FileResult[] => files.map((f) => resultIn(f, requestLang(c)));
