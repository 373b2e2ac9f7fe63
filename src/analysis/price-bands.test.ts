import { describe, expect, test } from 'vitest';
import { priceBandOf } from './price-bands.ts';

describe('price band of an average selling price', () => {
  test('US and EU in their currency; the bound belongs to the band above', () => {
    expect(priceBandOf('US', 9.99)).toBe('budget');
    expect(priceBandOf('US', 10)).toBe('mid'); // 10 is not under 10
    expect(priceBandOf('DE', 24.99)).toBe('mid');
    expect(priceBandOf('UK', 49.99)).toBe('upper');
    expect(priceBandOf('US', 120)).toBe('premium');
  });
  test('JP in yen; unknown price, unknown band', () => {
    expect(priceBandOf('JP', 2980)).toBe('mid');
    expect(priceBandOf('JP', 980)).toBe('budget');
    expect(priceBandOf('US', null)).toBeNull();
  });
});
