import { say } from '../domain/messages.ts';
import { AsterismError } from '../domain/errors.ts';
import type { Database, SqlRow } from './database.ts';

/**
 * Price suggestions wait for a person: `pending` until approved or rejected, once; an approved
 * price is exported once. Every decision is a row of `price_decisions` (who, when, why), so the log
 * is the history even after a suggestion has moved on.
 */
export type SuggestionStatus = 'pending' | 'approved' | 'rejected';
export type DecisionAction = 'approve' | 'reject' | 'export';

export interface NewSuggestion {
  store: string;
  marketplace: string;
  sku: string;
  asin: string | null;
  currency: string;
  current_price: string | null;
  break_even_price: string | null;
  target_margin_price: string | null;
  competitor_price: string | null;
  suggested_price: string | null;
  rules_applied: string[];
  details: Record<string, unknown>;
  created_by: string | null;
}

export interface SuggestionRecord extends Omit<NewSuggestion, 'details'> {
  id: number;
  status: SuggestionStatus;
  details: Record<string, unknown>;
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
  note: string | null;
  exported_at: string | null;
}

export interface DecisionRecord {
  id: number;
  suggestion_id: number;
  action: DecisionAction;
  user: string;
  at: string;
  note: string | null;
  sku: string;
  marketplace: string;
  suggested_price: string | null;
}

const money = ['current_price', 'break_even_price', 'target_margin_price', 'competitor_price', 'suggested_price'] as const;

export async function insertSuggestion(db: Database, s: NewSuggestion): Promise<SuggestionRecord> {
  const [row] = await db.all(
    `INSERT INTO price_suggestions (store, marketplace, sku, asin, currency, ${money.join(', ')}, rules_applied, details, status, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'pending', $13) RETURNING id`,
    [s.store, s.marketplace, s.sku, s.asin, s.currency, ...money.map((m) => s[m]), JSON.stringify(s.rules_applied), JSON.stringify(s.details), s.created_by],
  );
  const made = await getSuggestion(db, Number(row?.id));
  if (!made) throw new AsterismError('database_error', 'the price suggestion was not saved');
  return made;
}

const select = `SELECT id, store, marketplace, sku, asin, currency, ${money.map((m) => `CAST(${m} AS VARCHAR) AS ${m}`).join(', ')},
  rules_applied, details, status, CAST(created_at AS VARCHAR) AS created_at, created_by, CAST(decided_at AS VARCHAR) AS decided_at,
  decided_by, note, CAST(exported_at AS VARCHAR) AS exported_at FROM price_suggestions`;

function record(r: SqlRow): SuggestionRecord {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: Number(r.id), store: String(r.store), marketplace: String(r.marketplace), sku: String(r.sku), asin: text(r.asin), currency: String(r.currency),
    ...(Object.fromEntries(money.map((m) => [m, r[m] === null ? null : String(r[m]).replace(/(\.\d\d)0+$/, '$1')])) as Record<(typeof money)[number], string | null>),
    rules_applied: JSON.parse(String(r.rules_applied)) as string[], details: JSON.parse(String(r.details)) as Record<string, unknown>,
    status: String(r.status) as SuggestionStatus, created_at: String(r.created_at), created_by: text(r.created_by),
    decided_at: text(r.decided_at), decided_by: text(r.decided_by), note: text(r.note), exported_at: text(r.exported_at),
  };
}

export async function getSuggestion(db: Database, id: number): Promise<SuggestionRecord | null> {
  const [row] = await db.all(`${select} WHERE id = $1`, [id]);
  return row ? record(row) : null;
}

export interface SuggestionFilter {
  status?: string | undefined;
  store?: string | undefined;
  marketplace?: string | undefined;
  sku?: string | undefined;
}

export async function listSuggestions(db: Database, f: SuggestionFilter = {}): Promise<SuggestionRecord[]> {
  const rows = await db.all(
    `${select} WHERE ($1::VARCHAR IS NULL OR status = $1) AND ($2::VARCHAR IS NULL OR store = $2)
       AND ($3::VARCHAR IS NULL OR marketplace = $3) AND ($4::VARCHAR IS NULL OR sku = $4) ORDER BY id DESC`,
    [f.status ?? null, f.store ?? null, f.marketplace ?? null, f.sku ?? null],
  );
  return rows.map(record);
}

/** Approves or rejects a pending suggestion, once; the decision is logged with who, when and why. */
export async function decideSuggestion(db: Database, id: number, action: 'approve' | 'reject', user: string, note: string | null): Promise<SuggestionRecord> {
  return db.transaction(async () => {
    const current = await getSuggestion(db, id);
    if (!current) throw new AsterismError('not_found', say('no_price_suggestion', { id }));
    if (current.status !== 'pending') {
      throw new AsterismError('bad_request', say('suggestion_decided', { id, status: current.status, by: current.decided_by ?? '?', at: current.decided_at ?? '?' }));
    }
    if (action === 'approve' && current.suggested_price === null) throw new AsterismError('bad_request', say('suggestion_without_price', { id }));
    const status: SuggestionStatus = action === 'approve' ? 'approved' : 'rejected';
    await db.run('UPDATE price_suggestions SET status = $1, decided_at = current_timestamp, decided_by = $2, note = $3 WHERE id = $4', [status, user, note, id]);
    await db.run('INSERT INTO price_decisions (suggestion_id, action, user_name, note) VALUES ($1, $2, $3, $4)', [id, action, user, note]);
    const after = await getSuggestion(db, id);
    if (!after) throw new AsterismError('database_error', `price suggestion ${id} vanished`);
    return after;
  });
}

export async function listDecisions(db: Database, f: { suggestion_id?: number | undefined; sku?: string | undefined } = {}): Promise<DecisionRecord[]> {
  const rows = await db.all(
    `SELECT d.id, d.suggestion_id, d.action, d.user_name, CAST(d.decided_at AS VARCHAR) AS at, d.note, s.sku, s.marketplace, CAST(s.suggested_price AS VARCHAR) AS suggested_price
     FROM price_decisions d JOIN price_suggestions s ON s.id = d.suggestion_id
     WHERE ($1::BIGINT IS NULL OR d.suggestion_id = $1) AND ($2::VARCHAR IS NULL OR s.sku = $2) ORDER BY d.id`,
    [f.suggestion_id ?? null, f.sku ?? null],
  );
  return rows.map((r) => ({
    id: Number(r.id), suggestion_id: Number(r.suggestion_id), action: String(r.action) as DecisionAction, user: String(r.user_name), at: String(r.at),
    note: r.note === null ? null : String(r.note), sku: String(r.sku), marketplace: String(r.marketplace),
    suggested_price: r.suggested_price === null ? null : String(r.suggested_price).replace(/(\.\d\d)0+$/, '$1'),
  }));
}

/** Approved prices not yet exported (the latest approval per SKU and marketplace wins). */
export async function approvedToExport(db: Database, f: { store?: string | undefined; marketplace?: string | undefined }): Promise<SuggestionRecord[]> {
  const rows = await db.all(
    `${select} WHERE status = 'approved' AND exported_at IS NULL AND ($1::VARCHAR IS NULL OR store = $1) AND ($2::VARCHAR IS NULL OR marketplace = $2)
     ORDER BY id`,
    [f.store ?? null, f.marketplace ?? null],
  );
  const latest = new Map<string, SuggestionRecord>();
  for (const r of rows.map(record)) latest.set(`${r.store}\t${r.marketplace}\t${r.sku}`, r);
  return [...latest.values()];
}

/** Marks the exported suggestions (and any older approvals of the same SKUs they replace) as exported, logged. */
export async function markExported(db: Database, exported: readonly SuggestionRecord[], user: string, note: string): Promise<void> {
  await db.transaction(async () => {
    for (const s of exported) {
      await db.run(
        `UPDATE price_suggestions SET exported_at = current_timestamp
         WHERE status = 'approved' AND exported_at IS NULL AND store = $1 AND marketplace = $2 AND sku = $3 AND id <= $4`,
        [s.store, s.marketplace, s.sku, s.id],
      );
      await db.run("INSERT INTO price_decisions (suggestion_id, action, user_name, note) VALUES ($1, 'export', $2, $3)", [s.id, user, note]);
    }
  });
}

/** A channel's price file (Walmart, Shopify): the latest approved price per SKU not yet exported to that channel. */
export async function approvedForChannel(db: Database, channel: string, f: { store?: string | undefined; marketplace?: string | undefined }): Promise<SuggestionRecord[]> {
  const rows = await db.all(
    `${select} WHERE status = 'approved' AND ($1::VARCHAR IS NULL OR store = $1) AND ($2::VARCHAR IS NULL OR marketplace = $2)
       AND id = (SELECT max(l.id) FROM price_suggestions l WHERE l.status = 'approved' AND l.store = price_suggestions.store
                   AND l.marketplace = price_suggestions.marketplace AND l.sku = price_suggestions.sku)
       AND id NOT IN (SELECT suggestion_id FROM channel_price_exports WHERE channel = $3)
     ORDER BY id`,
    [f.store ?? null, f.marketplace ?? null, channel],
  );
  return rows.map(record);
}

/** Marks approved prices exported to a channel's file, logged as an export decision naming the channel. */
export async function markChannelExported(db: Database, channel: string, exported: readonly SuggestionRecord[], user: string, note: string): Promise<void> {
  await db.transaction(async () => {
    for (const s of exported) {
      await db.run('INSERT INTO channel_price_exports (suggestion_id, channel, user_name) VALUES ($1, $2, $3)', [s.id, channel, user]);
      await db.run("INSERT INTO price_decisions (suggestion_id, action, user_name, note) VALUES ($1, 'export', $2, $3)", [s.id, user, note]);
    }
  });
}

/** Shopify's handle and options of each SKU (its product export), for its product CSV. */
export async function shopifyListings(db: Database, store: string | undefined, skus: readonly string[]): Promise<Map<string, { handle: string | null; options: (string | null)[] }>> {
  if (skus.length === 0) return new Map();
  const rows = await db.all(
    `SELECT sku, handle, option1_value, option2_value, option3_value FROM channel_listings
     WHERE channel = 'shopify' AND ($1::VARCHAR IS NULL OR store = $1) AND sku IN (${skus.map((_, i) => `$${i + 2}`).join(', ')})`,
    [store ?? null, ...skus],
  );
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return new Map(rows.map((r) => [String(r.sku), { handle: text(r.handle), options: [text(r.option1_value), text(r.option2_value), text(r.option3_value)] }]));
}
