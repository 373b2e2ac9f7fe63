/** The demo catalogue: 20 parent families, ~60 child products, listed per store and marketplace. */
import { Random } from './random.ts';
import { localPrice, markets, type MarketCode, type StoreId } from './markets.ts';

/** [variant code, English, German, Japanese, Chinese] */
type Variant = readonly [string, string, string, string, string];

interface Family {
  store: StoreId;
  code: string;
  line: string;
  names: { en: string; de: string; ja: string; zh: string };
  usCents: number;
  costCny: number;
  fbaFeeCents: number;
  sessionsPerDay: number;
  markets: readonly MarketCode[];
  keywords: { en: readonly string[]; de: readonly string[]; ja: readonly string[] };
  variants: readonly Variant[];
}

const H = 'acme-home' as const;
const O = 'acme-outdoor' as const;

// One row per parent family; variants are the child ASINs. Names carry inch marks and en dashes on purpose.
const families: readonly Family[] = [
  { store: H, code: 'BM', line: '浴室 Bath', names: { en: 'Acme Home Bath Mat – Non-Slip Microfiber Bath Rug, 20" x 32"', de: 'Acme Home Badematte – rutschfeste Mikrofaser, 50 x 80 cm', ja: 'バスマット', zh: '超细纤维浴室地垫 50x80' }, usCents: 2499, costCny: 28, fbaFeeCents: 512, sessionsPerDay: 160, markets: ['US', 'DE'], keywords: { en: ['bath mat', 'bathroom rugs', 'non slip bath mat'], de: ['badematte', 'badteppich rutschfest', 'badvorleger'], ja: [] },
    variants: [['GRY', 'Grey', 'Grau', 'グレー', '灰色'], ['NVY', 'Navy', 'Marineblau', 'ネイビー', '藏青'], ['BEI', 'Beige', 'Beige', 'ベージュ', '米色'], ['PNK', 'Pink', 'Rosa', 'ピンク', '粉色'], ['GRN', 'Sage Green', 'Salbeigrün', 'グリーン', '鼠尾草绿']] },
  { store: H, code: 'KM', line: '厨房 Kitchen', names: { en: 'Acme Home Anti-Fatigue Kitchen Mat – Cushioned Standing Mat', de: 'Acme Home Küchenteppich – Anti-Ermüdungsmatte', ja: 'キッチンマット', zh: '厨房抗疲劳地垫' }, usCents: 3299, costCny: 41, fbaFeeCents: 698, sessionsPerDay: 120, markets: ['US', 'DE'], keywords: { en: ['kitchen mat', 'anti fatigue mat', 'kitchen rugs'], de: ['küchenteppich', 'anti ermüdungsmatte'], ja: [] },
    variants: [['BLK47', '17.3" x 47", Black', '44 x 120 cm, Schwarz', '', '黑色 44x120'], ['BLK59', '17.3" x 59", Black', '44 x 150 cm, Schwarz', '', '黑色 44x150'], ['GRY47', '17.3" x 47", Grey', '44 x 120 cm, Grau', '', '灰色 44x120']] },
  { store: H, code: 'DM', line: '入户 Entry', names: { en: 'Acme Home Door Mat – Heavy Duty Indoor Outdoor Entrance Rug, 30" x 17"', de: 'Acme Home Fußmatte – für innen und außen, 75 x 45 cm', ja: '玄関マット', zh: '入户门垫' }, usCents: 1999, costCny: 19, fbaFeeCents: 466, sessionsPerDay: 90, markets: ['US', 'DE'], keywords: { en: ['door mat', 'welcome mat outdoor'], de: ['fußmatte', 'fussmatte außen'], ja: [] },
    variants: [['BRN', 'Brown', 'Braun', '', '棕色'], ['BLK', 'Black', 'Schwarz', '', '黑色']] },
  { store: H, code: 'TW', line: '浴室 Bath', names: { en: 'Acme Home Bath Towel Set – 600 GSM Cotton, 6 Pieces', de: 'Acme Home Handtuch-Set – 600 g/m² Baumwolle, 6-teilig', ja: 'バスタオル', zh: '纯棉浴巾六件套' }, usCents: 3999, costCny: 52, fbaFeeCents: 735, sessionsPerDay: 110, markets: ['US', 'DE'], keywords: { en: ['bath towels', 'towel set', 'cotton towels'], de: ['handtuch set', 'handtücher baumwolle'], ja: [] },
    variants: [['WHT', 'White', 'Weiß', '', '白色'], ['GRY', 'Grey', 'Grau', '', '灰色'], ['BLU', 'Ocean Blue', 'Blau', '', '蓝色']] },
  { store: H, code: 'SC', line: '浴室 Bath', names: { en: 'Acme Home Shower Curtain – Waterproof Fabric, 72" x 72"', de: 'Acme Home Duschvorhang – wasserdicht, 180 x 180 cm', ja: 'シャワーカーテン', zh: '防水浴帘' }, usCents: 1699, costCny: 14, fbaFeeCents: 390, sessionsPerDay: 70, markets: ['US', 'DE'], keywords: { en: ['shower curtain', 'fabric shower curtain'], de: ['duschvorhang', 'duschvorhang textil'], ja: [] },
    variants: [['CLR', 'Clear', 'Transparent', '', '透明'], ['MRB', 'Marble', 'Marmor', '', '大理石纹'], ['BOT', 'Botanical', 'Blätter', '', '植物印花']] },
  { store: H, code: 'PC', line: '家纺 Textiles', names: { en: 'Acme Home Throw Pillow Covers 18" x 18", Set of 2', de: 'Acme Home Kissenbezüge 45 x 45 cm, 2er Set', ja: 'クッションカバー', zh: '抱枕套两只装' }, usCents: 1899, costCny: 12, fbaFeeCents: 322, sessionsPerDay: 80, markets: ['US', 'DE'], keywords: { en: ['pillow covers 18x18', 'throw pillow covers'], de: ['kissenbezug 45x45', 'kissenhülle'], ja: [] },
    variants: [['BEI', 'Beige', 'Beige', '', '米色'], ['GRN', 'Olive Green', 'Olivgrün', '', '橄榄绿'], ['RST', 'Rust', 'Rostrot', '', '铁锈红']] },
  { store: H, code: 'SO', line: '收纳 Storage', names: { en: 'Acme Home Fabric Storage Bins – Foldable Closet Organizer', de: 'Acme Home Aufbewahrungsboxen – faltbar', ja: '収納ボックス', zh: '布艺收纳箱' }, usCents: 2799, costCny: 30, fbaFeeCents: 618, sessionsPerDay: 75, markets: ['US', 'DE'], keywords: { en: ['storage bins', 'closet organizer'], de: ['aufbewahrungsbox', 'faltbox'], ja: [] },
    variants: [['S3', 'Small, 3 Pack', 'Klein, 3 Stück', '', '小号三只装'], ['L2', 'Large, 2 Pack', 'Groß, 2 Stück', '', '大号两只装']] },
  { store: H, code: 'SL', line: '厨房 Kitchen', names: { en: 'Acme Home Shelf Liner – Non-Adhesive Drawer Liner, 12" x 20\'', de: '', ja: '', zh: '抽屉防滑垫' }, usCents: 1499, costCny: 9, fbaFeeCents: 322, sessionsPerDay: 45, markets: ['US'], keywords: { en: ['shelf liner', 'drawer liner'], de: [], ja: [] },
    variants: [['CLR', 'Clear', '', '', '透明'], ['WHT', 'White', '', '', '白色'], ['GRY', 'Grey', '', '', '灰色']] },
  { store: H, code: 'DD', line: '收纳 Storage', names: { en: 'Acme Home Bamboo Drawer Dividers – Adjustable, 4 Pack', de: '', ja: '', zh: '竹制抽屉分隔板' }, usCents: 2599, costCny: 27, fbaFeeCents: 560, sessionsPerDay: 40, markets: ['US'], keywords: { en: ['drawer dividers', 'bamboo drawer organizer'], de: [], ja: [] },
    variants: [['NAT', 'Natural', '', '', '原木色'], ['WHT', 'White', '', '', '白色'], ['BLK', 'Black', '', '', '黑色']] },
  { store: H, code: 'LB', line: '收纳 Storage', names: { en: 'Acme Home Laundry Basket – Collapsible with Handles, 75L', de: '', ja: '', zh: '可折叠脏衣篮' }, usCents: 2199, costCny: 21, fbaFeeCents: 598, sessionsPerDay: 50, markets: ['US'], keywords: { en: ['laundry basket', 'collapsible laundry hamper'], de: [], ja: [] },
    variants: [['GRY', 'Grey', '', '', '灰色'], ['BEI', 'Beige', '', '', '米色']] },
  { store: O, code: 'CC', line: '露营 Camping', names: { en: 'Acme Outdoor Camping Chair – Folding, Lightweight, 300 lb Capacity', de: '', ja: 'Acme Outdoor キャンプチェア 折りたたみ 軽量', zh: '户外折叠露营椅' }, usCents: 4499, costCny: 62, fbaFeeCents: 905, sessionsPerDay: 140, markets: ['US', 'JP'], keywords: { en: ['camping chair', 'folding chair', 'lightweight camping chair'], de: [], ja: ['キャンプチェア', 'アウトドアチェア 軽量'] },
    variants: [['GRN', 'Green', '', 'グリーン', '绿色'], ['BLK', 'Black', '', 'ブラック', '黑色'], ['BLU', 'Blue', '', 'ブルー', '蓝色']] },
  { store: O, code: 'HL', line: '照明 Lighting', names: { en: 'Acme Outdoor LED Headlamp – Rechargeable, 1200 Lumen', de: '', ja: 'Acme Outdoor LEDヘッドライト 充電式 1200ルーメン', zh: 'LED充电头灯' }, usCents: 2299, costCny: 24, fbaFeeCents: 401, sessionsPerDay: 130, markets: ['US', 'JP'], keywords: { en: ['headlamp', 'rechargeable headlamp', 'head lamp led'], de: [], ja: ['ヘッドライト', 'ヘッドライト 充電式'] },
    variants: [['1PK', '1 Pack', '', '1個', '单只装'], ['2PK', '2 Pack', '', '2個セット', '两只装']] },
  { store: O, code: 'WB', line: '水具 Hydration', names: { en: 'Acme Outdoor Insulated Water Bottle – Stainless Steel, Leakproof', de: '', ja: 'Acme Outdoor 真空断熱ボトル ステンレス', zh: '不锈钢保温水壶' }, usCents: 2699, costCny: 33, fbaFeeCents: 480, sessionsPerDay: 150, markets: ['US', 'JP'], keywords: { en: ['water bottle', 'insulated water bottle', 'stainless steel water bottle'], de: [], ja: ['水筒', 'ステンレスボトル'] },
    variants: [['32-BLU', '32 oz, Blue', '', '950ml ブルー', '950ml 蓝色'], ['32-BLK', '32 oz, Black', '', '950ml ブラック', '950ml 黑色'], ['40-BLU', '40 oz, Blue', '', '1.2L ブルー', '1.2L 蓝色'], ['40-SND', '40 oz, Sand', '', '1.2L サンド', '1.2L 沙色']] },
  { store: O, code: 'LT', line: '照明 Lighting', names: { en: 'Acme Outdoor LED Camping Lantern – 3 Light Modes', de: '', ja: 'Acme Outdoor LEDランタン 3モード', zh: 'LED露营灯' }, usCents: 1999, costCny: 18, fbaFeeCents: 401, sessionsPerDay: 80, markets: ['US', 'JP'], keywords: { en: ['camping lantern', 'led lantern'], de: [], ja: ['ランタン', 'LEDランタン'] },
    variants: [['1PK', '1 Pack', '', '1個', '单只装'], ['4PK', '4 Pack', '', '4個セット', '四只装']] },
  { store: O, code: 'HM', line: '露营 Camping', names: { en: 'Acme Outdoor Camping Hammock – Parachute Nylon with Tree Straps', de: '', ja: 'Acme Outdoor ハンモック パラシュートナイロン', zh: '户外降落伞布吊床' }, usCents: 2999, costCny: 29, fbaFeeCents: 512, sessionsPerDay: 70, markets: ['US', 'JP'], keywords: { en: ['camping hammock', 'hammock with straps'], de: [], ja: ['ハンモック'] },
    variants: [['SGL', 'Single', '', 'シングル', '单人'], ['DBL', 'Double', '', 'ダブル', '双人']] },
  { store: O, code: 'SP', line: '露营 Camping', names: { en: 'Acme Outdoor Sleeping Pad – Ultralight Inflatable, 3.5" Thick', de: '', ja: 'Acme Outdoor エアマット 超軽量', zh: '超轻充气睡垫' }, usCents: 4999, costCny: 68, fbaFeeCents: 640, sessionsPerDay: 60, markets: ['US', 'JP'], keywords: { en: ['sleeping pad', 'inflatable sleeping pad'], de: [], ja: ['エアマット', 'スリーピングマット'] },
    variants: [['REG', 'Regular', '', 'レギュラー', '标准款'], ['LNG', 'Long', '', 'ロング', '加长款']] },
  { store: O, code: 'CK', line: '炊具 Cooking', names: { en: 'Acme Outdoor Camping Cookware Set – Aluminum Pots and Pans', de: '', ja: '', zh: '户外铝合金炊具套装' }, usCents: 3499, costCny: 45, fbaFeeCents: 698, sessionsPerDay: 50, markets: ['US'], keywords: { en: ['camping cookware', 'camping pots and pans'], de: [], ja: [] },
    variants: [['10P', '10 Pieces', '', '', '十件套'], ['16P', '16 Pieces', '', '', '十六件套']] },
  { store: O, code: 'TP', line: '徒步 Hiking', names: { en: 'Acme Outdoor Trekking Poles – Collapsible Aluminum, 2 Pack', de: '', ja: '', zh: '铝合金登山杖两支装' }, usCents: 3299, costCny: 36, fbaFeeCents: 640, sessionsPerDay: 55, markets: ['US'], keywords: { en: ['trekking poles', 'hiking poles'], de: [], ja: [] },
    variants: [['BLK', 'Black', '', '', '黑色'], ['BLU', 'Blue', '', '', '蓝色'], ['RED', 'Red', '', '', '红色']] },
  { store: O, code: 'DB', line: '徒步 Hiking', names: { en: 'Acme Outdoor Dry Bag – Roll Top Waterproof Sack', de: '', ja: '', zh: '卷口防水袋' }, usCents: 1799, costCny: 13, fbaFeeCents: 390, sessionsPerDay: 45, markets: ['US'], keywords: { en: ['dry bag', 'waterproof dry bag'], de: [], ja: [] },
    variants: [['10L', '10L', '', '', '10升'], ['20L', '20L', '', '', '20升'], ['30L', '30L', '', '', '30升']] },
  { store: O, code: 'PB', line: '野餐 Picnic', names: { en: 'Acme Outdoor Picnic Blanket – Waterproof Backing, Machine Washable', de: '', ja: '', zh: '防水野餐垫' }, usCents: 2899, costCny: 26, fbaFeeCents: 560, sessionsPerDay: 60, markets: ['US'], keywords: { en: ['picnic blanket', 'beach blanket waterproof'], de: [], ja: [] },
    variants: [['STD', '60" x 80"', '', '', '150x200'], ['XL', 'XL 80" x 80"', '', '', '加大 200x200']] },
];

export interface Listing {
  index: number;
  store: StoreId;
  market: MarketCode;
  familyCode: string;
  productCode: string;
  sku: string;
  /** A second, merchant-fulfilled SKU on the same ASIN (Business Report repeats traffic on both rows). */
  fbmSku: string | null;
  asin: string;
  parentAsin: string;
  fnsku: string;
  title: string;
  nameZh: string;
  productLine: string;
  keywords: readonly string[];
  currency: 'USD' | 'EUR' | 'JPY';
  priceMinor: number;
  costCny: number;
  fbaFeeMinor: number;
  sessionsPerDay: number;
  ctr: number;
  conversion: number;
  returnRate: number;
  /** Mean star rating of its reviews. */
  quality: number;
}

/** Traffic scale: keeps the whole demo dataset around 50 MB. */
const SCALE = 0.25;

const asinAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

/** ASINs are fixed (not seed-dependent) so the stories can be named in docs and tests. */
function asinFor(key: string): string {
  return `B0${Random.stream(20261123, `asin:${key}`).chars(8, asinAlphabet)}`;
}

function titleFor(family: Family, variant: Variant, lang: 'en' | 'de' | 'ja'): string {
  if (lang === 'de') return `${family.names.de}, ${variant[2]}`;
  if (lang === 'ja') return `${family.names.ja} ${variant[3]}`;
  return `${family.names.en}, ${variant[1]}`;
}

export function buildCatalog(): Listing[] {
  const listings: Listing[] = [];
  for (const family of families) {
    const prefix = family.store === 'acme-home' ? 'AH' : 'AO';
    const parentAsin = asinFor(`parent:${family.code}`);
    family.variants.forEach((variant, v) => {
      const productCode = `${family.code}-${variant[0]}`;
      for (const code of family.markets) {
        const market = markets[code];
        const rng = Random.stream(20261123, `listing:${productCode}:${code}`);
        const sku = `${prefix}-${productCode}-${code}`;
        listings.push({
          index: listings.length, store: family.store, market: code, familyCode: family.code, productCode, sku,
          fbmSku: v === 0 && code === 'US' && (family.code === 'DM' || family.code === 'CC') ? `${sku}-FBM` : null,
          asin: asinFor(productCode), parentAsin, fnsku: `X00${rng.chars(7, asinAlphabet)}`,
          title: titleFor(family, variant, market.lang), nameZh: `${family.names.zh} ${variant[4]}`,
          productLine: family.line, keywords: family.keywords[market.lang], currency: market.currency,
          priceMinor: localPrice(family.usCents + (v % 2) * 200, market), costCny: family.costCny + (v % 2) * 2,
          fbaFeeMinor: Math.round(family.fbaFeeCents * market.priceFactor),
          sessionsPerDay: family.sessionsPerDay * SCALE * market.trafficFactor * [1, 0.62, 0.45, 0.35, 0.3][v]!,
          ctr: 0.006 + rng.next() * 0.005, conversion: 0.09 + rng.next() * 0.06,
          returnRate: 0.02 + rng.next() * 0.03, quality: 3.9 + rng.next() * 0.9,
        });
      }
    });
  }
  return listings;
}
