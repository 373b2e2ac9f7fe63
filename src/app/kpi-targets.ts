import { say } from '../domain/messages.ts';
import { Decimal } from 'decimal.js';
import { AsterismError } from '../domain/errors.ts';
import { parsePeriod } from '../domain/kpi-periods.ts';
import { marketplaceByCode } from '../domain/marketplaces.ts';
import { tiers } from '../analysis/benchmark-table.ts';
import { roleOf } from '../analysis/kpi-roles.ts';
import { metricById } from '../metrics/catalog.ts';
import type { Database } from '../store/database.ts';
import { kpiTargetKey, listKpiTargets, removeKpiTarget, setKpiTarget, type KpiTargetKey, type KpiTargetRecord } from '../store/kpi-targets.ts';
import { listSpecialPeriods } from '../store/special-periods.ts';
import { kpiStatus, type KpiStatusAnswer } from './kpi.ts';

/** A target entered from the CLI or the API (the targets file's columns; absent scope columns mean "any"). */
export interface KpiTargetInput {
  kpi: string;
  period: string;
  target: string | number;
  store?: string | undefined;
  marketplace?: string | undefined;
  asin?: string | undefined;
  parent_asin?: string | undefined;
  product_line?: string | undefined;
  tier?: string | undefined;
  owner?: string | undefined;
  role?: string | undefined;
  weight?: string | number | undefined;
  priority?: number | undefined;
}

const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim());

/** Checks a target the way the targets file is checked, and names what is wrong. */
async function validKey(db: Database, i: Omit<KpiTargetInput, 'target' | 'weight' | 'priority'>): Promise<KpiTargetKey> {
  if (!metricById.has(i.kpi)) throw new AsterismError('unknown_metric', say('unknown_kpi', { value: i.kpi }));
  const period = parsePeriod(i.period, await listSpecialPeriods(db)).label;
  const marketplace = blank(i.marketplace);
  if (marketplace && !marketplaceByCode(marketplace)) throw new AsterismError('bad_marketplace', say('unknown_marketplace_code', { value: marketplace, more: '' }));
  const tier = blank(i.tier);
  if (tier && !(tiers as readonly string[]).includes(tier)) throw new AsterismError('bad_request', say('unknown_of', { what: { en: 'tier', zh: '阶段' }, value: tier, known: tiers.join(', ') }));
  const roleText = blank(i.role);
  const role = roleText === null ? null : roleOf(roleText);
  if (roleText !== null && role === null) throw new AsterismError('bad_request', say('bad_role', { value: roleText }));
  return {
    kpi: i.kpi, period, store: blank(i.store), marketplace: marketplace ? marketplaceByCode(marketplace)?.code ?? marketplace : null,
    asin: blank(i.asin)?.toUpperCase() ?? null, parent_asin: blank(i.parent_asin)?.toUpperCase() ?? null, product_line: blank(i.product_line),
    tier, owner: blank(i.owner), role,
  };
}

/** A number as typed: `5000`, `0.008`, or a percentage `0.8%` (a fraction, as rates are stored). */
const decimalText = (v: string | number, what: string): string => {
  const text = String(v).trim().replace(/,/g, '');
  const percent = /^(-?\d+(\.\d+)?)%$/.exec(text);
  if (percent) return new Decimal(percent[1] ?? '0').div(100).toString();
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new AsterismError('bad_request', say('not_a_number_option', { what, value: text, example: { en: '5000, 0.008 or 0.8%', zh: '5000、0.008 或 0.8%' } }));
  return text;
};

/** Sets a target and answers it with the period's guard findings, shown where targets are set (SPEC §5). */
export async function setTarget(db: Database, i: KpiTargetInput): Promise<{ target: KpiTargetRecord; findings: KpiStatusAnswer['findings'] }> {
  const key = await validKey(db, i);
  const target = decimalText(i.target, 'target');
  const weight = i.weight === undefined ? null : decimalText(i.weight, 'weight');
  await setKpiTarget(db, { ...key, target, weight, priority: i.priority ?? null });
  const saved = (await listKpiTargets(db)).find((t) => kpiTargetKey.every((c) => t[c] === key[c]));
  if (!saved) throw new AsterismError('bad_request', say('not_saved', { what: { en: 'target', zh: '目标' } }));
  const { findings } = await kpiStatus(db, { period: key.period });
  return { target: saved, findings };
}

export async function removeTarget(db: Database, i: Omit<KpiTargetInput, 'target' | 'weight' | 'priority'>): Promise<{ removed: number }> {
  return { removed: await removeKpiTarget(db, await validKey(db, i)) };
}

export async function listTargets(db: Database, i: { period?: string | undefined; owner?: string | undefined }): Promise<{ targets: KpiTargetRecord[] }> {
  const period = i.period ? parsePeriod(i.period, await listSpecialPeriods(db)).label : null;
  const targets = (await listKpiTargets(db)).filter((t) => (!period || t.period === period) && (!i.owner || t.owner === i.owner));
  return { targets };
}
