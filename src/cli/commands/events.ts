import { detectEvents } from '../../app/detect-events.ts';
import type { Problem } from '../../domain/errors.ts';
import type { Database } from '../../store/database.ts';
import { addEvent, listEvents, type EventRecord } from '../../store/events.ts';

/**
 * `asterism events add|list|detect` (cli.md "events"): parse the options, call one function, hand
 * back the JSON answer and the table to print. Not wired here: main.ts decides how a database is opened.
 */
export interface CommandAnswer<T> {
  json: T;
  columns: string[];
  rows: Record<string, string | number | null>[];
}

export interface EventsAddOptions {
  date: string;
  endDate?: string;
  type: string;
  asin?: string;
  marketplace?: string;
  store?: string;
  note?: string;
}

export interface EventsListOptions {
  from?: string;
  to?: string;
  store?: string;
  marketplace?: string;
  asin?: string;
  /** repeatable or comma-separated: imported, entered, detected */
  origin?: string | string[];
  lang?: 'zh' | 'en';
}

export type EventsDetectOptions = Omit<EventsListOptions, 'origin'>;

export const eventColumns = ['id', 'date', 'end_date', 'type', 'asin', 'marketplace', 'store', 'origin', 'note'];

export async function runEventsAdd(db: Database, o: EventsAddOptions): Promise<CommandAnswer<{ event: EventRecord }>> {
  const event = await addEvent(db, {
    date: o.date, end_date: o.endDate, type: o.type, asin: o.asin, marketplace: o.marketplace, store: o.store, note: o.note,
  });
  return { json: { event }, columns: eventColumns, rows: [row(event)] };
}

export async function runEventsList(db: Database, o: EventsListOptions): Promise<CommandAnswer<{ events: EventRecord[] }>> {
  const origins = [o.origin ?? []].flat().flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const events = await listEvents(db, { from: o.from, to: o.to, store: o.store, marketplace: o.marketplace, asin: o.asin, origins });
  return { json: { events }, columns: eventColumns, rows: events.map((e) => row(e, o.lang)) };
}

/** Detects events in the period and replaces the detected events stored for it. */
export async function runEventsDetect(
  db: Database, o: EventsDetectOptions,
): Promise<CommandAnswer<{ events: EventRecord[]; removed: number; added: number; problems: Problem[] }>> {
  const answer = await detectEvents(db, { from: o.from, to: o.to, store: o.store, marketplace: o.marketplace, asin: o.asin });
  return { json: answer, columns: eventColumns, rows: answer.events.map((e) => row(e, o.lang)) };
}

function row(e: EventRecord, lang: 'zh' | 'en' = 'en'): Record<string, string | number | null> {
  const note = lang === 'zh' ? e.note_zh ?? e.note : e.note;
  return { id: e.id, date: e.date, end_date: e.end_date, type: e.type, asin: e.asin, marketplace: e.marketplace, store: e.store, origin: e.origin, note };
}
