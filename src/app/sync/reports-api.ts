import { gunzipSync } from 'node:zlib';
import { AsterismError } from '../../domain/errors.ts';
import { say } from '../../domain/messages.ts';
import { delay } from './throttle.ts';
import type { ApiClient, Timing } from './api-client.ts';

/**
 * The Reports API 2021-06-30 lifecycle (https://developer-docs.amazon.com/sp-api/docs/reports-api-v2021-06-30-reference):
 * createReport → getReport until DONE, CANCELLED or FATAL → getReportDocument → the document, decompressed.
 */
const base = '/reports/2021-06-30';

export interface ReportRequest {
  reportType: string;
  marketplaceIds: string[];
  /** ISO date-times (or dates), absent for snapshots */
  dataStartTime?: string;
  dataEndTime?: string;
  reportOptions?: Readonly<Record<string, string>>;
}

export type ReportOutcome =
  | { status: 'DONE'; reportId: string; document: Buffer }
  /** Amazon's answer when there is no data for the range: not an error */
  | { status: 'CANCELLED'; reportId: string }
  | { status: 'FATAL'; reportId: string; reason: string };

export class ReportsApi {
  constructor(private readonly client: ApiClient, private readonly wait: Timing) {}

  async createReport(request: ReportRequest): Promise<string> {
    const body: Record<string, unknown> = { reportType: request.reportType, marketplaceIds: request.marketplaceIds };
    if (request.dataStartTime) body.dataStartTime = request.dataStartTime;
    if (request.dataEndTime) body.dataEndTime = request.dataEndTime;
    if (request.reportOptions) body.reportOptions = request.reportOptions;
    const answer = await this.client.call('createReport', 'POST', `${base}/reports`, { body });
    const id = (answer.json as { reportId?: unknown } | null)?.reportId;
    if (typeof id !== 'string') throw new AsterismError('bad_request', say('sync_http_error', { operation: 'createReport', status: answer.status, reason: 'no reportId in the answer' }));
    return id;
  }

  /** Polls with a growing wait until the report is done, cancelled or fatal. */
  async outcome(reportId: string, reportType: string): Promise<ReportOutcome> {
    const started = Date.now();
    let wait = this.wait.pollMs;
    for (;;) {
      const answer = await this.client.call('getReport', 'GET', `${base}/reports/${encodeURIComponent(reportId)}`);
      const report = (answer.json ?? {}) as { processingStatus?: string; reportDocumentId?: string };
      const status = report.processingStatus ?? '';
      if (status === 'DONE' && report.reportDocumentId) return { status: 'DONE', reportId, document: await this.document(report.reportDocumentId, reportType) };
      if (status === 'CANCELLED') return { status: 'CANCELLED', reportId };
      if (status === 'FATAL') {
        const reason = report.reportDocumentId ? errorText(await this.document(report.reportDocumentId, reportType)) : 'no error document';
        return { status: 'FATAL', reportId, reason };
      }
      if (Date.now() - started > this.wait.pollTimeoutMs) {
        throw new AsterismError('bad_request', say('sync_report_timeout', { report_type: reportType, status: status || 'unknown', minutes: Math.round((Date.now() - started) / 60000) }));
      }
      await delay(wait);
      wait = Math.min(wait * 2, this.wait.pollMaxMs);
    }
  }

  /** Settlement reports are made by Amazon on its own schedule: listed, page after page (nextToken). */
  async listDone(reportType: string, marketplaceIds: string[], createdSince: string): Promise<{ reportId: string; reportDocumentId: string; dataStartTime: string; dataEndTime: string }[]> {
    const found: { reportId: string; reportDocumentId: string; dataStartTime: string; dataEndTime: string }[] = [];
    let nextToken: string | undefined;
    do {
      // with a nextToken, the other filters must be left out
      const query = nextToken ? { nextToken } : { reportTypes: reportType, processingStatuses: 'DONE', marketplaceIds, createdSince, pageSize: '100' };
      const answer = await this.client.call('getReports', 'GET', `${base}/reports`, { query });
      const page = (answer.json ?? {}) as { reports?: Record<string, unknown>[]; nextToken?: unknown };
      for (const r of page.reports ?? []) {
        if (typeof r.reportId === 'string' && typeof r.reportDocumentId === 'string') {
          found.push({ reportId: r.reportId, reportDocumentId: r.reportDocumentId, dataStartTime: String(r.dataStartTime ?? ''), dataEndTime: String(r.dataEndTime ?? '') });
        }
      }
      nextToken = typeof page.nextToken === 'string' && page.nextToken ? page.nextToken : undefined;
    } while (nextToken);
    return found;
  }

  /**
   * The document behind an id: its pre-signed URL lasts minutes, so it is read at once; an expired link (403 from the
   * storage) is asked for once more before giving up. GZIP documents are decompressed here.
   */
  async document(documentId: string, reportType: string): Promise<Buffer> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const answer = await this.client.call('getReportDocument', 'GET', `${base}/documents/${encodeURIComponent(documentId)}`);
      const doc = (answer.json ?? {}) as { url?: unknown; compressionAlgorithm?: unknown };
      if (typeof doc.url !== 'string') throw new AsterismError('bad_request', say('sync_http_error', { operation: 'getReportDocument', status: answer.status, reason: 'no url in the answer' }));
      const response = await fetchDocument(doc.url, this.wait);
      if (response === 'expired') continue;
      return doc.compressionAlgorithm === 'GZIP' ? gunzipSync(response) : response;
    }
    throw new AsterismError('bad_request', say('sync_document_expired', { report_type: reportType }));
  }
}

/** The storage's URL is signed: no token goes with it. 403/400 is how an expired signature answers. */
export async function fetchDocument(url: string, wait: Timing): Promise<Buffer | 'expired'> {
  for (let attempt = 0; ; attempt++) {
    let response: Response | undefined;
    try {
      response = await fetch(url);
    } catch (e) {
      if (attempt >= wait.serverRetries) throw new AsterismError('server_unreachable', say('sync_network_error', { operation: 'document download', host: new URL(url).host, reason: String((e as Error).cause ?? (e as Error).message) }));
    }
    if (response) {
      if (response.ok) return Buffer.from(await response.arrayBuffer());
      await response.body?.cancel();
      if (response.status === 403 || response.status === 400) return 'expired';
      if (response.status < 500 || attempt >= wait.serverRetries) {
        throw new AsterismError('bad_request', say('sync_http_error', { operation: 'document download', status: response.status, reason: response.statusText }));
      }
    }
    await delay(wait.retryMs * 2 ** attempt);
  }
}

/** A FATAL report's error document: JSON `{errorDetails}` (or plain text) */
function errorText(document: Buffer): string {
  const text = document.toString('utf8').trim();
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    const detail = json.errorDetails ?? json.message ?? json.errors;
    return typeof detail === 'string' ? detail : JSON.stringify(detail ?? json);
  } catch {
    return text.slice(0, 300) || 'no reason given';
  }
}
