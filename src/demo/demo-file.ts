/** One written report file and the `asterism import` options a user would pass with it. */
export interface DemoFile {
  /** Path relative to the output directory. */
  path: string;
  type: string;
  store: string;
  marketplace: string;
  from?: string;
  to?: string;
  date?: string;
  content: Buffer;
}

/** Weeks (Sunday–Saturday) inside [start, end], the last one possibly partial. */
export function weeksOf(days: readonly string[]): { from: string; to: string; first: number; last: number }[] {
  const weeks: { from: string; to: string; first: number; last: number }[] = [];
  for (let i = 0; i < days.length; i += 7) {
    const last = Math.min(i + 6, days.length - 1);
    weeks.push({ from: days[i] ?? '', to: days[last] ?? '', first: i, last });
  }
  return weeks;
}

/** Complete calendar months inside the simulated days. */
export function monthsOf(days: readonly string[]): { month: string; first: number; last: number }[] {
  const months: { month: string; first: number; last: number }[] = [];
  days.forEach((d, i) => {
    const m = d.slice(0, 7);
    const cur = months[months.length - 1];
    if (cur && cur.month === m) cur.last = i;
    else months.push({ month: m, first: i, last: i });
  });
  return months.filter((m) => days[m.first]?.endsWith('-01') && (days[m.last + 1] ?? '').endsWith('-01'));
}

/**
 * The ad type of a demo ads report (its type starts `sp_`, `sb_`, `sd_`), which the demo seller knows and
 * gives on import (`--ad-type`): an SB campaign report with only new-to-brand columns fits SB and SD alike.
 */
export function adTypeOfDemoFile(type: string): 'sp' | 'sb' | 'sd' | undefined {
  const prefix = /^(sp|sb|sd)_/.exec(type)?.[1];
  return prefix === 'sp' || prefix === 'sb' || prefix === 'sd' ? prefix : undefined;
}
