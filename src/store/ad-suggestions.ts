import { AsterismError } from '../domain/errors.ts';
import { say } from '../domain/messages.ts';
import type { Database, SqlRow } from './database.ts';

/**
 * Ads suggestions wait for a person, as prices do (store/price-suggestions.ts): `pending` until approved or rejected
 * once; an approved change is exported once. Every decision is a row of `ad_decisions` (who, when, why). A suggestion
 * asked again (same key) is the same row: a pending one takes the new evidence; a decided one stays as decided.
 */
export type AdSuggestionStatus = 'pending' | 'approved' | 'rejected';

export interface NewAdSuggestion {
  key: string;
  kind: string;
  store: string;
  marketplace: string;
  ad_type: string;
  attribution_days: number | null;
  currency: string | null;
  from: string;
  to: string;
  scope: Record<string, unknown>;
  evidence: Record<string, unknown>;
  change: Record<string, unknown>;
  created_by: string | null;
}

export interface AdSuggestionRecord {
  id: number;
  key: string;
  kind: string;
  store: string;
  marketplace: string;
  ad_type: string;
  attribution_days: number | null;
  currency: string | null;
  from: string | null;
  to: string | null;
  scope: Record<string, unknown>;
  evidence: Record<string, unknown>;
  change: Record<string, unknown>;
  status: AdSuggestionStatus;
  created_at: string;
  created_by: string | null;
  decided_at: string | null;
  decided_by: string | null;
  note: string | null;
  exported_at: string | null;
}

const select = `SELECT id, key, kind, store, marketplace, ad_type, attribution_days, currency, CAST(period_from AS VARCHAR) AS period_from,
  CAST(period_to AS VARCHAR) AS period_to, scope, evidence, change, status, CAST(created_at AS VARCHAR) AS created_at, created_by,
  CAST(decided_at AS VARCHAR) AS decided_at, decided_by, note, CAST(exported_at AS VARCHAR) AS exported_at FROM ad_suggestions`;

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

function record(r: SqlRow): AdSuggestionRecord {
  return {
    id: Number(r.id), key: String(r.key), kind: String(r.kind), store: String(r.store), marketplace: String(r.marketplace), ad_type: String(r.ad_type),
    attribution_days: r.attribution_days === null ? null : Number(r.attribution_days), currency: text(r.currency),
    from: text(r.period_from), to: text(r.period_to),
    scope: JSON.parse(String(r.scope)) as Record<string, unknown>, evidence: JSON.parse(String(r.evidence)) as Record<string, unknown>,
    change: JSON.parse(String(r.change)) as Record<string, unknown>, status: String(r.status) as AdSuggestionStatus,
    created_at: String(r.created_at), created_by: text(r.created_by), decided_at: text(r.decided_at), decided_by: text(r.decided_by),
    note: text(r.note), exported_at: text(r.exported_at),
  };
}

/** Stores the suggestions (one write): new keys are added pending, pending ones take the new evidence, decided ones stay. */
export async function saveAdSuggestions(db: Database, list: readonly NewAdSuggestion[]): Promise<AdSuggestionRecord[]> {
  if (list.length === 0) return [];
  const ids = await db.transaction(async () => {
    const out: number[] = [];
    for (const s of list) {
      const [latest] = await db.all(`SELECT id, status FROM ad_suggestions WHERE key = $1 ORDER BY id DESC LIMIT 1`, [s.key]);
      const values = [s.currency, s.from, s.to, JSON.stringify(s.scope), JSON.stringify(s.evidence), JSON.stringify(s.change)];
      if (latest && String(latest.status) === 'pending') {
        await db.run(`UPDATE ad_suggestions SET currency = $1, period_from = CAST($2 AS DATE), period_to = CAST($3 AS DATE), scope = $4, evidence = $5, change = $6 WHERE id = $7`, [...values, Number(latest.id)]);
        out.push(Number(latest.id));
      } else if (latest && String(latest.status) === 'approved' && (await sameChange(db, Number(latest.id), s.change))) {
        out.push(Number(latest.id));
      } else if (latest && String(latest.status) === 'rejected') {
        // a rejected change is not asked again for the same key; it stays in the list as rejected
        out.push(Number(latest.id));
      } else {
        const [row] = await db.all(
          `INSERT INTO ad_suggestions (key, kind, store, marketplace, ad_type, attribution_days, currency, period_from, period_to, scope, evidence, change, status, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, CAST($8 AS DATE), CAST($9 AS DATE), $10, $11, $12, 'pending', $13) RETURNING id`,
          [s.key, s.kind, s.store, s.marketplace, s.ad_type, s.attribution_days, ...values, s.created_by],
        );
        out.push(Number(row?.id));
      }
    }
    return out;
  });
  const rows = ids.length === 0 ? [] : await db.all(`${select} WHERE id IN (${ids.map((_, i) => `$${i + 1}`).join(', ')}) ORDER BY id`, ids);
  return rows.map(record);
}

async function sameChange(db: Database, id: number, change: Record<string, unknown>): Promise<boolean> {
  const current = await getAdSuggestion(db, id);
  return current !== null && JSON.stringify(current.change) === JSON.stringify(change);
}

export async function getAdSuggestion(db: Database, id: number): Promise<AdSuggestionRecord | null> {
  const [row] = await db.all(`${select} WHERE id = $1`, [id]);
  return row ? record(row) : null;
}

export interface AdSuggestionFilter {
  status?: string | undefined;
  store?: string | undefined;
  marketplace?: string | undefined;
  kinds?: readonly string[] | undefined;
}

export async function listAdSuggestions(db: Database, f: AdSuggestionFilter = {}): Promise<AdSuggestionRecord[]> {
  const rows = await db.all(
    `${select} WHERE (CAST($1 AS VARCHAR) IS NULL OR status = $1) AND (CAST($2 AS VARCHAR) IS NULL OR store = $2) AND (CAST($3 AS VARCHAR) IS NULL OR marketplace = $3)
       ${f.kinds ? (f.kinds.length === 0 ? 'AND false' : `AND kind IN (${f.kinds.map((_, i) => `$${i + 4}`).join(', ')})`) : ''} ORDER BY id`,
    [f.status ?? null, f.store ?? null, f.marketplace ?? null, ...(f.kinds ?? [])],
  );
  return rows.map(record);
}

/** Approves or rejects a pending suggestion, once, logged with who, when and why; the check is made again inside the write. */
export async function decideAdSuggestion(db: Database, id: number, action: 'approve' | 'reject', user: string, note: string | null): Promise<AdSuggestionRecord> {
  return db.transaction(async () => {
    const current = await getAdSuggestion(db, id);
    if (!current) throw new AsterismError('not_found', say('no_ad_suggestion', { id }));
    if (current.status !== 'pending') {
      throw new AsterismError('bad_request', say('ad_suggestion_decided', { id, status: current.status, by: current.decided_by ?? '?', at: current.decided_at ?? '?' }));
    }
    await db.run('UPDATE ad_suggestions SET status = $1, decided_at = current_timestamp, decided_by = $2, note = $3 WHERE id = $4', [action === 'approve' ? 'approved' : 'rejected', user, note, id]);
    await db.run('INSERT INTO ad_decisions (suggestion_id, action, user_name, note) VALUES ($1, $2, $3, $4)', [id, action, user, note]);
    const after = await getAdSuggestion(db, id);
    if (!after) throw new AsterismError('database_error', `ads suggestion ${id} vanished`);
    return after;
  });
}

export interface AdDecisionRecord {
  id: number;
  suggestion_id: number;
  action: string;
  user: string;
  at: string;
  note: string | null;
  kind: string;
}

export async function listAdDecisions(db: Database, suggestionId: number | null): Promise<AdDecisionRecord[]> {
  const rows = await db.all(
    `SELECT d.id, d.suggestion_id, d.action, d.user_name, CAST(d.decided_at AS VARCHAR) AS at, d.note, s.kind
       FROM ad_decisions d JOIN ad_suggestions s ON s.id = d.suggestion_id WHERE (CAST($1 AS BIGINT) IS NULL OR d.suggestion_id = $1) ORDER BY d.id`,
    [suggestionId],
  );
  return rows.map((r) => ({ id: Number(r.id), suggestion_id: Number(r.suggestion_id), action: String(r.action), user: String(r.user_name), at: String(r.at), note: text(r.note), kind: String(r.kind) }));
}

/** Approved changes not exported yet. */
export async function approvedAdChanges(db: Database, f: { store?: string | undefined; marketplace?: string | undefined }): Promise<AdSuggestionRecord[]> {
  const rows = await db.all(
    `${select} WHERE status = 'approved' AND exported_at IS NULL AND (CAST($1 AS VARCHAR) IS NULL OR store = $1) AND (CAST($2 AS VARCHAR) IS NULL OR marketplace = $2) ORDER BY id`,
    [f.store ?? null, f.marketplace ?? null],
  );
  return rows.map(record);
}

/** Marks them exported and logs each export (one write). */
export async function markAdChangesExported(db: Database, ids: readonly number[], user: string, note: string): Promise<void> {
  await db.transaction(async () => {
    for (const id of ids) {
      await db.run(`UPDATE ad_suggestions SET exported_at = current_timestamp WHERE id = $1 AND status = 'approved' AND exported_at IS NULL`, [id]);
      await db.run(`INSERT INTO ad_decisions (suggestion_id, action, user_name, note) VALUES ($1, 'export', $2, $3)`, [id, user, note]);
    }
  });
}
