import { appendAudit } from '../store/audit-log.ts';
import type { Database } from '../store/database.ts';

/** Who made a change and from where: a signed-in user and their address, or the OS user at this machine's CLI. */
export interface Actor {
  user: string;
  origin: string;
}

/** The fields that name what a change was about, in the order they are looked for. */
const targetFields = ['name', 'user', 'id', 'period', 'sku', 'kpi', 'metric', 'asin', 'store', 'marketplace', 'date'] as const;
/** Never written to the log. */
const secretFields = new Set(['password', 'token']);

/** The target (`period=2026-10`) and the detail (the input, secrets left out) of one change. */
export function describeChange(input: unknown): { target: string | null; detail: string | null } {
  if (input === null || typeof input !== 'object') return { target: null, detail: null };
  const fields = Object.fromEntries(Object.entries(input).filter(([k, v]) => !secretFields.has(k) && v !== undefined));
  const key = targetFields.find((k) => fields[k] !== undefined && fields[k] !== '');
  const detail = JSON.stringify(fields);
  return { target: key ? `${key}=${String(fields[key])}` : null, detail: detail === '{}' ? null : detail.slice(0, 4000) };
}

export async function recordChange(db: Database, actor: Actor, action: string, input: unknown, target?: string): Promise<void> {
  const described = describeChange(input);
  await appendAudit(db, { user: actor.user, origin: actor.origin, action, target: target ?? described.target, detail: described.detail });
}
