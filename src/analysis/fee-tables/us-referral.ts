import type { ReferralCategory, ReferralTable } from './types.ts';

/**
 * Amazon US referral fees by fee category: percentage (by price tier) and per-item minimum.
 * Source: "Selling on Amazon fee schedule", https://sellercentral.amazon.com/gp/help/external/200336920
 * (the minimum rule: the greater of the percentage and the per-item minimum, on the total sales
 * price); the 2026 rates as reproduced at https://www.listing-forge.com/blog/amazon-referral-fees-by-category
 * ("no changes to referral fee percentages for 2026"; Amazon's 2026 fee announcement, quoted at
 * https://sellersasksellers.com/t/2026-updates-to-us-referral-and-fulfillment-by-amazon-fees/6593,
 * also says there was no referral increase in 2025). Only the main categories are here; a category
 * not listed gets no estimate rather than a guess. Media categories (books, music, video) also pay a
 * closing fee that is not modelled, so they are left out.
 */
const flat = (id: string, en: string, zh: string, rate: string, also: string[] = [], minimum: string | null = '0.30'): ReferralCategory =>
  ({ id, en, zh, also, kind: 'whole', tiers: [{ upTo: null, rate }], minimum });

export const usReferral2026: ReferralTable = {
  version: 'US-referral-2026',
  marketplace: 'US',
  currency: 'USD',
  effectiveFrom: '2025-01-15',
  effectiveTo: null,
  source: 'https://sellercentral.amazon.com/gp/help/external/200336920',
  categories: [
    flat('home_kitchen', 'Home and Kitchen', '家居厨房', '0.15', ['home & kitchen', 'home', 'kitchen', '家居', '厨房']),
    flat('toys_games', 'Toys and Games', '玩具', '0.15', ['toys & games', 'toys']),
    flat('sports_outdoors', 'Sports and Outdoors', '运动户外', '0.15', ['sports & outdoors', 'sports']),
    flat('pet_supplies', 'Pet Supplies', '宠物用品', '0.15', ['pet']),
    flat('tools_home_improvement', 'Tools and Home Improvement', '工具与家装', '0.15', ['tools & home improvement', 'home improvement', 'tools']),
    flat('office_products', 'Office Products', '办公用品', '0.15', ['office']),
    flat('lawn_garden', 'Lawn and Garden', '庭院园艺', '0.15', ['lawn & garden', 'garden', 'patio, lawn & garden']),
    flat('luggage', 'Backpacks, Handbags, Luggage', '箱包', '0.15', ['luggage', 'backpacks']),
    flat('musical_instruments', 'Musical Instruments and AV', '乐器', '0.15', ['musical instruments']),
    flat('everything_else', 'Everything Else', '其他', '0.15', ['other']),
    flat('consumer_electronics', 'Consumer Electronics', '消费电子', '0.08', ['electronics']),
    flat('camera_photo', 'Camera and Photo', '相机摄影', '0.08', ['camera & photo', 'camera']),
    flat('automotive', 'Automotive and Powersports', '汽车用品', '0.12', ['automotive']),
    flat('industrial_scientific', 'Business, Industrial, Scientific', '工业科学', '0.12', ['industrial & scientific', 'industrial']),
    flat('amazon_device_accessories', 'Amazon Device Accessories', '亚马逊设备配件', '0.45'),
    // 8% for a total sales price of $10.00 or less, else 15% (of the whole price)
    { id: 'beauty_personal_care', en: 'Beauty, Health and Personal Care', zh: '美妆个护', also: ['beauty', 'health & personal care', 'health and personal care', '美妆', '个护'],
      kind: 'whole', tiers: [{ upTo: '10', rate: '0.08' }, { upTo: null, rate: '0.15' }], minimum: '0.30' },
    { id: 'baby_products', en: 'Baby Products', zh: '母婴', also: ['baby'], kind: 'whole', tiers: [{ upTo: '10', rate: '0.08' }, { upTo: null, rate: '0.15' }], minimum: '0.30' },
    { id: 'grocery', en: 'Grocery and Gourmet', zh: '食品', also: ['grocery & gourmet food', 'grocery'], kind: 'whole', tiers: [{ upTo: '15', rate: '0.08' }, { upTo: null, rate: '0.15' }], minimum: null },
    { id: 'clothing', en: 'Clothing and Accessories', zh: '服装配饰', also: ['clothing', 'apparel', '服装'],
      kind: 'whole', tiers: [{ upTo: '15', rate: '0.05' }, { upTo: '20', rate: '0.10' }, { upTo: null, rate: '0.17' }], minimum: '0.30' },
    // tiers by portion: e.g. 15% of the part of the price up to $100, 8% of the part above
    { id: 'electronics_accessories', en: 'Electronics Accessories', zh: '电子配件', also: ['electronics accessories'],
      kind: 'portion', tiers: [{ upTo: '100', rate: '0.15' }, { upTo: null, rate: '0.08' }], minimum: '0.30' },
    { id: 'furniture', en: 'Furniture', zh: '家具', kind: 'portion', tiers: [{ upTo: '200', rate: '0.15' }, { upTo: null, rate: '0.10' }], minimum: '0.30' },
    { id: 'appliances_compact', en: 'Appliances - Compact', zh: '小家电', also: ['compact appliances'],
      kind: 'portion', tiers: [{ upTo: '300', rate: '0.15' }, { upTo: null, rate: '0.08' }], minimum: '0.30' },
    { id: 'jewelry', en: 'Jewelry', zh: '珠宝', kind: 'portion', tiers: [{ upTo: '250', rate: '0.20' }, { upTo: null, rate: '0.05' }], minimum: '0.30' },
    { id: 'watches', en: 'Watches', zh: '手表', kind: 'portion', tiers: [{ upTo: '1500', rate: '0.16' }, { upTo: null, rate: '0.03' }], minimum: '0.30' },
  ],
};
