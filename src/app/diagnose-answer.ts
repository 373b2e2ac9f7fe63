import type { Finding } from '../analysis/index.ts';
import { whyNoFindings, type NoFindings } from '../analysis/no-findings.ts';
import type { AnswerPeriod } from '../domain/answer-period.ts';
import { AsterismError, type Problem } from '../domain/errors.ts';
import { say, type Texts } from '../domain/messages.ts';
import type { Database } from '../store/database.ts';
import type { EventRecord } from '../store/events.ts';
import { answerPeriod } from './answer-period.ts';
import { emptyAnswerProblem } from './empty-answer.ts';
import { diagnoseScopes, funnelMetrics, funnelRows, type DiagnoseRequest } from './funnel.ts';

export interface DiagnoseAnswer {
  findings: Finding<EventRecord>[];
  /** without findings: why, in zh and en, with the counts it rests on; null when there are findings */
  no_findings: (NoFindings & Texts) | null;
  /** `no_data` where no funnel answers the scope and period (the nearest data, as empty answers say) */
  problems: Problem[];
  period: AnswerPeriod;
}

/** `asterism diagnose` / `GET /api/diagnose`: the findings ranked by money at stake (issue 27), and when there are none, why (issue 15). */
export async function diagnoseAnswer(db: Database, asked: DiagnoseRequest): Promise<DiagnoseAnswer> {
  const { currency, ...request } = asked;
  if (currency !== undefined && !/^[A-Za-z]{3}$/.test(currency)) throw new AsterismError('bad_currency', say('bad_currency_option', { value: currency }));
  const periodAsked = answerPeriod(db, funnelMetrics, request);
  // converted at the rate of the period's last day: without --to, the data's last day
  const lastDay = currency && !request.to ? (await periodAsked).to : null;
  const [{ rows, findings }, period] = await Promise.all([diagnoseScopes(db, asked, lastDay), periodAsked]);
  if (findings.length > 0) return { findings, no_findings: null, problems: [], period };
  const why = whyNoFindings(rows);
  if (why.reason !== 'no_funnels') return { findings, no_findings: { ...why, ...textOf(why) }, problems: [], period };
  if (request.tier) {
    const { tier, ...all } = request;
    const funnels = (await funnelRows(db, all)).rows.length;
    if (funnels > 0) return { findings, no_findings: { ...why, ...say('diagnose_none_tier', { tier, funnels }) }, problems: [], period };
  }
  const empty = await emptyAnswerProblem(db, request);
  const texts = { en: empty.message_en ?? empty.message, zh: empty.message_zh ?? empty.message };
  return { findings, no_findings: { ...why, ...say('diagnose_none_no_funnels', { why: texts }) }, problems: [empty], period };
}

function textOf(why: NoFindings): Texts {
  switch (why.reason) {
    case 'first_30_days': return say('diagnose_none_first_30_days', { stages: why.stages_first_30_days });
    case 'too_little_data': return say('diagnose_none_too_little_data', { funnels: why.funnels });
    default: return say('diagnose_none_within_benchmark', { stages: why.stages_judged, funnels: why.funnels });
  }
}
