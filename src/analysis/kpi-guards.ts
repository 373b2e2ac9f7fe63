import { metricById } from '../metrics/catalog.ts';
import type { Text } from './benchmark-table.ts';
import type { Benchmark } from './benchmarks.ts';
import { conflictingKpis, guardThresholds, suggestedProcessKpis } from './kpi-guard-rules.ts';
import { roleNames, roleOf, rolesThatMove } from './kpi-roles.ts';

/** One target as the guards see it. */
export interface GuardTarget {
  kpi: string;
  /** store, marketplace, asin, parent_asin, product_line, tier: only those set */
  scope: Readonly<Record<string, string>>;
  owner: string | null;
  role: string | null;
  target: number;
  priority: number | null;
  /** the same scope's actual in the last comparable period (additive KPIs scaled to this period's days) */
  history: number | null;
  /** the benchmark for the scope's marketplace and tier, where the KPI has one */
  benchmark: Benchmark | null;
}

export type GuardCode =
  | 'unknown_kpi' | 'result_without_process' | 'conflict_without_priority'
  | 'target_vs_benchmark' | 'target_vs_history' | 'role_cannot_move' | 'unknown_role';

export interface GuardFinding {
  guard: GuardCode;
  severity: 'error' | 'warning';
  kpis: string[];
  scope: Readonly<Record<string, string>>;
  owner: string | null;
  role: string | null;
  message: Text;
  evidence: Record<string, number | string | null>;
}

const name = (id: string): Text => {
  const m = metricById.get(id);
  return { zh: m?.zh ?? id, en: m?.en ?? id };
};
const pct = (n: number) => `${Math.round(n * 1000) / 10}%`;
const shown = (id: string, n: number) => (metricById.get(id)?.unit === 'ratio' ? pct(n) : String(n));
const groupKey = (t: GuardTarget) => JSON.stringify([Object.entries(t.scope).sort(), t.owner]);

function groups(targets: readonly GuardTarget[]): GuardTarget[][] {
  const map = new Map<string, GuardTarget[]>();
  for (const t of targets) map.set(groupKey(t), [...(map.get(groupKey(t)) ?? []), t]);
  return [...map.values()];
}

function finding(guard: GuardCode, t: GuardTarget, kpis: string[], message: Text, evidence: GuardFinding['evidence'] = {}): GuardFinding {
  return { guard, severity: guard === 'unknown_kpi' ? 'error' : 'warning', kpis, scope: t.scope, owner: t.owner, role: t.role, message, evidence };
}

type Guard = (targets: readonly GuardTarget[]) => GuardFinding[];

/** The guards, one per pitfall of the seeds; each reads its numbers from kpi-guard-rules.ts. */
export const kpiGuards: Readonly<Record<GuardCode, Guard>> = {
  unknown_kpi: (targets) => targets.filter((t) => !metricById.has(t.kpi)).map((t) => finding('unknown_kpi', t, [t.kpi], {
    zh: `“${t.kpi}”不是指标目录中的指标：无法计算实际值（\`asterism metrics\` 列出全部指标）`,
    en: `"${t.kpi}" is not a catalog metric: its actual cannot be computed (\`asterism metrics\` lists them)`,
  })),

  result_without_process: (targets) => groups(targets).flatMap((group) => {
    const kinds = group.map((t) => metricById.get(t.kpi)?.kind);
    if (kinds.includes('process') || !kinds.includes('result')) return [];
    const results = group.filter((t) => metricById.get(t.kpi)?.kind === 'result').map((t) => t.kpi);
    const suggest = suggestedProcessKpis.map(name);
    return [finding('result_without_process', group[0] as GuardTarget, results, {
      zh: `只有结果指标（${results.map((k) => name(k).zh).join('、')}），没有过程指标：请搭配${suggest.map((s) => s.zh).join('、')}等`,
      en: `Only result KPIs (${results.map((k) => name(k).en).join(', ')}) and no process KPI: add one such as ${suggest.map((s) => s.en).join(', ')}`,
    })];
  }),

  conflict_without_priority: (targets) => groups(targets).flatMap((group) => conflictingKpis.flatMap(({ pair, why }) => {
    const a = group.find((t) => t.kpi === pair[0]);
    const b = group.find((t) => t.kpi === pair[1]);
    if (!a || !b || (a.priority !== null && b.priority !== null && a.priority !== b.priority)) return [];
    return [finding('conflict_without_priority', a, [...pair], {
      zh: `${name(pair[0]).zh}与${name(pair[1]).zh}相互冲突（${why.zh}），却没有不同的优先级：请设定哪个优先`,
      en: `${name(pair[0]).en} and ${name(pair[1]).en} pull against each other (${why.en}) without distinct priorities: say which comes first`,
    }, { [`priority_${pair[0]}`]: a.priority, [`priority_${pair[1]}`]: b.priority })];
  })),

  target_vs_benchmark: (targets) => targets.flatMap((t) => {
    const b = t.benchmark;
    if (!b) return [];
    const f = guardThresholds.benchmarkFactor;
    const below = b.low !== null && t.target < b.low / f;
    const above = b.high !== null && t.target > b.high * f;
    if (!below && !above) return [];
    const range = `${b.low === null ? '…' : shown(t.kpi, b.low)}–${b.high === null ? '…' : shown(t.kpi, b.high)}`;
    return [finding('target_vs_benchmark', t, [t.kpi], {
      zh: `${name(t.kpi).zh}目标 ${shown(t.kpi, t.target)} 远${below ? '低' : '高'}于基准 ${range}：请参考行业水平`,
      en: `${name(t.kpi).en} target ${shown(t.kpi, t.target)} is far ${below ? 'below' : 'above'} the benchmark ${range}: check it against the market`,
    }, { target: t.target, low: b.low, high: b.high, benchmark: b.from })];
  }),

  target_vs_history: (targets) => targets.flatMap((t) => {
    if (t.history === null || t.history <= 0) return [];
    const ratio = t.target / t.history;
    if (ratio <= guardThresholds.historyHigh && ratio >= guardThresholds.historyLow) return [];
    const times = Math.round(ratio * 100) / 100;
    return [finding('target_vs_history', t, [t.kpi], {
      zh: `${name(t.kpi).zh}目标是上一可比周期实际值（${shown(t.kpi, t.history)}）的 ${times} 倍：目标可能脱离实际`,
      en: `${name(t.kpi).en} target is ${times}× the last comparable period's actual (${shown(t.kpi, t.history)}): it may be out of reach or too easy`,
    }, { target: t.target, history: t.history, ratio: times })];
  }),

  role_cannot_move: (targets) => targets.flatMap((t) => {
    const role = roleOf(t.role);
    const movers = rolesThatMove(t.kpi);
    if (!role || !movers || movers.includes(role)) return [];
    return [finding('role_cannot_move', t, [t.kpi], {
      zh: `${roleNames[role].zh}无法左右${name(t.kpi).zh}（可由${movers.map((r) => roleNames[r].zh).join('、')}负责）：考核应限于可控环节`,
      en: `A ${roleNames[role].en.toLowerCase()} cannot move ${name(t.kpi).en} (${movers.map((r) => roleNames[r].en).join(', ')} can): judge people on what they control`,
    })];
  }),

  unknown_role: (targets) => targets.filter((t) => t.role && !roleOf(t.role)).map((t) => finding('unknown_role', t, [t.kpi], {
    zh: `角色“${t.role}”未知：可用 运营、广告、客服、仓储、店长`,
    en: `Unknown role "${t.role}": use operator, ads, customer_service, warehouse or manager`,
  })),
};

export function guardTargets(targets: readonly GuardTarget[]): GuardFinding[] {
  return Object.values(kpiGuards).flatMap((guard) => guard(targets));
}
