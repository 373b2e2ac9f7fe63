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
 * as none. Only fr and es are here: the only languages a real value was found for (see shapes below).
 */
const dayFirstMonths: readonly (readonly [string, string])[] = [
  ...['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']
    .map((name, i) => [name, String(i + 1).padStart(2, '0')] as const),
  ...['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre']
    .map((name, i) => [name, String(i + 1).padStart(2, '0')] as const),
];

function dayFirstMonth(word: string): string | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const found = new Set(dayFirstMonths.filter(([name]) => name.startsWith(w)).map(([, month]) => month));
  return found.size === 1 ? [...found][0] : undefined;
}

interface Parts { year: string; month: string; day: string; hour: number; min: string; sec: string; zone: string }

/**
 * One entry per written shape. en: `Feb 1, 2020 12:24:25 AM PST`; de: `30.10.2018 23:23:19 GMT+00:00`
 * (a real line quoted in code, find_string id 32346328953); ja: `2026/07/03 12:34:56 JST` (ids 63088814960, 70082111403).
 * fr: `1 juil. 2026 08:31:35 UTC`, `5 janv. 2026 08:31:35 UTC` (a fixture line and tests of a French Pennylane
 * exporter, find_string id 61946964025); es: `2 oct 2025 15:04:50 UTC` (the date comment of a Spanish P&L
 * builder, ids 37866748509, 37848450144). it: no real value was found, so none is listed and such a file is
 * refused naming line and column.
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
];

/** `PST`, `JST`, `GMT+00:00`, `UTC+01:00` → `-08:00`, `+09:00`, `+00:00`, `+01:00`; undefined when unknown. */
function offsetOf(zone: string): string | undefined {
  const named = zoneOffsets[zone.toUpperCase()];
  if (named) return named;
  const m = /^(?:GMT|UTC)([+-])(\d{2}):?(\d{2})$/i.exec(zone);
  return m ? `${m[1]}${m[2]}:${m[3]}` : undefined;
}

/** The instant of a posted-time text, or undefined when it is not one (unknown zone included). */
export function parsePostedTime(text: string): Date | undefined {
  const trimmed = text.trim();
  for (const shape of shapes) {
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
