import { sourceNames } from './partial-base.ts';

/** What an answer says of one report type behind its numbers (the metric layer's `lineage`). */
export interface LineageFacts {
  source: string;
  from: string;
  to: string;
  days: number | null;
  period_days: number | null;
  row_days: number[];
  time_zones: Record<string, string>;
  attribution_days: number[];
  imported_at: string;
}

const grain = (days: number[], lang: 'zh' | 'en') => days.map((d) => {
  if (d === 1) return lang === 'zh' ? '按日' : 'daily';
  if (d === 7) return lang === 'zh' ? '按周' : 'weekly';
  if (d >= 28 && d <= 31) return lang === 'zh' ? '按月' : 'monthly';
  return lang === 'zh' ? `每行 ${d} 天` : `${d}-day rows`;
}).filter((g, i, all) => all.indexOf(g) === i).join(lang === 'zh' ? '、' : ', ');

/** One line per report type: "Business Report: 2026-10-11 – 2026-10-17, weekly, 7 of 7 days, US America/Los_Angeles, imported 2026-11-02 08:00 UTC". */
export function lineageText(l: LineageFacts): { zh: string; en: string } {
  const name = sourceNames[l.source] ?? { zh: l.source, en: l.source };
  const zones = Object.entries(l.time_zones).map(([m, tz]) => `${m} ${tz}`).join(', ');
  const imported = `${l.imported_at.slice(0, 16).replace('T', ' ')} UTC`;
  const days = l.days === null || l.period_days === null ? null : l.days;
  const attribution = l.attribution_days.length ? l.attribution_days : null;
  return {
    zh: [`${name.zh}：${l.from} ~ ${l.to}`, grain(l.row_days, 'zh'), days === null ? null : `覆盖 ${l.period_days} 天中的 ${days} 天`,
      attribution ? `归因窗口 ${attribution.join('/')} 天` : null, `时区 ${zones}`, `导入于 ${imported}`].filter(Boolean).join('，'),
    en: [`${name.en}: ${l.from} – ${l.to}`, grain(l.row_days, 'en'), days === null ? null : `${days} of ${l.period_days} days covered`,
      attribution ? `${attribution.join('/')}-day attribution` : null, `time zone ${zones}`, `imported ${imported}`].filter(Boolean).join(', '),
  };
}
