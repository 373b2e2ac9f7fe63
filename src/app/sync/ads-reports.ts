import { gunzipSync } from 'node:zlib';
import { AsterismError } from '../../domain/errors.ts';
import { say } from '../../domain/messages.ts';
import type { ApiClient, Timing } from './api-client.ts';
import type { AdsSyncReport } from './ads-report-types.ts';
import { fetchDocument } from './reports-api.ts';
import { delay } from './throttle.ts';

/**
 * Ads API v3 reporting (https://advertising.amazon.com/API/docs/en-us/guides/reporting/v3/get-started): POST
 * /reporting/reports → GET /reporting/reports/{id} until COMPLETED (or FAILED) → the GZIP JSON behind its URL.
 * Every call carries the profile as Amazon-Advertising-API-Scope (set on the client).
 */
export type AdsOutcome = { status: 'COMPLETED'; document: Buffer } | { status: 'FAILED'; reason: string };

export class AdsReports {
  constructor(private readonly client: ApiClient, private readonly wait: Timing) {}

  async create(report: AdsSyncReport, from: string, to: string): Promise<string> {
    const answer = await this.client.call('adsCreateReport', 'POST', '/reporting/reports', {
      headers: { 'content-type': 'application/vnd.createasyncreportrequest.v3+json' },
      body: {
        name: `Asterism ${report.reportType} ${from}..${to}`, startDate: from, endDate: to,
        configuration: { adProduct: report.adProduct, groupBy: report.groupBy, columns: report.columns, reportTypeId: report.reportType, timeUnit: 'DAILY', format: 'GZIP_JSON' },
      },
    });
    const id = (answer.json as { reportId?: unknown } | null)?.reportId;
    if (typeof id !== 'string') throw new AsterismError('bad_request', say('sync_http_error', { operation: 'adsCreateReport', status: answer.status, reason: 'no reportId in the answer' }));
    return id;
  }

  async outcome(reportId: string, report: AdsSyncReport): Promise<AdsOutcome> {
    const started = Date.now();
    let wait = this.wait.pollMs;
    for (;;) {
      const answer = await this.client.call('adsGetReport', 'GET', `/reporting/reports/${encodeURIComponent(reportId)}`);
      const r = (answer.json ?? {}) as { status?: string; url?: string; failureReason?: string };
      if (r.status === 'COMPLETED' && r.url) {
        const bytes = await fetchDocument(r.url, this.wait);
        if (bytes === 'expired') continue; // a fresh URL comes with the next GET
        return { status: 'COMPLETED', document: bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes };
      }
      if (r.status === 'FAILED') return { status: 'FAILED', reason: r.failureReason ?? 'no reason given' };
      if (Date.now() - started > this.wait.pollTimeoutMs) {
        throw new AsterismError('bad_request', say('sync_report_timeout', { report_type: report.reportType, status: r.status ?? 'unknown', minutes: Math.round((Date.now() - started) / 60000) }));
      }
      await delay(wait);
      wait = Math.min(wait * 2, this.wait.pollMaxMs);
    }
  }
}
