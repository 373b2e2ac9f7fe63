import { Decimal } from 'decimal.js';
import type { SizeTier } from './types.ts';

/**
 * US FBA product size tiers (2024+, unchanged in 2026), as data: the largest sides in inches, the
 * largest length + girth, the heaviest weight, and which weight decides. Source: Amazon "Product size
 * tiers" (2024 size tier changes), as tabled at https://huzaifa.org/amazon-new-product-size-tiers-2024-fee/ ("for large standard, large bulky and
 * extra-large (excluding 150+ lb) Amazon uses dimensional weight when it is greater than the unit
 * weight; small standard and extra-large 150+ lb use the unit weight only"). Small bulky (2026) from
 * the 2026 card reproduced at https://github.com/progami/targonos/blob/b1b723f49c82a439c20ba8fa41a430b35f1865d4/apps/talos/src/lib/amazon/fees.ts.
 */
export interface SizeTierRule {
  tier: SizeTier;
  /** longest, median, shortest side, inches; null: no limit */
  sides: readonly [number, number, number] | null;
  lengthPlusGirth: number | null;
  /** heaviest weight in lb (by `weighs`), null for the last tier */
  maxLb: number | null;
  /** `unit`: unit weight only; `shipping`: the greater of unit and dimensional weight */
  weighs: 'unit' | 'shipping';
  /** bulky and extra-large: dimensional weight counts width and height as at least 2 inches */
  minSideForDim: number;
}

export const usSizeTiers: readonly SizeTierRule[] = [
  { tier: 'small_standard', sides: [15, 12, 0.75], lengthPlusGirth: null, maxLb: 1, weighs: 'unit', minSideForDim: 0 },
  { tier: 'large_standard', sides: [18, 14, 8], lengthPlusGirth: null, maxLb: 20, weighs: 'shipping', minSideForDim: 0 },
  { tier: 'small_bulky', sides: [37, 28, 20], lengthPlusGirth: 130, maxLb: 50, weighs: 'shipping', minSideForDim: 2 },
  { tier: 'large_bulky', sides: [59, 33, 33], lengthPlusGirth: 130, maxLb: 50, weighs: 'shipping', minSideForDim: 2 },
  { tier: 'extra_large_0_50', sides: null, lengthPlusGirth: null, maxLb: 50, weighs: 'shipping', minSideForDim: 2 },
  { tier: 'extra_large_50_70', sides: null, lengthPlusGirth: null, maxLb: 70, weighs: 'shipping', minSideForDim: 2 },
  { tier: 'extra_large_70_150', sides: null, lengthPlusGirth: null, maxLb: 150, weighs: 'shipping', minSideForDim: 2 },
  { tier: 'extra_large_150_plus', sides: null, lengthPlusGirth: null, maxLb: null, weighs: 'unit', minSideForDim: 2 },
];

/** Dimensional weight divisor (cubic inches per pound). */
export const dimDivisor = 139;

const inchesPer = { in: new Decimal(1), cm: new Decimal(1).div('2.54') } as const;
const poundsPer = { lb: new Decimal(1), oz: new Decimal(1).div(16), g: new Decimal(1).div('453.59237'), kg: new Decimal(1000).div('453.59237') } as const;
export type DimensionUnit = keyof typeof inchesPer;
export type WeightUnit = keyof typeof poundsPer;
export const dimensionUnits = Object.keys(inchesPer) as DimensionUnit[];
export const weightUnits = Object.keys(poundsPer) as WeightUnit[];

export interface Parcel {
  /** three sides in any order */
  sides: readonly [Decimal.Value, Decimal.Value, Decimal.Value];
  dimensionUnit: DimensionUnit;
  weight: Decimal.Value;
  weightUnit: WeightUnit;
}

/** A size as the products file writes it: a parcel when both units are ones the tables know, else null. */
export function parcelOf(size: { sides: readonly [string, string, string]; dimensionUnit: string; weight: string; weightUnit: string } | null): Parcel | null {
  if (!size) return null;
  const dimensionUnit = dimensionUnits.find((u) => u === size.dimensionUnit);
  const weightUnit = weightUnits.find((u) => u === size.weightUnit);
  return dimensionUnit && weightUnit ? { sides: size.sides, dimensionUnit, weight: size.weight, weightUnit } : null;
}

export interface TierAnswer {
  tier: SizeTier;
  unitLb: Decimal;
  dimensionalLb: Decimal;
  /** the weight the fee is looked up by */
  shippingLb: Decimal;
}

/** The size tier and the weight that prices it: the first tier whose sides, girth and weight fit. */
export function sizeTierOf(parcel: Parcel): TierAnswer {
  const sides = parcel.sides.map((s) => new Decimal(s).mul(inchesPer[parcel.dimensionUnit])).sort((a, b) => b.cmp(a)) as [Decimal, Decimal, Decimal];
  const unitLb = new Decimal(parcel.weight).mul(poundsPer[parcel.weightUnit]);
  const girth = sides[0].add(sides[1].add(sides[2]).mul(2));
  for (const rule of usSizeTiers) {
    const dimensionalLb = sides[0].mul(Decimal.max(sides[1], rule.minSideForDim)).mul(Decimal.max(sides[2], rule.minSideForDim)).div(dimDivisor);
    const shippingLb = rule.weighs === 'unit' ? unitLb : Decimal.max(unitLb, dimensionalLb);
    const fitsSides = rule.sides === null || sides.every((s, i) => s.lte(rule.sides?.[i] ?? 0));
    const fitsGirth = rule.lengthPlusGirth === null || girth.lte(rule.lengthPlusGirth);
    if (fitsSides && fitsGirth && (rule.maxLb === null || shippingLb.lte(rule.maxLb))) return { tier: rule.tier, unitLb, dimensionalLb, shippingLb };
  }
  throw new Error('unreachable: the last size tier takes every parcel');
}
