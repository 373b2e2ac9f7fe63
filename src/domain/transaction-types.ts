/**
 * The `type` of a Payments transaction line (and the description of the charges a type covers),
 * as ONE table of data: the value stored (the English one), every spelling Seller Central writes
 * for it in another UI language, and the profit category the line counts in. The importer stores a
 * localized type as its English value; the profit measures and fact sources read the categories.
 * Sources of each spelling: src/ingest/README.md "Payments transaction types" (find_string ids).
 *
 * Categories:
 * - `sales`: order and refund lines, split by the measures into revenue, refunds, fees, promotions
 * - `reimbursement`: adjustments (Amazon pays the seller back: lost or damaged inventory …)
 * - `transfer`: money moved to the seller's bank or back (no cost)
 * - `fee`: account-level charges: other fees, unless the description says storage or advertising
 */
export type TransactionCategory = 'sales' | 'reimbursement' | 'transfer' | 'fee';

export interface TransactionType {
  /** the value stored and read by the metrics */
  type: string;
  category: TransactionCategory;
  /** spellings in other UI languages (exact, as in the file) */
  spellings: readonly string[];
}

export const transactionTypes: readonly TransactionType[] = [
  {
    type: 'Order', category: 'sales',
    spellings: ['Bestellung', 'Commande', 'Ordine', 'Pedido', '注文', 'Bestelling', 'Zamówienie', 'Sipariş'],
  },
  {
    type: 'Refund', category: 'sales',
    spellings: ['Erstattung', 'Remboursement', 'Rimborso', 'Reembolso', '返金', 'Terugbetaling', 'Återbetalning', 'Zwrot kosztów'],
  },
  {
    type: 'Adjustment', category: 'reimbursement',
    spellings: ['Anpassung', 'Ajustement', 'Modifica', 'Ajuste', '調整', 'Aanpassing', 'Düzeltme'],
  },
  {
    // `Trasferir` (sic) is the Mexican spelling in two independent sources
    type: 'Transfer', category: 'transfer',
    spellings: ['Übertrag', 'Transfert', 'Transférer', 'Trasferimento', 'Transferir', 'Trasferir', '振込み', 'Overboeking', 'Överföring'],
  },
  {
    type: 'Service Fee', category: 'fee',
    spellings: [
      'Servicegebühr', 'Frais de service', 'Commissione di servizio', 'Tarifa de prestación de servicio', 'Tarifa de servicio',
      '注文外料金', 'Servicekosten', 'Serviceavgift', 'Hizmet Ücreti',
    ],
  },
  {
    type: 'FBA Inventory Fee', category: 'fee',
    spellings: [
      'Versand durch Amazon Lagergebühr', 'Frais de stock Expédié par Amazon', 'Costo di stoccaggio Logistica di Amazon',
      'Tarifas de inventario de Logística de Amazon', 'Tarifa de inventario FBA', 'FBA 在庫関連の手数料',
    ],
  },
  {
    type: 'Lightning Deal Fee', category: 'fee',
    spellings: ['Blitzangebotsgebühr', 'Tarif de la Vente Flash', 'Tariffa dell’Offerta Lampo', 'Tarifa de Oferta flash', '数量限定タイムセール手数料'],
  },
  {
    // a negative balance charged to the seller's card: money moved, no cost
    type: 'Debt', category: 'transfer',
    spellings: ['Verbindlichkeit', 'Solde négatif', 'Saldo negativo', 'Saldo descubierto', 'Deuda', 'マイナス残高', 'Skuld'],
  },
];

/**
 * Descriptions of `fee` lines that are the storage charge or advertising, per language (lower-cased
 * SQL LIKE patterns): storage and advertising have their own sources, so these lines are not other fees.
 */
export const feeDescriptions = {
  storage: [
    '%storage fee%', 'versand durch amazon lagergebühr', 'versand durch amazon langzeitlagergebühr', 'fba-lagergebühr',
    'frais de stockage%', 'tariffa di stoccaggio%', 'tarifa por almacenamiento%', 'fba保管手数料%', 'fba長期在庫保管手数料%',
  ],
  /** of the storage descriptions, the long-term ones */
  longTermStorage: ['%long%term%', '%langzeit%', '%longue durée%', '%lungo termine%', '%prolongado%', '%長期%'],
  advertising: ['cost of advertising', 'werbekosten', 'prix de la publicité', 'costo della pubblicità', 'gastos de publicidad', '広告費用', 'reklam maliyeti'],
} as const;

/**
 * Descriptions (lower-cased SQL LIKE patterns) of account-level fees that a line may carry with an empty or unknown
 * type (a US file's coupon fee lines have no type): such a line is an other fee by its description, not `unclassified`.
 * Sources: src/ingest/README.md "Money is conserved".
 */
export const otherFeeDescriptions: readonly string[] = [
  'coupon redemption fee%', 'coupon participation fee%', 'coupon performance based fee%', 'vine enrollment fee%',
  'lightning deal fee%', 'subscription%', 'fba removal order%', 'fba inbound placement service fee%', 'unplanned service charge%',
];

const byCategory = (category: TransactionCategory): string[] =>
  transactionTypes.filter((t) => t.category === category).map((t) => t.type);

/** the stored types of each category */
export const typesOf: Readonly<Record<TransactionCategory, readonly string[]>> = {
  sales: byCategory('sales'), reimbursement: byCategory('reimbursement'), transfer: byCategory('transfer'), fee: byCategory('fee'),
};

const englishBySpelling = new Map(transactionTypes.flatMap((t) => [[t.type, t.type] as const, ...t.spellings.map((s) => [s, t.type] as const)]));

/** A type as written in any UI language → the stored English value; a spelling no source shows stays as written. */
export function storedType(written: string | null): string | null {
  if (written === null) return null;
  return englishBySpelling.get(written.trim()) ?? written;
}
