import type { Database } from './database.ts';
import { secretBox } from './secrets.ts';

/**
 * Alert storage (issue 19): channels (URL and secret sealed, bound to the channel's name and field, never
 * returned by `listChannels`), rules, alerts (one open per rule × scope until it clears) and deliveries.
 */
export type ChannelType = 'dingtalk' | 'feishu' | 'wecom' | 'slack' | 'email';
export const channelTypes: readonly ChannelType[] = ['dingtalk', 'feishu', 'wecom', 'slack', 'email'];

export interface ChannelInput {
  name: string;
  type: ChannelType;
  url: string;
  secret?: string | undefined;
  to?: string | undefined;
  owner?: string | undefined;
  role?: string | undefined;
  isDefault?: boolean | undefined;
  lang?: 'zh' | 'en' | undefined;
  timeZone?: string | undefined;
  quietFrom?: string | undefined;
  quietTo?: string | undefined;
  digestHour?: number | undefined;
}

/** What is shown of a channel: never its URL or secret. */
export interface ChannelRecord {
  name: string;
  type: ChannelType;
  to: string | null;
  owner: string | null;
  role: string | null;
  is_default: boolean;
  lang: 'zh' | 'en';
  time_zone: string;
  quiet_hours: string | null;
  digest_hour: number | null;
  has_secret: boolean;
}

/** A channel with its URL and secret opened, for sending only. */
export interface ChannelTarget extends ChannelRecord {
  url: string;
  secret: string | null;
}

const context = (name: string, field: string) => `alert_channel:${name}:${field}`;
const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export async function addChannel(db: Database, c: ChannelInput): Promise<ChannelRecord> {
  const box = secretBox(db.path);
  await db.run(
    `INSERT OR REPLACE INTO alert_channels (name, type, url_sealed, secret_sealed, email_to, owner, role, is_default, lang, time_zone, quiet_from, quiet_to, digest_hour)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      c.name, c.type, box.seal(c.url, context(c.name, 'url')), c.secret ? box.seal(c.secret, context(c.name, 'secret')) : null,
      c.to ?? null, c.owner ?? null, c.role ?? null, c.isDefault ?? false, c.lang ?? 'zh', c.timeZone ?? null,
      c.quietFrom ?? null, c.quietTo ?? null, c.digestHour ?? null,
    ],
  );
  const [saved] = await listChannels(db, c.name);
  return saved!;
}

export async function removeChannel(db: Database, name: string): Promise<boolean> {
  return (await db.run('DELETE FROM alert_channels WHERE name = $1', [name])) > 0;
}

export async function listChannels(db: Database, name?: string): Promise<ChannelRecord[]> {
  return (await channelRows(db, name)).map(({ url: _u, secret: _s, ...shown }) => shown);
}

export async function channelTargets(db: Database, name?: string): Promise<ChannelTarget[]> {
  return channelRows(db, name);
}

async function channelRows(db: Database, name?: string): Promise<ChannelTarget[]> {
  const rows = await db.all(`SELECT * FROM alert_channels WHERE ($1::VARCHAR IS NULL OR name = $1) ORDER BY name`, [name ?? null]);
  // no channel, no key: listing nothing must not create the key file beside the database
  if (!rows.length) return [];
  const box = secretBox(db.path);
  return rows.map((r) => {
    const lang = r.lang === 'en' ? 'en' : 'zh';
    const n = String(r.name);
    return {
      name: n, type: String(r.type) as ChannelType, to: text(r.email_to), owner: text(r.owner), role: text(r.role), is_default: r.is_default === true,
      lang, time_zone: text(r.time_zone) ?? (lang === 'zh' ? 'Asia/Shanghai' : 'UTC'),
      quiet_hours: r.quiet_from && r.quiet_to ? `${String(r.quiet_from)}-${String(r.quiet_to)}` : null,
      digest_hour: r.digest_hour === null || r.digest_hour === undefined ? null : Number(r.digest_hour),
      has_secret: r.secret_sealed !== null,
      url: box.open(String(r.url_sealed), context(n, 'url')),
      secret: r.secret_sealed === null ? null : box.open(String(r.secret_sealed), context(n, 'secret')),
    };
  });
}

export interface RuleInput {
  detector?: string | undefined;
  metric?: string | undefined;
  op?: 'gt' | 'lt' | undefined;
  value?: number | undefined;
  change?: 'wow' | 'mom' | 'yoy' | undefined;
  store?: string | undefined;
  marketplace?: string | undefined;
  asin?: string | undefined;
  parent_asin?: string | undefined;
  sku?: string | undefined;
  product_line?: string | undefined;
  tier?: string | undefined;
  owner?: string | undefined;
  channel?: string | undefined;
  enabled?: boolean | undefined;
}

export interface RuleRecord {
  id: number;
  detector: string | null;
  metric: string | null;
  op: 'gt' | 'lt' | null;
  value: number | null;
  change: 'wow' | 'mom' | 'yoy' | null;
  store: string | null;
  marketplace: string | null;
  asin: string | null;
  /** the KPI targets' scope shape (store/kpi-targets.ts): parent ASIN, product line and lifecycle tier, and a seller SKU */
  parent_asin: string | null;
  sku: string | null;
  product_line: string | null;
  tier: string | null;
  owner: string | null;
  channel: string | null;
  enabled: boolean;
}

export async function addRule(db: Database, r: RuleInput): Promise<RuleRecord> {
  const [row] = await db.all(
    `INSERT INTO alert_rules (detector, metric, op, value, change, store, marketplace, asin, owner, channel, enabled, parent_asin, sku, product_line, tier)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
    [r.detector ?? null, r.metric ?? null, r.op ?? null, r.value ?? null, r.change ?? null, r.store ?? null, r.marketplace ?? null,
      r.asin?.toUpperCase() ?? null, r.owner ?? null, r.channel ?? null, r.enabled ?? true, r.parent_asin?.toUpperCase() ?? null, r.sku ?? null,
      r.product_line ?? null, r.tier?.toLowerCase() ?? null],
  );
  return (await listRules(db)).find((x) => x.id === Number(row?.id))!;
}

export async function removeRule(db: Database, id: number): Promise<boolean> {
  return (await db.run('DELETE FROM alert_rules WHERE id = $1', [id])) > 0;
}

export async function listRules(db: Database): Promise<RuleRecord[]> {
  const rows = await db.all('SELECT * FROM alert_rules ORDER BY id');
  return rows.map((r) => ({
    id: Number(r.id), detector: text(r.detector), metric: text(r.metric), op: text(r.op) as RuleRecord['op'],
    value: r.value === null ? null : Number(r.value), change: text(r.change) as RuleRecord['change'], store: text(r.store),
    marketplace: text(r.marketplace), asin: text(r.asin), parent_asin: text(r.parent_asin), sku: text(r.sku), product_line: text(r.product_line),
    tier: text(r.tier), owner: text(r.owner), channel: text(r.channel), enabled: r.enabled === true,
  }));
}

export interface AlertRecord {
  id: number;
  rule_key: string;
  rule_id: number | null;
  detector: string | null;
  scope_key: string;
  scope: Record<string, string>;
  owner: string | null;
  severity: string;
  state: 'open' | 'resolved';
  message: { en: string; zh: string };
  link: string | null;
  as_of: string;
  resolved_as_of: string | null;
  snoozed_until: string | null;
  /** someone has seen it: it leaves the bell, and stays open until it clears */
  acknowledged_at: string | null;
}

export type NewAlert = Omit<AlertRecord, 'id' | 'state' | 'resolved_as_of' | 'snoozed_until' | 'acknowledged_at'>;

function alertOf(r: Record<string, unknown>): AlertRecord {
  return {
    id: Number(r.id), rule_key: String(r.rule_key), rule_id: r.rule_id === null ? null : Number(r.rule_id), detector: text(r.detector),
    scope_key: String(r.scope_key), scope: JSON.parse(String(r.scope)) as Record<string, string>, owner: text(r.owner), severity: String(r.severity),
    state: r.state === 'resolved' ? 'resolved' : 'open', message: { en: String(r.message_en), zh: String(r.message_zh) }, link: text(r.link),
    as_of: String(r.as_of), resolved_as_of: text(r.resolved_as_of), snoozed_until: text(r.snoozed_until), acknowledged_at: text(r.acknowledged_at),
  };
}

export async function openAlerts(db: Database): Promise<AlertRecord[]> {
  return (await db.all(`SELECT *, strftime(as_of, '%Y-%m-%d') AS as_of, strftime(resolved_as_of, '%Y-%m-%d') AS resolved_as_of,
    strftime(snoozed_until, '%Y-%m-%dT%H:%M:%SZ') AS snoozed_until, strftime(acknowledged_at, '%Y-%m-%dT%H:%M:%SZ') AS acknowledged_at
    FROM alerts WHERE state = 'open' ORDER BY id`)).map(alertOf);
}

export async function listAlerts(db: Database, filter: { state?: string | undefined; limit?: number | undefined } = {}): Promise<AlertRecord[]> {
  return (await db.all(`SELECT *, strftime(as_of, '%Y-%m-%d') AS as_of, strftime(resolved_as_of, '%Y-%m-%d') AS resolved_as_of,
    strftime(snoozed_until, '%Y-%m-%dT%H:%M:%SZ') AS snoozed_until, strftime(acknowledged_at, '%Y-%m-%dT%H:%M:%SZ') AS acknowledged_at FROM alerts
    WHERE ($1::VARCHAR IS NULL OR state = $1) ORDER BY id DESC LIMIT $2`, [filter.state ?? null, filter.limit ?? 200])).map(alertOf);
}

export async function insertAlert(db: Database, a: NewAlert): Promise<number> {
  const [row] = await db.all(
    `INSERT INTO alerts (rule_key, rule_id, detector, scope_key, scope, owner, severity, state, message_en, message_zh, link, as_of)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9, $10, $11::DATE) RETURNING id`,
    [a.rule_key, a.rule_id, a.detector, a.scope_key, JSON.stringify(a.scope), a.owner, a.severity, a.message.en, a.message.zh, a.link, a.as_of],
  );
  return Number(row?.id);
}

export async function updateAlertMessage(db: Database, id: number, message: { en: string; zh: string }): Promise<void> {
  await db.run('UPDATE alerts SET message_en = $2, message_zh = $3 WHERE id = $1', [id, message.en, message.zh]);
}

export async function resolveAlert(db: Database, id: number, asOf: string): Promise<void> {
  await db.run(`UPDATE alerts SET state = 'resolved', resolved_as_of = $2::DATE, resolved_at = current_timestamp WHERE id = $1`, [id, asOf]);
}

/** rule × scope keys snoozed past `now` (open or already resolved): their messages are not sent meanwhile. */
export async function snoozedKeys(db: Database, now: Date): Promise<Set<string>> {
  const rows = await db.all('SELECT DISTINCT rule_key, scope_key FROM alerts WHERE snoozed_until > $1::TIMESTAMP', [now.toISOString().slice(0, 19)]);
  return new Set(rows.map((r) => `${String(r.rule_key)}\u0000${String(r.scope_key)}`));
}

/** `now` in UTC, as snoozes are written. */
export async function acknowledgeAlert(db: Database, id: number, now: Date): Promise<boolean> {
  return (await db.run('UPDATE alerts SET acknowledged_at = coalesce(acknowledged_at, $2::TIMESTAMP) WHERE id = $1', [id, now.toISOString().slice(0, 19)])) > 0;
}

export async function snoozeAlert(db: Database, id: number, until: Date): Promise<boolean> {
  return (await db.run('UPDATE alerts SET snoozed_until = $2::TIMESTAMP WHERE id = $1', [id, until.toISOString().slice(0, 19)])) > 0;
}

export interface DeliveryRecord {
  rowid: number;
  alert_id: number | null;
  channel: string;
  kind: 'open' | 'resolved' | 'digest';
  digest_day: string | null;
  status: 'pending' | 'held' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  body: { en: string; zh: string };
}

export async function addDelivery(
  db: Database, d: { alert_id: number | null; channel: string; kind: DeliveryRecord['kind']; digest_day?: string; body: { en: string; zh: string } },
): Promise<void> {
  await db.run(
    `INSERT INTO alert_deliveries (alert_id, channel, kind, digest_day, status, body_en, body_zh) VALUES ($1, $2, $3, $4::DATE, 'pending', $5, $6)`,
    [d.alert_id, d.channel, d.kind, d.digest_day ?? null, d.body.en, d.body.zh],
  );
}

const deliverySelect = `SELECT rowid, alert_id, channel, kind, strftime(digest_day, '%Y-%m-%d') AS digest_day, status, attempts,
  strftime(next_attempt_at, '%Y-%m-%dT%H:%M:%SZ') AS next_attempt_at, last_error, body_en, body_zh FROM alert_deliveries`;

function deliveryOf(r: Record<string, unknown>): DeliveryRecord {
  return {
    rowid: Number(r.rowid), alert_id: r.alert_id === null ? null : Number(r.alert_id), channel: String(r.channel), kind: String(r.kind) as DeliveryRecord['kind'],
    digest_day: text(r.digest_day), status: String(r.status) as DeliveryRecord['status'], attempts: Number(r.attempts),
    next_attempt_at: text(r.next_attempt_at), last_error: text(r.last_error), body: { en: String(r.body_en), zh: String(r.body_zh) },
  };
}

/** Deliveries not yet made (pending, held in quiet hours, or failed and waiting their next attempt). */
export async function undelivered(db: Database): Promise<DeliveryRecord[]> {
  return (await db.all(`${deliverySelect} WHERE status <> 'delivered' ORDER BY rowid`)).map(deliveryOf);
}

export async function deliveriesOf(db: Database, alertId: number): Promise<DeliveryRecord[]> {
  return (await db.all(`${deliverySelect} WHERE alert_id = $1 ORDER BY rowid`, [alertId])).map(deliveryOf);
}

/** Each digest's channel, day and delivery status. */
export async function digestStatuses(db: Database): Promise<{ channel: string; day: string; status: string }[]> {
  const rows = await db.all(`SELECT channel, strftime(digest_day, '%Y-%m-%d') AS day, status FROM alert_deliveries WHERE kind = 'digest'`);
  return rows.map((r) => ({ channel: String(r.channel), day: String(r.day), status: String(r.status) }));
}

export async function hasDigest(db: Database, channel: string, day: string): Promise<boolean> {
  return (await db.all(`SELECT 1 FROM alert_deliveries WHERE kind = 'digest' AND channel = $1 AND digest_day = $2::DATE LIMIT 1`, [channel, day])).length > 0;
}

export async function markDelivery(
  db: Database, rowid: number, d: { status: DeliveryRecord['status']; attempts: number; nextAttemptAt?: Date | null; error?: string | null },
): Promise<void> {
  await db.run(
    `UPDATE alert_deliveries SET status = $2, attempts = $3, next_attempt_at = $4::TIMESTAMP, last_error = $5,
       delivered_at = CASE WHEN $2 = 'delivered' THEN current_timestamp ELSE delivered_at END WHERE rowid = $1`,
    [rowid, d.status, d.attempts, d.nextAttemptAt ? d.nextAttemptAt.toISOString().slice(0, 19) : null, d.error ?? null],
  );
}

/** The last error per channel that has undelivered messages: an unreachable channel, for the Alerts page. */
export async function failingChannels(db: Database): Promise<{ channel: string; error: string; waiting: number }[]> {
  const rows = await db.all(`SELECT channel, arg_max(last_error, rowid) AS error, count(*) AS waiting FROM alert_deliveries
    WHERE status IN ('pending', 'failed') AND last_error IS NOT NULL GROUP BY channel ORDER BY channel`);
  return rows.map((r) => ({ channel: String(r.channel), error: String(r.error), waiting: Number(r.waiting) }));
}

export async function watchKeywordsAdded(db: Database): Promise<string[]> {
  return (await db.all('SELECT word FROM alert_keywords ORDER BY word')).map((r) => String(r.word));
}

export async function addWatchKeyword(db: Database, word: string): Promise<void> {
  await db.run('INSERT OR IGNORE INTO alert_keywords (word) VALUES ($1)', [word]);
}

/** New reviews in [from, to] at or below `maxRating` stars or containing a keyword (case-insensitive). */
export async function flaggedReviews(
  db: Database, from: string, to: string, maxRating: number, keywords: readonly string[],
): Promise<{ store: string; marketplace: string; asin: string; date: string; rating: number | null; title: string | null; keyword: string | null }[]> {
  const rows = await db.all(
    `SELECT store, marketplace, asin, strftime(review_date, '%Y-%m-%d') AS date, rating::DOUBLE AS rating, title, body
     FROM reviews WHERE review_date BETWEEN $1::DATE AND $2::DATE ORDER BY store, marketplace, asin, review_date`,
    [from, to],
  );
  const words = keywords.map((k) => k.toLowerCase());
  return rows.map((r) => {
    const haystack = `${text(r.title) ?? ''} ${text(r.body) ?? ''}`.toLowerCase();
    return {
      store: String(r.store), marketplace: String(r.marketplace), asin: String(r.asin), date: String(r.date),
      rating: r.rating === null ? null : Number(r.rating), title: text(r.title), keyword: words.find((k) => haystack.includes(k)) ?? null,
    };
  }).filter((r) => (r.rating !== null && r.rating <= maxRating) || r.keyword !== null);
}
