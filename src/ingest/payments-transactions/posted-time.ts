/**
 * `Feb 1, 2020 12:24:25 AM PST` (Payments date-range reports): the zone is written as an
 * abbreviation, so the offsets Amazon prints are listed here as data.
 */
export const zoneOffsets: Readonly<Record<string, string>> = {
  PST: '-08:00', PDT: '-07:00', MST: '-07:00', MDT: '-06:00', CST: '-06:00', CDT: '-05:00', EST: '-05:00', EDT: '-04:00',
  UTC: '+00:00', GMT: '+00:00', BST: '+01:00', CET: '+01:00', CEST: '+02:00', JST: '+09:00',
  AEST: '+10:00', AEDT: '+11:00',
};

const months: Readonly<Record<string, string>> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};

const shape = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),\s*(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})\s*([AP]M)\s+([A-Z]{2,5})$/i;

/** The instant of a posted-time text, or undefined when it is not one (unknown zone included). */
export function parsePostedTime(text: string): Date | undefined {
  const m = shape.exec(text.trim());
  if (!m) return undefined;
  const [, mon = '', day = '', year = '', h = '', min = '', sec = '', ampm = '', zone = ''] = m;
  const month = months[mon.toLowerCase()];
  const offset = zoneOffsets[zone.toUpperCase()];
  const hour12 = Number(h);
  if (!month || !offset || hour12 < 1 || hour12 > 12) return undefined;
  const hour = (hour12 % 12) + (ampm.toUpperCase() === 'PM' ? 12 : 0);
  const iso = `${year}-${month}-${day.padStart(2, '0')}T${String(hour).padStart(2, '0')}:${min}:${sec}${offset}`;
  const instant = new Date(iso);
  // `Feb 30` would roll over into March: refuse days the month does not have
  const written = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return Number.isNaN(instant.getTime()) || written.getUTCDate() !== Number(day) ? undefined : instant;
}
