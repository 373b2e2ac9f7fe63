import { AsterismError } from '../domain/errors.ts';
import { parseIsoDate } from '../domain/local-date.ts';
import {
  addDelivery, deliveriesOf, insertAlert, listChannels, openAlerts, resolveAlert, snoozedKeys, updateAlertMessage, type AlertRecord, type ChannelRecord,
} from '../store/alerts.ts';
import type { Database } from '../store/database.ts';
import { dataSpan } from '../store/data-span.ts';
import { say } from '../domain/messages.ts';
import { evaluateAlerts, type Finding } from './alert-evaluate.ts';
import { deliverPending, type DeliverOptions } from './alert-deliver.ts';
import { findingMessage, resolvedMessage } from './alert-messages.ts';

/**
 * `asterism alerts run`: evaluates as of a day (default: the last day with data), keeps one alert per
 * rule × scope until it clears (then a "resolved" message to the same channels), records the deliveries
 * in the same transaction as the alerts (so nothing is sent twice, and nothing decided is lost), then sends.
 */
export interface RunOptions extends DeliverOptions {
  asOf?: string | undefined;
  dryRun?: boolean | undefined;
  dashboardUrl?: string | undefined;
}

export interface RunAlert {
  id: number | null;
  rule: number | null;
  detector: string | null;
  scope: Record<string, string>;
  owner: string | null;
  severity: string;
  state: 'new' | 'open' | 'resolved';
  message: { zh: string; en: string };
  deliveries: { channel: string; status: string }[];
}

export interface RunAnswer {
  as_of: string;
  dry_run: boolean;
  alerts: RunAlert[];
}

const keyOf = (a: { rule_key: string; scope_key: string }) => `${a.rule_key}\u0000${a.scope_key}`;

export async function runAlerts(db: Database, o: RunOptions = {}): Promise<RunAnswer> {
  const asOf = o.asOf === undefined ? (await dataSpan(db))?.last : parseIsoDate(o.asOf, '--as-of');
  if (!asOf) throw new AsterismError('not_found', say('no_data_yet'));
  const today = o.asOf === undefined ? (o.now ?? new Date()).toISOString().slice(0, 10) : undefined;
  const findings = await evaluateAlerts(db, asOf, { dashboardUrl: o.dashboardUrl, today, now: o.now });
  const channels = await listChannels(db);
  const found = new Map(findings.map((f) => [keyOf({ rule_key: f.ruleKey, scope_key: f.scopeKey }), f]));
  // what is new, still open or cleared is decided against the alerts as they are inside the write that
  // records it: a second run at the same time (the schedule, an import, the CLI) waits and finds them open
  const compare = async () => {
    const open = new Map((await openAlerts(db)).map((a) => [keyOf(a), a]));
    return {
      fresh: [...found].filter(([k]) => !open.has(k)).map(([, f]) => f),
      still: [...found].filter(([k]) => open.has(k)).map(([k, f]) => ({ alert: open.get(k)!, finding: f })),
      cleared: [...open].filter(([k]) => !found.has(k)).map(([, a]) => a),
    };
  };

  if (o.dryRun) {
    const { fresh, still, cleared } = await compare();
    return {
      as_of: asOf, dry_run: true,
      alerts: [
        ...fresh.map((f) => shown(null, f, 'new', findingMessage(f), route(f, channels).map((c) => ({ channel: c, status: 'dry_run' })))),
        ...still.map(({ alert, finding }) => shown(alert.id, finding, 'open', findingMessage(finding), [])),
        ...cleared.map((a) => shownAlert(a, 'resolved', resolvedMessage(a, asOf), [])),
      ],
    };
  }

  // a snoozed rule × scope stays quiet until the snooze ends: raised and resolved in-app only
  const snoozed = await snoozedKeys(db, o.now ?? new Date());
  const { created, still, cleared } = await db.transaction(async () => {
    const { fresh, still, cleared } = await compare();
    const ids: { id: number; finding: Finding }[] = [];
    for (const f of fresh) {
      const quiet = snoozed.has(keyOf({ rule_key: f.ruleKey, scope_key: f.scopeKey }));
      const message = findingMessage(f);
      const id = await insertAlert(db, {
        rule_key: f.ruleKey, rule_id: f.ruleId, detector: f.detector, scope_key: f.scopeKey, scope: f.scope, owner: f.owner,
        severity: f.severity, message, link: f.link, as_of: asOf,
      });
      for (const channel of quiet ? [] : route(f, channels)) await addDelivery(db, { alert_id: id, channel, kind: 'open', body: message });
      ids.push({ id, finding: f });
    }
    // the numbers of an alert still open are brought up to date (the in-app view), without a new message
    for (const { alert, finding } of still) await updateAlertMessage(db, alert.id, findingMessage(finding));
    for (const a of cleared) {
      await resolveAlert(db, a.id, asOf);
      const told = snoozed.has(keyOf(a)) ? new Set<string>() : new Set((await deliveriesOf(db, a.id)).filter((d) => d.kind === 'open').map((d) => d.channel));
      for (const channel of told) await addDelivery(db, { alert_id: a.id, channel, kind: 'resolved', body: resolvedMessage(a, asOf) });
    }
    return { created: ids, still, cleared };
  });
  await deliverPending(db, o);

  const statuses = async (id: number, kind: 'open' | 'resolved') =>
    (await deliveriesOf(db, id)).filter((d) => d.kind === kind).map((d) => ({ channel: d.channel, status: d.status }));
  const alerts: RunAlert[] = [];
  for (const { id, finding } of created) alerts.push(shown(id, finding, 'new', findingMessage(finding), await statuses(id, 'open')));
  for (const { alert, finding } of still) alerts.push(shown(alert.id, finding, 'open', findingMessage(finding), await statuses(alert.id, 'open')));
  for (const a of cleared) alerts.push(shownAlert(a, 'resolved', resolvedMessage(a, asOf), await statuses(a.id, 'resolved')));
  return { as_of: asOf, dry_run: false, alerts };
}

/**
 * Who hears of a finding: the rule's named channel; else the ASIN owner's channels (products file);
 * else the channels of the detector's role; else the default channels. In-app always (the alert itself).
 */
export function route(f: Pick<Finding, 'channel' | 'owner' | 'role'>, channels: readonly ChannelRecord[]): string[] {
  if (f.channel) return channels.some((c) => c.name === f.channel) ? [f.channel] : [];
  for (const pick of [(c: ChannelRecord) => f.owner !== null && c.owner === f.owner, (c: ChannelRecord) => c.role === f.role, (c: ChannelRecord) => c.is_default]) {
    const names = channels.filter(pick).map((c) => c.name);
    if (names.length) return names;
  }
  return [];
}

function shown(id: number | null, f: Finding, state: RunAlert['state'], message: { en: string; zh: string }, deliveries: RunAlert['deliveries']): RunAlert {
  return { id, rule: f.ruleId, detector: f.detector, scope: f.scope, owner: f.owner, severity: f.severity, state, message: { zh: message.zh, en: message.en }, deliveries };
}

function shownAlert(a: AlertRecord, state: RunAlert['state'], message: { en: string; zh: string }, deliveries: RunAlert['deliveries']): RunAlert {
  return { id: a.id, rule: a.rule_id, detector: a.detector, scope: a.scope, owner: a.owner, severity: a.severity, state, message: { zh: message.zh, en: message.en }, deliveries };
}
