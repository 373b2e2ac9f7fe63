import { expect, test } from 'vitest';
import { neutraliseCell, neutraliseText, startsLikeFormula } from './formula-cells.ts';

test('text starting with =, +, -, @, tab or CR gets a leading quote (OWASP CSV injection rule)', () => {
  expect(neutraliseText('=HYPERLINK("http://evil.example","click")')).toBe(`'=HYPERLINK("http://evil.example","click")`);
  expect(neutraliseText('+1')).toBe(`'+1`);
  expect(neutraliseText('-cmd')).toBe(`'-cmd`);
  expect(neutraliseText('@SUM(A1:A2)')).toBe(`'@SUM(A1:A2)`);
  expect(neutraliseText('\tx')).toBe(`'\tx`);
  expect(neutraliseText('\rx')).toBe(`'\rx`);
});

test('numbers stay numbers: a negative number or a decimal string shaped like one is unchanged', () => {
  expect(neutraliseCell(-12.5)).toBe(-12.5);
  expect(neutraliseText('-12.50')).toBe('-12.50');
  expect(neutraliseText('-3')).toBe('-3');
  expect(startsLikeFormula('-12.5')).toBe(false);
  // a plus sign is not how Asterism writes a number: it is text from a file
  expect(startsLikeFormula('+12.5')).toBe(true);
});

test('other text, empty cells and non-text values pass as they are', () => {
  expect(neutraliseText('green tea = good')).toBe('green tea = good');
  expect(neutraliseText('')).toBe('');
  expect(neutraliseCell(null)).toBeNull();
  expect(neutraliseCell(true)).toBe(true);
});
