import type { Texts } from '../../domain/messages.ts';

/**
 * The shapes of the identifiers a seller's data hangs on. Checked wherever a family reads one of these
 * fields as text (FieldReader), so a formula or a 20 MiB string never becomes an ASIN or a SKU.
 * Decided from the real files in ../shared/fixtures/data (see src/ingest/README.md "Identifiers"):
 * order ids there are not only Amazon's `3-7-7` digits (`S01-…` web orders; removal orders such as
 * `202001UFFL`; payments rows with ids such as `vk1t0fW710`), so an order id is checked for
 * formulas, control characters and length only; FNSKUs are `X00…` or the ASIN itself.
 */
interface IdentifierShape {
  what: Texts;
  /** what a valid one looks like, when there is a shape to check */
  pattern?: RegExp;
  max: number;
}

const asin: IdentifierShape = {
  what: { en: 'an ASIN (B0 and 8 letters or digits, or a 10-digit ISBN)', zh: 'ASIN（B0 加 8 位字母或数字，或 10 位 ISBN）' },
  pattern: /^(?:B0[A-Z0-9]{8}|\d{9}[\dX])$/i,
  max: 10,
};
const sku: IdentifierShape = { what: { en: 'a seller SKU', zh: '卖家 SKU' }, max: 200 };

/** Canonical field → its shape. */
export const identifierFields: Readonly<Record<string, IdentifierShape>> = {
  asin, parent_asin: asin, purchased_asin: asin,
  sku,
  fnsku: {
    what: { en: 'an FNSKU (X0 and 8 letters or digits, or the ASIN)', zh: 'FNSKU（X0 加 8 位字母或数字，或 ASIN 本身）' },
    pattern: /^(?:X0[A-Z0-9]{8}|B0[A-Z0-9]{8}|\d{9}[\dX])$/i,
    max: 10,
  },
  order_id: { what: { en: 'an order id', zh: '订单号' }, max: 64 },
};

export type IdentifierCheck =
  | { ok: true }
  | { ok: false; why: 'formula' | 'too_long' | 'control_characters' | 'shape'; what: Texts; max: number };

/**
 * A spreadsheet formula: `=` first, or `+ - @` first followed by what a formula starts with (a
 * function call, a cell reference, a DDE `cmd|…!`). A bare leading `-` or `+` stays allowed.
 */
const formula = /^=|^[+\-@]\s*(?:[A-Z_][A-Z0-9_.]*\s*\(|\$?[A-Z]{1,3}\$?\d+\b|[^|]*\|[^!]*!)/i;
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u001f\u007f]/;

export function checkIdentifier(field: string, text: string): IdentifierCheck {
  const shape = identifierFields[field];
  if (!shape) return { ok: true };
  const refuse = (why: 'formula' | 'too_long' | 'control_characters' | 'shape') => ({ ok: false as const, why, what: shape.what, max: shape.max });
  if (formula.test(text)) return refuse('formula');
  if (text.length > shape.max) return refuse('too_long');
  if (controls.test(text)) return refuse('control_characters');
  if (shape.pattern && !shape.pattern.test(text)) return refuse('shape');
  return { ok: true };
}
