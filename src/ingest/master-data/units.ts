import type { FieldReader, RowFields } from '../row-fields.ts';

/**
 * Units of the products file's size and weight columns, as the seller may write them (en, zh, and
 * the FBA fee preview's spellings). Empty means centimetres and grams, the units of most Chinese
 * sellers' sheets.
 */
const dimensionUnits: Record<string, 'cm' | 'in'> = {
  cm: 'cm', centimeter: 'cm', centimeters: 'cm', centimetre: 'cm', centimetres: 'cm', 厘米: 'cm', 公分: 'cm',
  in: 'in', inch: 'in', inches: 'in', 英寸: 'in',
};
const weightUnits: Record<string, 'g' | 'kg' | 'lb' | 'oz'> = {
  g: 'g', gram: 'g', grams: 'g', 克: 'g', kg: 'kg', kilogram: 'kg', kilograms: 'kg', 千克: 'kg', 公斤: 'kg',
  lb: 'lb', lbs: 'lb', pound: 'lb', pounds: 'lb', 磅: 'lb', oz: 'oz', ounce: 'oz', ounces: 'oz', 盎司: 'oz',
};

function unitOf<T extends string>(row: RowFields, fields: FieldReader, field: string, table: Record<string, T>, fallback: T, given: boolean): T | null {
  const text = row.text(field);
  if (text === null) return given ? fallback : null;
  const unit = table[text.trim().toLowerCase()];
  if (unit) return unit;
  const units = [...new Set(Object.values(table))];
  fields.note(row.source, field, 'bad_value', { expected: { en: `a unit (${units.join(', ')})`, zh: `单位（${units.join('、')}）` } });
  return null;
}

/** Category, rival ASINs, sides and weight with their units; null when the row gives none of them. */
export function productAttributes(row: RowFields, fields: FieldReader): Record<string, string | null> | null {
  const sides = { length: row.decimal('length'), width: row.decimal('width'), height: row.decimal('height') };
  const weight = row.decimal('weight');
  const category = row.text('category');
  const rivals = row.text('competitor_asins')?.split(/[;,\s]+/).filter(Boolean).join(';') || null;
  const hasSides = Object.values(sides).some((v) => v !== null);
  if (!hasSides && weight === null && category === null && rivals === null) return null;
  return {
    category, competitor_asins: rivals, ...sides, dimension_unit: unitOf(row, fields, 'dimension_unit', dimensionUnits, 'cm', hasSides),
    weight, weight_unit: unitOf(row, fields, 'weight_unit', weightUnits, 'g', weight !== null),
  };
}
