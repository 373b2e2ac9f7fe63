import { say } from '../domain/messages.ts';
import { AsterismError } from '../domain/errors.ts';
import { eventOrigins, eventTypes, isEventOrigin, isEventType, type EventOrigin, type EventType } from '../domain/event-types.ts';
import { parseIsoDate } from '../domain/local-date.ts';
import { marketplaceByCode } from '../domain/marketplaces.ts';
import type { Database, SqlParam, SqlRow } from './database.ts';

/**
 * Events (SPEC §4 confounders): imported from a master-data file, entered by the user, or detected
 * from the data. An event without an ASIN, marketplace or store concerns all of them, so a filter
 * on that field still lists it. An event without an end date lasts its one day.
 */
export interface EventRecord {
  id: number;
  date: string;
  end_date: string;
  type: string;
  asin: string | null;
  marketplace: string | null;
  store: string | null;
  /** as entered or imported; English for detected events */
  note: string | null;
  /** Chinese note of a detected event */
  note_zh: string | null;
  origin: EventOrigin;
}

export interface EventInput {
  date: string;
  end_date?: string | undefined;
  type: string;
  asin?: string | undefined;
  marketplace?: string | undefined;
  store?: string | undefined;
  note?: string | undefined;
}

export interface EventFilter {
  from?: string | undefined;
  to?: string | undefined;
  store?: string | undefined;
  marketplace?: string | undefined;
  asin?: string | undefined;
  origins?: readonly string[] | undefined;
}

/** A detected event as the detection runner hands it over (dates already checked). */
export interface NewEvent {
  date: string;
  end_date: string;
  type: EventType;
  asin: string | null;
  marketplace: string | null;
  store: string | null;
  note: string;
  note_zh: string;
}

export async function addEvent(db: Database, input: EventInput): Promise<EventRecord> {
  const e = await checkEvent(db, input);
  const [row] = await db.all(
    `INSERT INTO events (store, marketplace, date_from, date_to, type, asin, note, origin)
     VALUES ($1, $2, $3::DATE, $4::DATE, $5, $6, $7, 'entered') RETURNING id`,
    [e.store, e.marketplace, e.date, e.end_date, e.type, e.asin, e.note],
  );
  const [saved] = await selectEvents(db, 'id = $1', [Number(row?.id)]);
  if (!saved) throw new AsterismError('database_error', say('not_saved', { what: { en: 'event', zh: '事件' } }));
  return saved;
}

export async function listEvents(db: Database, filter: EventFilter = {}): Promise<EventRecord[]> {
  const where: string[] = [];
  const params: SqlParam[] = [];
  const add = (sql: (p: string) => string, value: SqlParam) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  const from = filter.from === undefined ? undefined : parseIsoDate(filter.from, '--from');
  const to = filter.to === undefined ? undefined : parseIsoDate(filter.to, '--to');
  if (from && to && from > to) throw new AsterismError('bad_date', say('from_after_to', { from, to }));
  if (from) add((p) => `coalesce(date_to, date_from) >= ${p}::DATE`, from);
  if (to) add((p) => `date_from <= ${p}::DATE`, to);
  if (filter.store) add((p) => `(store IS NULL OR store = ${p})`, filter.store);
  if (filter.marketplace) add((p) => `(marketplace IS NULL OR marketplace = ${p})`, marketplaceCode(filter.marketplace));
  if (filter.asin) add((p) => `(asin IS NULL OR asin = ${p})`, filter.asin.trim().toUpperCase());
  if (filter.origins?.length) {
    const origins = filter.origins.map(originOf);
    where.push(`origin IN (${origins.map((o) => `'${o}'`).join(', ')})`);
  }
  return selectEvents(db, where.join(' AND ') || 'TRUE', params);
}

/** Replaces the detected events of a scope and period by a new detection (one transaction), so a
 * re-run never duplicates them. Detected events that overlap the period are the ones replaced. */
export async function replaceDetectedEvents(
  db: Database, scope: Omit<EventFilter, 'origins'>, events: readonly NewEvent[],
): Promise<{ removed: number; added: number }> {
  const where = ["origin = 'detected'"];
  const params: SqlParam[] = [];
  const add = (sql: (p: string) => string, value: SqlParam) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (scope.from) add((p) => `coalesce(date_to, date_from) >= ${p}::DATE`, scope.from);
  if (scope.to) add((p) => `date_from <= ${p}::DATE`, scope.to);
  if (scope.store) add((p) => `store = ${p}`, scope.store);
  if (scope.marketplace) add((p) => `marketplace = ${p}`, marketplaceCode(scope.marketplace));
  if (scope.asin) add((p) => `asin = ${p}`, scope.asin.toUpperCase());
  return db.transaction(async () => {
    const [before] = await db.all(`SELECT count(*) AS n FROM events WHERE ${where.join(' AND ')}`, params);
    await db.run(`DELETE FROM events WHERE ${where.join(' AND ')}`, params);
    for (const e of events) {
      await db.run(
        `INSERT INTO events (store, marketplace, date_from, date_to, type, asin, note, note_zh, origin)
         VALUES ($1, $2, $3::DATE, $4::DATE, $5, $6, $7, $8, 'detected')`,
        [e.store, e.marketplace, e.date, e.end_date, e.type, e.asin, e.note, e.note_zh],
      );
    }
    return { removed: Number(before?.n ?? 0), added: events.length };
  });
}

async function selectEvents(db: Database, where: string, params: SqlParam[]): Promise<EventRecord[]> {
  const rows = await db.all(
    `SELECT id, CAST(date_from AS VARCHAR) AS date, CAST(coalesce(date_to, date_from) AS VARCHAR) AS end_date,
            type, asin, marketplace, store, note, note_zh, origin
     FROM events WHERE ${where}
     ORDER BY date_from, coalesce(date_to, date_from), type, asin NULLS FIRST, marketplace NULLS FIRST, id`,
    params,
  );
  return rows.map(toRecord);
}

function toRecord(r: SqlRow): EventRecord {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: Number(r.id), date: String(r.date), end_date: String(r.end_date), type: String(r.type),
    asin: text(r.asin), marketplace: text(r.marketplace), store: text(r.store),
    note: text(r.note), note_zh: text(r.note_zh), origin: originOf(String(r.origin)),
  };
}

async function checkEvent(db: Database, input: EventInput) {
  const date = parseIsoDate(input.date, 'event date');
  const end = input.end_date ? parseIsoDate(input.end_date, 'event end date') : null;
  if (end && end < date) throw new AsterismError('bad_date', say('end_before_start', { what: { en: 'event', zh: '事件' }, end, date }));
  const type = input.type.trim().toLowerCase();
  if (!isEventType(type)) {
    throw new AsterismError('bad_request', say('unknown_of', { what: { en: 'event type', zh: '事件类型' }, value: input.type, known: eventTypes.join(', ') }));
  }
  const asin = input.asin?.trim().toUpperCase() || null;
  if (asin && !/^[A-Z0-9]{10}$/.test(asin)) {
    throw new AsterismError('bad_request', say('field_not_asin', { value: input.asin ?? '' }));
  }
  const store = input.store?.trim() || 'default';
  const known = await db.all('SELECT name FROM stores ORDER BY name');
  if (!known.some((s) => s.name === store)) {
    throw new AsterismError('not_found', say('unknown_store', { value: store, known: known.map((s) => String(s.name)).join(', ') }));
  }
  const marketplace = input.marketplace?.trim() ? marketplaceCode(input.marketplace) : null;
  return { date, end_date: end, type, asin, store, marketplace, note: input.note?.trim() || null };
}

function marketplaceCode(code: string): string {
  const m = marketplaceByCode(code.trim());
  if (!m) throw new AsterismError('bad_marketplace', say('unknown_marketplace_code', { value: code, more: '' }));
  return m.code;
}

function originOf(text: string): EventOrigin {
  if (!isEventOrigin(text)) throw new AsterismError('bad_request', say('unknown_of', { what: { en: 'event origin', zh: '事件来源' }, value: text, known: eventOrigins.join(', ') }));
  return text;
}
