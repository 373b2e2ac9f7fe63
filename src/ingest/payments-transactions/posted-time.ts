/**
 * The posted time of a Payments date-range transaction line. The shape follows the Seller
 * Central UI language, and the zone is written as an abbreviation or a GMT offset, so both
 * are listed here as data. Sources: src/ingest/README.md "Localized headers".
 */
export const zoneOffsets: Readonly<Record<string, string>> = {
  PST: '-08:00', PDT: '-07:00', MST: '-07:00', MDT: '-06:00', CST: '-06:00', CDT: '-05:00', EST: '-05:00', EDT: '-04:00',
  UTC: '+00:00', GMT: '+00:00', BST: '+01:00', CET: '+01:00', CEST: '+02:00', JST: '+09:00',
  AEST: '+10:00', AEDT: '+11:00',
};

const months: Readonly<Record<string, string>> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};

/**
 * Month words of the day-first shape (`1 juil. 2026 08:31:35 UTC`, `2 oct 2025 15:04:50 UTC`), full names;
 * a written word is read as the month whose name it starts (3 letters at least, a trailing `.` dropped), so
 * `juil.`, `juillet`, `janv.`, `oct`, `sept` all read, and a word two months could start (`ma`, `jui`) reads
 * as none. fr, es and en (the UK file: `12 Nov 2017 00:01:31 GMT+00:00`, find_string id 29703855872; an English-UI
 * EU file `2 Dec 2019 08:06:49 GMT+00:00`, 27225543384), nl, sv, pl and tr (below): the languages a real value was
 * found for (see shapes below).
 */
const dayFirstMonths: readonly (readonly [string, string])[] = [
  ...['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
    .map((name, i) => [name, String(i + 1).padStart(2, '0')] as const),
  ...['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']
    .map((name, i) => [name, String(i + 1).padStart(2, '0')] as const),
  ...['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre']
    .map((name, i) => [name, String(i + 1).padStart(2, '0')] as const),
  // nl, sv, pl: the month names of an Amazon monthly-transactions reader (find_string id 60598719623; its tests read
  // `5 mei 2026 20:16:37 UTC`, `6 maj 2026 07:16:12 UTC`, `1 lip 2026 12:04:49 UTC`: 60250816615)
  ...['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december']
    .map((name, i) => [name, String(i + 1).padStart(2, '0')] as const),
  ...['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december']
    .map((name, i) => [name, String(i + 1).padStart(2, '0')] as const),
  ...['styczeń', 'luty', 'marzec', 'kwiecień', 'maj', 'czerwiec', 'lipiec', 'sierpień', 'wrzesień', 'październik', 'listopad', 'grudzień']
    .map((name, i) => [name, String(i + 1).padStart(2, '0')] as const),
  // tr: `1 Haz 2026 12:55:55 UTC`, rows of a real amazon.com.tr June file quoted in tests (56958579700), read with
  // `Oca Şub Mar Nis May Haz Tem Ağu Eyl Eki Kas Ara` (56771628347); the full names 61587609392
  ...['ocak', 'şubat', 'mart', 'nisan', 'mayıs', 'haziran', 'temmuz', 'ağustos', 'eylül', 'ekim', 'kasım', 'aralık']
    .map((name, i) => [name, String(i + 1).padStart(2, '0')] as const),
];

/** Abbreviations that do not start their month's name: nl `mrt` (maart), 60598719623. */
const dayFirstAbbreviations: Readonly<Record<string, string>> = { mrt: '03' };

function dayFirstMonth(word: string): string | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (dayFirstAbbreviations[w]) return dayFirstAbbreviations[w];
  if (w.length < 3) return undefined;
  const found = new Set(dayFirstMonths.filter(([name]) => name.startsWith(w)).map(([, month]) => month));
  return found.size === 1 ? [...found][0] : undefined;
}

interface Parts { year: string; month: string; day: string; hour: number; min: string; sec: string; zone: string }

/** Italian month abbreviations of `05/giu/2014 15.40.20 GMT+00.00` (Java's Locale.ITALY short months, which
 * the source parses them with: find_string id 29703855872; `dic` in 27225543384, `giu` in the file). */
const italianMonths = ['gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic'];

/** Portuguese month abbreviations of `1 de mar. de 2026 00:15:19 GMT-8` (find_string ids 51825627281, 51917790531) */
const portugueseMonths = ['jan', 'fev', 'mar', 'abr', 'mai', 'jun', 'jul', 'ago', 'set', 'out', 'nov', 'dez'];

const monthOf = (names: readonly string[], word: string): string | undefined => {
  const i = names.indexOf(word.toLowerCase().replace(/\.$/, ''));
  return i < 0 ? undefined : String(i + 1).padStart(2, '0');
};

/** A shape two languages would read differently (`06/12/2019`: 6 December or June 12), read only where
 * the file's language says so (locale.ts). */
export type LocaleDateShape = 'day-first-slashed';

/**
 * One entry per written shape. en: `Feb 1, 2020 12:24:25 AM PST`; de: `30.10.2018 23:23:19 GMT+00:00`
 * (a real line quoted in code, find_string id 32346328953); ja: `2026/07/03 12:34:56 JST` (ids 63088814960, 70082111403),
 * `2019/12/02 17:37:04JST` (27225543384, 29703855872).
 * fr: `1 juil. 2026 08:31:35 UTC`, `5 janv. 2026 08:31:35 UTC` (a fixture line and tests of a French Pennylane
 * exporter, find_string id 61946964025); es: `2 oct 2025 15:04:50 UTC` (the date comment of a Spanish P&L
 * builder, ids 37866748509, 37848450144). it: `11/nov/2017 23.06.29 GMT+00.00` (29703855872), `10/dic/2019 01.59.23
 * GMT+00.00` (27225543384). pt-BR: `1 de mar. de 2026 00:15:19 GMT-8` (51825627281, 51917790531).
 */
const shapes: readonly ((text: string) => Parts | undefined)[] = [
  (text) => {
    const m = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),\s*(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})\s*([AP]M)\s+(\S+)$/i.exec(text);
    if (!m) return undefined;
    const [, mon = '', day = '', year = '', h = '', min = '', sec = '', ampm = '', zone = ''] = m;
    const hour12 = Number(h);
    if (hour12 < 1 || hour12 > 12) return undefined;
    const hour = (hour12 % 12) + (ampm.toUpperCase() === 'PM' ? 12 : 0);
    return { year, month: months[mon.toLowerCase()] ?? '', day, hour, min, sec, zone };
  },
  (text) => {
    const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(\S+)$/.exec(text);
    if (!m) return undefined;
    const [, day = '', month = '', year = '', h = '', min = '', sec = '', zone = ''] = m;
    return { year, month, day, hour: Number(h), min, sec, zone };
  },
  (text) => {
    const m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s*([A-Za-z]\S*)$/.exec(text);
    if (!m) return undefined;
    const [, year = '', month = '', day = '', h = '', min = '', sec = '', zone = ''] = m;
    return { year, month, day, hour: Number(h), min, sec, zone };
  },
  (text) => {
    const m = /^(\d{1,2})\s+(\p{L}+\.?)\s+(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(\S+)$/u.exec(text);
    if (!m) return undefined;
    const [, day = '', word = '', year = '', h = '', min = '', sec = '', zone = ''] = m;
    const month = dayFirstMonth(word);
    return month ? { year, month, day, hour: Number(h), min, sec, zone } : undefined;
  },
  (text) => {
    // en-CA: `2019-12-18 11:41:16 PM PST` (27225543384), `2017-11-10 12:25:54 AM PST` (29703855872)
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s*([AP]M)\s+(\S+)$/i.exec(text);
    if (!m) return undefined;
    const [, year = '', month = '', day = '', h = '', min = '', sec = '', ampm = '', zone = ''] = m;
    const hour12 = Number(h);
    if (hour12 < 1 || hour12 > 12) return undefined;
    return { year, month, day, hour: (hour12 % 12) + (ampm.toUpperCase() === 'PM' ? 12 : 0), min, sec, zone };
  },
  (text) => {
    // it: the time written with dots
    const m = /^(\d{1,2})\/(\p{L}{3})\/(\d{4})\s+(\d{1,2})[.:](\d{2})[.:](\d{2})\s+(\S+)$/u.exec(text);
    if (!m) return undefined;
    const [, day = '', word = '', year = '', h = '', min = '', sec = '', zone = ''] = m;
    const month = monthOf(italianMonths, word);
    return month ? { year, month, day, hour: Number(h), min, sec, zone } : undefined;
  },
  (text) => {
    const m = /^(\d{1,2}) de (\p{L}{3})\.? de (\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(\S+)$/u.exec(text);
    if (!m) return undefined;
    const [, day = '', word = '', year = '', h = '', min = '', sec = '', zone = ''] = m;
    const month = monthOf(portugueseMonths, word);
    return month ? { year, month, day, hour: Number(h), min, sec, zone } : undefined;
  },
];

const localeShapes: Readonly<Record<LocaleDateShape, (text: string) => Parts | undefined>> = {
  // es `12/11/2017 13:35:53 GMT+00:00` (29703855872, `dd/MM/yyyy`), `09/12/2019 08:37:20 GMT+00:00` → 9 December;
  // mx `06/12/2019 06:20:47 PST` → 6 December (27225543384)
  'day-first-slashed': (text) => {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(\S+)$/.exec(text);
    if (!m) return undefined;
    const [, day = '', month = '', year = '', h = '', min = '', sec = '', zone = ''] = m;
    return { year, month, day, hour: Number(h), min, sec, zone };
  },
};

/** `PST`, `JST`, `GMT+00:00`, `GMT+00.00`, `GMT-8`, `UTC+01:00` → `-08:00`, `+09:00`, `+00:00`, …; undefined when unknown. */
function offsetOf(zone: string): string | undefined {
  const named = zoneOffsets[zone.toUpperCase()];
  if (named) return named;
  const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?:[:.]?(\d{2}))?$/i.exec(zone);
  if (!m || Number(m[2]) > 14) return undefined;
  return `${m[1]}${(m[2] ?? '').padStart(2, '0')}:${m[3] ?? '00'}`;
}

/** The instant of a posted-time text, or undefined when it is not one (unknown zone included). `extra`: the
 * shapes only the file's language writes (locale.ts). */
export function parsePostedTime(text: string, extra: readonly LocaleDateShape[] = []): Date | undefined {
  const trimmed = text.trim();
  for (const shape of [...shapes, ...extra.map((name) => localeShapes[name])]) {
    const parts = shape(trimmed);
    if (parts) return instantOf(parts);
  }
  return undefined;
}

function instantOf({ year, month, day, hour, min, sec, zone }: Parts): Date | undefined {
  const offset = offsetOf(zone);
  const mm = month.padStart(2, '0');
  const dd = day.padStart(2, '0');
  if (!offset || !/^(0[1-9]|1[0-2])$/.test(mm) || hour > 23 || Number(min) > 59 || Number(sec) > 59) return undefined;
  const instant = new Date(`${year}-${mm}-${dd}T${String(hour).padStart(2, '0')}:${min}:${sec}${offset}`);
  // `Feb 30` would roll over into March: refuse days the month does not have
  const written = new Date(Date.UTC(Number(year), Number(mm) - 1, Number(dd)));
  return Number.isNaN(instant.getTime()) || written.getUTCDate() !== Number(dd) ? undefined : instant;
}
