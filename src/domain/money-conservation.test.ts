import { expect, test } from 'vitest';
import { addConservation, conservationOf, lineCategory } from './money-conservation.ts';

const order = {
  type: 'Order', description: 'Bath Mat', product_sales: '45.59', product_sales_tax: '3.66', shipping_credits: '0', gift_wrap_credits: '0',
  promotional_rebates: '0', marketplace_withheld_tax: '-3.66', selling_fees: '-6.84', fba_fees: '-9.02', other_transaction_fees: '0',
  other: '0', total: '29.73',
};

test('each line lands in one category; a sales line split by its columns; the categories sum to the total', () => {
  const result = conservationOf([
    order,
    { type: 'Refund', product_sales: '-45.59', promotional_rebates: '2.52', shipping_credits: '-2.52', selling_fees: '5.47', total: '-40.12' },
    { type: 'Service Fee', description: 'Cost of Advertising', total: '-313.96' },
    { type: 'Service Fee', description: 'FBA Inventory Storage Fee', total: '-128.54' },
    { type: 'Service Fee', description: 'Subscription', total: '-39.99' },
    { type: 'Adjustment', description: 'FBA Inventory Reimbursement - Lost:Warehouse', total: '12.20' },
    { type: 'Transfer', description: 'To account ending with: 123', total: '-500.00' },
    // an empty type: a coupon fee by its description (a US file's 55 such lines held −56.40 USD)
    { type: null, description: 'Coupon Redemption Fee: deal 10% off', total: '-0.60' },
    // an unknown type and description: unclassified, never dropped
    { type: 'Something New', description: 'Mystery', total: '-1.25' },
  ], 'USD');
  // total: 29.73 − 40.12 − 313.96 − 128.54 − 39.99 + 12.20 − 500.00 − 0.60 − 1.25 = −982.53
  expect(result).toEqual({
    USD: {
      total: '-982.53',
      categories: {
        revenue: '45.59', refunds: '-45.59',
        promotions: '2.52', // the refund's rebate
        referral_fees: '-1.37', // −6.84 + 5.47
        fba_fees: '-9.02',
        other_fees: '-43.11', // refund's shipping −2.52, subscription −39.99, coupon −0.60
        tax: '0.00', // 3.66 collected − 3.66 withheld
        advertising_charges: '-313.96', storage_charges: '-128.54', reimbursements: '12.20', transfers: '-500.00',
        unclassified: '-1.25',
      },
      difference: '0.00', conserved: true, unclassified_lines: 1,
    },
  });
});

test('a line whose parts do not add up to its total shows the difference, in the currency minor unit', () => {
  // 45.59 + 3.66 − 3.66 − 6.84 − 9.02 = 29.73, but the line says 29.75: 0.02 not in any category
  expect(conservationOf([{ ...order, total: '29.75' }], 'USD').USD).toMatchObject({ total: '29.75', difference: '0.02', conserved: false });
  // yen: no minor unit, so the sums show none either
  expect(conservationOf([{ type: 'Transfer', total: '-213189', currency: 'JPY' }], null).JPY).toMatchObject({ total: '-213189', difference: '0' });
});

test('the profit view order: storage and advertising by description first, then transfers, sales, reimbursements, fees', () => {
  expect(lineCategory({ type: 'Service Fee', description: 'FBA Long-Term Storage Fee' })).toBe('storage_charges');
  expect(lineCategory({ type: 'Service Fee', description: '広告費用' })).toBe('advertising_charges');
  expect(lineCategory({ type: 'Debt', description: 'x' })).toBe('transfers');
  expect(lineCategory({ type: 'Order' })).toBeUndefined();
  expect(lineCategory({ type: 'Adjustment' })).toBe('reimbursements');
  expect(lineCategory({ type: 'Lightning Deal Fee' })).toBe('other_fees');
  expect(lineCategory({ type: '', description: 'Lightning Deal Fee' })).toBe('other_fees');
  expect(lineCategory({ type: '', description: '' })).toBe('unclassified');
});

test('a file read in batches: the checks of its parts add up to the check of the whole', () => {
  const refund = { type: 'Refund', product_sales: '-45.59', promotional_rebates: '2.52', shipping_credits: '-2.52', selling_fees: '5.47', total: '-40.12' };
  const storage = { type: 'Service Fee', description: 'FBA Inventory Storage Fee', total: '-128.54' };
  const whole = conservationOf([order, refund, storage], 'USD');
  const parts = addConservation(addConservation(undefined, conservationOf([order], 'USD')), conservationOf([refund, storage], 'USD'));
  expect(parts).toEqual(whole);
  // total 29.73 − 40.12 − 128.54 = −138.93, and nothing missing
  expect(parts.USD).toMatchObject({ total: '-138.93', difference: '0.00', conserved: true });
});
