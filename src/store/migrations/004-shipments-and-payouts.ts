/**
 * Migration 4 (SPEC §6, profit). First-leg shipments (货件): a shipment's cost is allocated to its
 * units by volume, weight or units, giving an actual freight per unit from the shipment's date.
 * Payouts (结汇): what Amazon paid out in the marketplace currency and what arrived in CNY after the
 * provider's fee; the difference to the dated mid-market rate is a cost of the period.
 */
export const shipmentsAndPayouts = `
CREATE TABLE shipments (
  store VARCHAR NOT NULL, shipment_id VARCHAR NOT NULL, sku VARCHAR NOT NULL, marketplace VARCHAR,
  date DATE NOT NULL, units BIGINT NOT NULL, shipment_cost DECIMAL(18,4) NOT NULL, currency VARCHAR NOT NULL,
  unit_volume DECIMAL(18,6), unit_weight DECIMAL(18,6), allocation VARCHAR NOT NULL, import_id BIGINT
);
CREATE TABLE payouts (
  store VARCHAR NOT NULL, marketplace VARCHAR NOT NULL, date DATE NOT NULL, currency VARCHAR NOT NULL,
  amount DECIMAL(18,4) NOT NULL, received DECIMAL(18,4) NOT NULL, received_currency VARCHAR NOT NULL,
  provider_fee DECIMAL(18,4), import_id BIGINT
);
`;
