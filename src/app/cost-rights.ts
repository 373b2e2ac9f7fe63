import { Decimal } from 'decimal.js';
import type { MessageKey, MessageParam } from '../domain/messages.ts';
import { costFieldRights, hasRight, userRoleNames, type Principal } from '../domain/rights.ts';
import { listCosts, type CostRecord } from '../store/costs.ts';
import type { Database } from '../store/database.ts';

type CostField = keyof typeof costFieldRights;
export type CostChange = { input: Record<string, unknown> } | { refused: { key: MessageKey; params: Record<string, MessageParam> } };

const given = (v: unknown): boolean => v !== undefined && v !== null && v !== '';

function same(field: CostField, asked: unknown, held: string | null): boolean {
  if (held === null) return false;
  if (field === 'currency') return String(asked).trim().toUpperCase() === held;
  try {
    return new Decimal(String(asked).trim()).equals(held);
  } catch {
    return false;
  }
}

/** The cost row in force for the store, SKU and marketplace on a date: the latest effective by then. */
async function rowInForce(db: Database, input: Record<string, unknown>): Promise<CostRecord | undefined> {
  const store = typeof input.store === 'string' && input.store.trim() ? input.store.trim() : 'default';
  const marketplace = typeof input.marketplace === 'string' && input.marketplace ? input.marketplace.toUpperCase() : null;
  const on = String(input.effective_from ?? '');
  const rows = await listCosts(db, { store, sku: String(input.sku ?? '').trim() });
  return rows.filter((r) => r.marketplace === marketplace && r.effective_from <= on).at(-1);
}

/**
 * A cost change within the fields the user's rights allow (costFieldRights): a user with every right changes the
 * row as asked; one with only some (the warehouse: freight) gets the other fields carried over from the row in
 * force, and is refused, naming the fields, when the request would change them or there is no row to add to.
 */
export async function costChangeWithinRights(db: Database, who: Principal, input: Record<string, unknown>): Promise<CostChange> {
  const fields = Object.keys(costFieldRights) as CostField[];
  const mine = fields.filter((f) => costFieldRights[f].some((r) => hasRight(who, r)));
  if (mine.length === fields.length) return { input };
  const role = userRoleNames[who.role];
  const allowed = mine.join(', ');
  const sku = String(input.sku ?? '');
  const held = await rowInForce(db, input);
  if (!held) return { refused: { key: 'cost_fields_no_row', params: { role, allowed, sku, date: String(input.effective_from ?? '') } } };
  const others = fields.filter((f) => !mine.includes(f));
  const changed = others.filter((f) => given(input[f]) && !same(f, input[f], held[f]));
  if (changed.length > 0) {
    const shown = (v: unknown) => (given(v) ? String(v) : '—');
    return {
      refused: {
        key: 'cost_fields_not_yours',
        params: {
          role, allowed, sku, fields: changed.join(', '), since: held.effective_from,
          asked: changed.map((f) => `${f}=${shown(input[f])}`).join(', '), held: changed.map((f) => `${f}=${shown(held[f])}`).join(', '),
        },
      },
    };
  }
  const carried = Object.fromEntries(others.map((f) => [f, held[f] ?? undefined]).filter(([, v]) => v !== undefined));
  return { input: { ...input, ...carried } };
}
