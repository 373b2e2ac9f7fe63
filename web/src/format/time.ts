import { marketplaceByCode } from '../../../src/domain/marketplaces.ts';
import type { TimeMode } from '../settings/settings.ts';
import type { Lang } from './format.ts';

export const BEIJING = 'Asia/Shanghai';

/** The zone a timestamp is shown in: Beijing, or the marketplace's own (UTC when the row has none). */
export function zoneFor(mode: TimeMode, marketplace: string | null | undefined): string {
  if (mode === 'beijing') return BEIJING;
  return (marketplace ? marketplaceByCode(marketplace)?.timeZone : undefined) ?? 'UTC';
}

/**
 * A UTC timestamp (`YYYY-MM-DDTHH:MM:SS`, as the import log stores it) as `YYYY-MM-DD HH:MM` in the
 * chosen zone, with the zone's short name so a reader never guesses which clock it is.
 */
export function formatTimestamp(utc: string | null | undefined, mode: TimeMode, marketplace: string | null | undefined, lang: Lang): string {
  if (!utc) return '—';
  const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(utc) ? utc : `${utc.replace(' ', 'T')}Z`);
  if (Number.isNaN(date.getTime())) return utc;
  const timeZone = zoneFor(mode, marketplace);
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(date).map((p) => [p.type, p.value]));
  const zone = timeZone === BEIJING ? (lang === 'zh-CN' ? '北京时间' : 'Beijing') : timeZone === 'UTC' ? 'UTC' : lang === 'zh-CN' ? `${marketplace ?? ''}站点时间` : `${marketplace ?? ''} site time`;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${zone}`;
}
