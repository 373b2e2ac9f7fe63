/**
 * GET_V2_SELLER_PERFORMANCE_REPORT (schema accountHealthReport-2020-11-18) → account_health rows.
 * Which counts are the defects and which the orders, per performanceMetrics key: data, not code.
 */
export interface RateMetric {
  /** key under performanceMetrics[]; several spellings have been seen */
  keys: readonly string[];
  metric: string;
  /** paths to the defect count, first found wins (Airbyte's fixture writes defectsCount) */
  defects: readonly string[];
  /** path to the count the rate is of */
  orders: string;
}

export const rateMetrics: readonly RateMetric[] = [
  { keys: ['lateShipmentRate'], metric: 'late_shipment', defects: ['lateShipmentCount', 'defectsCount'], orders: 'orderCount' },
  { keys: ['preFulfillmentCancellationRate', 'prefulfillmentCancelRate'], metric: 'pre_fulfillment_cancel', defects: ['cancellationCount', 'defectsCount'], orders: 'orderCount' },
  // the rate is of good shipments: no defect count is given, the shipments are its base
  { keys: ['validTrackingRate'], metric: 'valid_tracking', defects: [], orders: 'shipmentCount' },
  { keys: ['onTimeDeliveryRate'], metric: 'on_time_delivery', defects: [], orders: 'shipmentCountWithValidTracking' },
  { keys: ['invoiceDefectRate'], metric: 'invoice_defect', defects: ['invoiceDefect.count'], orders: 'orderCount' },
];

/** orderDefectRate.afn|mfn parts: the ODR itself and the three defects it is made of */
export const odrParts: readonly { metric: string; count: string; hasRate: boolean }[] = [
  { metric: 'odr', count: 'orderWithDefects', hasRate: true },
  { metric: 'a_to_z', count: 'claims', hasRate: false },
  { metric: 'chargeback', count: 'chargebacks', hasRate: false },
  { metric: 'negative_feedback', count: 'negativeFeedback', hasRate: false },
];

/** AFN/MFN as the rest of Asterism names fulfilment */
export const fulfillmentOf: Readonly<Record<string, string>> = { afn: 'FBA', mfn: 'FBM' };
