import { marketplaceByCode, marketplaceBySalesChannel } from '../../domain/marketplaces.ts';
import type { FamilyContext } from '../family.ts';
import type { RowFields } from '../row-fields.ts';

/** A timestamp with an explicit offset (`2019-12-10T06:27:41+00:00`, `… UTC`); without one the instant is unknown. */
const withOffset = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|UTC|[+-]\d{2}:?\d{2})$/;

/**
 * An order or return timestamp: the instant (kept in UTC) and the marketplace-local day it fell on.
 * A bad value is reported by row.date with its line and column.
 */
export function readTimestamp(row: RowFields, field: string, timeZone: string): { at: Date | null; date: string | null } {
  const date = row.date(field, { timeZone });
  const m = withOffset.exec(row.text(field) ?? '');
  if (!date || !m) return { at: null, date };
  const zone = m[3] === 'UTC' ? 'Z' : (m[3] ?? 'Z').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const at = new Date(`${m[1]}T${m[2]}${zone}`);
  return { at: Number.isNaN(at.getTime()) ? null : at, date };
}

/** The time zone a file's timestamps are turned into local days in: its sales channel's, else --marketplace's. */
export function timeZoneOf(context: FamilyContext, salesChannel?: string | null): string | undefined {
  const named = salesChannel ? marketplaceBySalesChannel(salesChannel) : undefined;
  return (named ?? (context.options.marketplace ? marketplaceByCode(context.options.marketplace) : undefined))?.timeZone;
}
