import { buildDocument } from '../report/build-document.ts';
import { renderMarkdown } from '../report/markdown.ts';
import { addDelivery, hasDigest, digestStatuses, listChannels, openAlerts, type ChannelRecord } from '../store/alerts.ts';
import type { Database } from '../store/database.ts';
import { dataSpan } from '../store/data-span.ts';
import { deliverPending, localDay, localMinutes, type DeliverOptions } from './alert-deliver.ts';
import { reviewData } from './review-data.ts';

/**
 * The daily digest (运营日报): for each channel that belongs to an owner, once a day at its digest hour
 * (9:00 in its time zone unless set), the owner's daily review in Markdown and the owner's open alerts.
 * `force` sends now whatever the hour (the CLI's `alerts digest`), still once per channel and day.
 */
export interface DigestOptions extends DeliverOptions {
  asOf?: string | undefined;
  owner?: string | undefined;
  force?: boolean | undefined;
}

export async function sendDigests(db: Database, o: DigestOptions = {}): Promise<{ channel: string; owner: string; day: string; status: string }[]> {
  const now = o.now ?? new Date();
  const asOf = o.asOf ?? (await dataSpan(db))?.last;
  if (!asOf) return [];
  const due = (await listChannels(db)).filter((c): c is ChannelRecord & { owner: string } =>
    c.owner !== null && (!o.owner || c.owner === o.owner) && (o.force === true || localMinutes(now, c.time_zone) >= (c.digest_hour ?? 9) * 60));
  const queued: { channel: string; owner: string; day: string }[] = [];
  const open = await openAlerts(db);
  for (const c of due) {
    const day = localDay(now, c.time_zone);
    if (await hasDigest(db, c.name, day)) continue;
    const data = await reviewData(db, { kind: 'daily', owner: c.owner, period: asOf });
    const mine = open.filter((a) => a.owner === c.owner);
    const body = {
      en: digestText(renderMarkdown(buildDocument(data, 'en')), mine.map((a) => a.message.en.split('\n')[0] ?? ''), 'en'),
      zh: digestText(renderMarkdown(buildDocument(data, 'zh')), mine.map((a) => a.message.zh.split('\n')[0] ?? ''), 'zh'),
    };
    await addDelivery(db, { alert_id: null, channel: c.name, kind: 'digest', digest_day: day, body });
    queued.push({ channel: c.name, owner: c.owner, day });
  }
  await deliverPending(db, o);
  const rows = await digestStatuses(db);
  return queued.map((q) => ({ ...q, status: rows.find((r) => r.channel === q.channel && r.day === q.day)?.status ?? 'pending' }));
}

function digestText(review: string, alerts: string[], lang: 'en' | 'zh'): string {
  const head = alerts.length
    ? [lang === 'zh' ? `**未关闭的告警（${alerts.length}）**` : `**Open alerts (${alerts.length})**`, ...alerts.map((a) => `- ${a.replace(/\*\*/g, '')}`), '']
    : [];
  return [...head, review].join('\n');
}
