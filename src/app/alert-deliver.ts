import { channelTargets, markDelivery, undelivered, type ChannelTarget, type DeliveryRecord } from '../store/alerts.ts';
import type { Database } from '../store/database.ts';
import { DeliveryError, sendToChannel } from './alert-channels.ts';
import { titleOf } from './alert-messages.ts';

/**
 * Sends what waits to be sent: each channel on its own (a failing channel never holds up another), its
 * messages in order. A 5xx or an unreachable channel is tried again with backoff within the run
 * (`retries` more times), then kept with its next attempt time for a later run; a message refused for
 * good (4xx, a vendor error code) is kept as failed and shown. Quiet hours hold a message until they end.
 */
export interface DeliverOptions {
  now?: Date | undefined;
  /** first backoff (doubling each retry); tests pass a few milliseconds */
  backoffMs?: number | undefined;
  retries?: number | undefined;
}

/** One sending pass at a time per database in this process (the one that holds it): two passes would send a message twice. */
const passes = new WeakMap<Database, Promise<void>>();

export function deliverPending(db: Database, o: DeliverOptions = {}): Promise<void> {
  const next = (passes.get(db) ?? Promise.resolve()).then(() => deliverPass(db, o));
  passes.set(db, next.catch(() => undefined));
  return next;
}

async function deliverPass(db: Database, o: DeliverOptions): Promise<void> {
  const now = o.now ?? new Date();
  const targets = new Map((await channelTargets(db)).map((c) => [c.name, c]));
  const byChannel = new Map<string, DeliveryRecord[]>();
  for (const d of await undelivered(db)) {
    if (d.status === 'failed' && d.next_attempt_at === null) continue;
    if (d.next_attempt_at && Date.parse(d.next_attempt_at) > now.getTime()) continue;
    byChannel.set(d.channel, [...(byChannel.get(d.channel) ?? []), d]);
  }
  await Promise.all([...byChannel].map(async ([name, deliveries]) => {
    const target = targets.get(name);
    for (const d of deliveries) {
      if (!target) {
        await markDelivery(db, d.rowid, { status: 'failed', attempts: d.attempts, error: `channel ${name} no longer exists` });
        continue;
      }
      const quietEnd = quietUntil(target, now);
      if (quietEnd) {
        await markDelivery(db, d.rowid, { status: 'held', attempts: d.attempts, nextAttemptAt: quietEnd });
        continue;
      }
      await attempt(db, target, d, now, o);
    }
  }));
}

async function attempt(db: Database, target: ChannelTarget, d: DeliveryRecord, now: Date, o: DeliverOptions): Promise<void> {
  const retries = o.retries ?? 3;
  const backoff = o.backoffMs ?? 500;
  const markdown = d.body[target.lang].slice(0, 18_000);
  let attempts = d.attempts;
  let error = '';
  for (let i = 0; i <= retries; i++) {
    attempts++;
    try {
      await sendToChannel(target, { title: titleOf(markdown), markdown }, new Date());
      await markDelivery(db, d.rowid, { status: 'delivered', attempts });
      return;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      if (e instanceof DeliveryError && !e.retryable) {
        await markDelivery(db, d.rowid, { status: 'failed', attempts, error });
        return;
      }
      if (i < retries) await new Promise((r) => setTimeout(r, backoff * 2 ** i));
    }
  }
  // kept for a later run: 5 minutes after the first round, doubling each round, at most a day
  const rounds = Math.max(1, Math.ceil(attempts / (retries + 1)));
  const wait = Math.min(5 * 60_000 * 2 ** Math.min(rounds - 1, 9), 86_400_000);
  await markDelivery(db, d.rowid, { status: 'failed', attempts, error, nextAttemptAt: new Date(now.getTime() + wait) });
}

/** The end of the channel's quiet hours when `now` falls inside them (in the channel's time zone), else null. */
export function quietUntil(c: Pick<ChannelTarget, 'quiet_hours' | 'time_zone'>, now: Date): Date | null {
  if (!c.quiet_hours) return null;
  const [from, to] = c.quiet_hours.split('-').map(minutesOf) as [number, number];
  const local = localMinutes(now, c.time_zone);
  const inside = from > to ? local >= from || local < to : local >= from && local < to;
  if (!inside) return null;
  const until = (to - local + 1440) % 1440;
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000 + until * 60_000);
}

const minutesOf = (hhmm: string): number => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

export function localMinutes(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

export function localDay(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
